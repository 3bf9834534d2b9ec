// The default message library (短信库 / 話術庫 / メッセージ文例集) in the four languages. Ids are stable:
// `default:<locale>:<category>:<slug>`, so an organisation's copy can say which default it came from.
import type { Locale } from '../../../contracts/common';
import type { MessageTemplate } from '../templates';
import { EN } from './en';
import { JA } from './ja';
import type { LibraryEntry } from './types';
import { ZH_CN } from './zh-cn';
import { ZH_TW } from './zh-tw';

const BY_LOCALE: Record<Locale, LibraryEntry[]> = { 'zh-CN': ZH_CN, 'zh-TW': ZH_TW, ja: JA, en: EN };

function build(): MessageTemplate[] {
  return (Object.keys(BY_LOCALE) as Locale[]).flatMap((locale) =>
    BY_LOCALE[locale].map((e) => ({
      id: `default:${locale}:${e.category}:${e.slug}`,
      category: e.category,
      locale,
      format: e.format ?? 'message',
      title: e.title,
      subject: e.subject ?? null,
      body: e.body,
      allowsBenefit: e.allowsBenefit ?? false,
      holidayId: e.holidayId ?? null,
      termId: e.termId ?? null,
    })),
  );
}

/** Every default template, all four languages. */
export const DEFAULT_TEMPLATES: readonly MessageTemplate[] = build();

/** The default templates of one language. */
export function defaultTemplates(locale: Locale): MessageTemplate[] {
  return DEFAULT_TEMPLATES.filter((t) => t.locale === locale);
}
