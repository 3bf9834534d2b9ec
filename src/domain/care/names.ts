// `{name}` as a shop guide writes it to a regular in each market:
// - zh-CN: 王女士 / 王先生 (女士 is the courteous form on the mainland, where 小姐 can read badly);
// - zh-TW (Taiwan, Hong Kong): 陳小姐 / 陳先生 (小姐 is the everyday courteous form there);
// - ja: 山田様 for everyone (様 carries no gender);
// - en: her given name, as boutiques write in English ("Emily"); Ms/Mr Wang on request or when no given
//   name is known.
// When her gender is unknown (or she chose not to say) we never guess: the full name (王丽华, 陳怡君,
// Emily Wang), or, with no given name either, a courteous generic form.
import type { Locale } from '../../contracts/common';
import type { Gender } from './facts';

export type NameParts = { familyName: string; givenName?: string | null; gender?: Gender | null };

export type NameOptions = {
  /** en only: 'given_name' (default) or 'honorific' (Ms Wang). The other locales always use honorifics. */
  englishStyle?: 'given_name' | 'honorific';
  /** Override the honorific of a locale, e.g. { 'zh-TW': { female: '女士' } } for a formal house style. */
  honorifics?: Partial<Record<Locale, { female?: string; male?: string }>>;
};

const HONORIFICS: Record<'zh-CN' | 'zh-TW', { female: string; male: string }> = {
  'zh-CN': { female: '女士', male: '先生' },
  'zh-TW': { female: '小姐', male: '先生' },
};

const GENERIC: Record<Locale, string> = {
  'zh-CN': '亲爱的顾客',
  'zh-TW': '親愛的顧客',
  ja: 'お客様',
  en: 'valued customer',
};

/** How to address her in a message, `{name}`. */
export function formatCustomerName(parts: NameParts, locale: Locale, options: NameOptions = {}): string {
  const family = parts.familyName.trim();
  const given = parts.givenName?.trim() || '';
  const gender = parts.gender === 'female' || parts.gender === 'male' ? parts.gender : null;
  const override = options.honorifics?.[locale];
  switch (locale) {
    case 'ja':
      return family ? `${family}様` : given ? `${given}様` : GENERIC.ja;
    case 'zh-CN':
    case 'zh-TW': {
      if (gender && family) return `${family}${override?.[gender] ?? HONORIFICS[locale][gender]}`;
      if (family && given) return `${family}${given}`;
      return GENERIC[locale];
    }
    case 'en': {
      const title = gender ? (override?.[gender] ?? (gender === 'female' ? 'Ms' : 'Mr')) : null;
      if (options.englishStyle !== 'honorific' && given) return given;
      if (title && family) return `${title} ${family}`;
      if (given && family) return `${given} ${family}`;
      return GENERIC.en;
    }
  }
}
