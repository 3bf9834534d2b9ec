// A task's reasons in the reader's language: the catalogue text of the reason key (care.reasons.*, or
// careTasks.reasons.* for what the task screens add, such as a booked appointment), filled with the
// words reasonParamsFor makes from the reason's ids; the rule's name when the catalogue lacks the key.
import type { TFunction } from 'i18next';
import type { TaskReason } from '../../../../contracts/care-tasks';
import type { Locale } from '../../../../contracts/common';
import { reasonParamsFor } from '../../../../domain/care/reasons';
import type { ReasonParams } from '../../../../domain/care/rules/types';

export function reasonText(t: TFunction, r: TaskReason, locale: Locale): string {
  const params = reasonParamsFor(r.params as ReasonParams, locale);
  const text = t(r.reasonKey, { ...params, defaultValue: '' });
  return text || t(`care.rules.${r.ruleId}`);
}

export function asLocale(lng: string): Locale {
  return lng === 'zh-CN' || lng === 'zh-TW' || lng === 'ja' ? lng : 'en';
}
