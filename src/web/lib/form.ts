// A small form-state hook: values, client-side validation with the contract's zod schema, and server
// field errors (problem+json `fields`) placed under the matching inputs. Messages come from `errors:field.*`.
import { useState, type ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { isApiError } from './api-client';
import { problemMessage, translateMessage, type Message } from './problem-message';

/** Per field, the `errors:field.*` key to use when a value has the wrong shape (a regex or refine failed). */
export type FormatMessages = Partial<Record<string, string>>;

type Issue = z.core.$ZodIssue;

function issueMessage(issue: Issue, field: string, formats: FormatMessages): Message {
  switch (issue.code) {
    case 'too_small':
      if (issue.origin === 'string' && Number(issue.minimum) > 1)
        return { key: 'errors:field.min_chars', params: { min: Number(issue.minimum) } };
      return { key: 'errors:field.required' };
    case 'too_big':
      return { key: 'errors:field.too_long' };
    case 'invalid_type':
      return { key: 'errors:field.required' };
    case 'invalid_format':
      if (issue.format === 'email') return { key: 'errors:field.invalid_email' };
      return { key: `errors:field.${formats[field] ?? 'invalid'}` };
    default:
      return { key: `errors:field.${formats[field] ?? 'invalid'}` };
  }
}

const SERVER_CODES: Record<string, string> = {
  too_small: 'too_short',
  too_big: 'too_long',
  invalid_type: 'required',
  taken: 'taken',
  wrong: 'wrong',
  unknown_store: 'unknown_store',
  unknown_region: 'unknown_region',
  invalid_email: 'invalid_email',
};

function serverFieldMessage(code: string, field: string, formats: FormatMessages): Message {
  if (field === 'email' && code === 'invalid_format') return { key: 'errors:field.invalid_email' };
  const known = SERVER_CODES[code];
  return { key: `errors:field.${known ?? formats[field] ?? 'invalid'}` };
}

/** `body.storeIds.0` → `storeIds` */
function fieldName(path: string): string {
  const parts = path.split('.');
  return (['body', 'query', 'params'].includes(parts[0] ?? '') ? parts[1] : parts[0]) ?? path;
}

export function useZodForm<V extends Record<string, unknown>>(initial: V, formats: FormatMessages = {}) {
  const { t } = useTranslation();
  const [values, setValues] = useState<V>(initial);
  const [errors, setErrors] = useState<Partial<Record<string, Message>>>({});
  const [formError, setFormError] = useState<Message | null>(null);

  function setValue<K extends keyof V>(key: K, value: V[K]) {
    setValues((v) => ({ ...v, [key]: value }));
    setErrors((e) => ({ ...e, [key]: undefined }));
  }

  function error(key: keyof V & string): string | undefined {
    const m = errors[key];
    return m ? translateMessage(t, m) : undefined;
  }

  /** Props for a text-like Mantine input. */
  function text(key: keyof V & string) {
    return {
      value: String(values[key] ?? ''),
      onChange: (e: ChangeEvent<HTMLInputElement>) => setValue(key, e.currentTarget.value as V[typeof key]),
      error: error(key),
    };
  }

  function validate<S extends z.ZodType>(schema: S, input: unknown = values): z.output<S> | null {
    const result = schema.safeParse(input);
    setFormError(null);
    if (result.success) {
      setErrors({});
      return result.data;
    }
    const next: Partial<Record<string, Message>> = {};
    const given = (input ?? {}) as Record<string, unknown>;
    for (const issue of result.error.issues) {
      const key = String(issue.path[0] ?? '_');
      // An empty field is "required", whatever shape rule it also breaks.
      const isEmpty = given[key] === '' || given[key] === undefined || given[key] === null;
      next[key] ??=
        isEmpty && issue.path.length === 1 ? { key: 'errors:field.required' } : issueMessage(issue, key, formats);
    }
    setErrors(next);
    return null;
  }

  /** Shows a failed request: field errors under inputs, the rest in the form's alert. */
  function fail(err: unknown) {
    setFormError(problemMessage(err));
    if (!isApiError(err)) return;
    const next: Partial<Record<string, Message>> = {};
    for (const f of err.fields) {
      const key = fieldName(f.field);
      if (key in values) next[key] ??= serverFieldMessage(f.code, key, formats);
    }
    setErrors(next);
  }

  function setError(key: keyof V & string, message: Message) {
    setErrors((e) => ({ ...e, [key]: message }));
  }

  function reset(to: V = initial) {
    setValues(to);
    setErrors({});
    setFormError(null);
  }

  return {
    values,
    setValue,
    setError,
    text,
    error,
    validate,
    fail,
    reset,
    formError: formError ? translateMessage(t, formError) : null,
    setFormError,
  };
}
