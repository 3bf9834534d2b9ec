// Turns any thrown error into words from the `errors` catalogue.
import type { TFunction } from 'i18next';
import { PASSWORD_MIN_LENGTH } from '../../contracts/auth';
import { isApiError } from './api-client';

export type Message = { key: string; params?: Record<string, string | number> };

export function problemMessage(err: unknown): Message {
  if (!isApiError(err)) return { key: 'errors:internal' };
  return { key: `errors:${err.code}`, params: { min: PASSWORD_MIN_LENGTH, minutes: 15, ...err.params } };
}

export function translateMessage(t: TFunction, m: Message): string {
  return t(m.key, m.params ?? {}) as string;
}
