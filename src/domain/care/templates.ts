// Message templates: `{variable}` placeholders, validation at save time (unknown variables are an
// error, tone findings a warning), rendering for one customer, a preview with sample values, and the
// choice of a template for a task.
import {
  TEMPLATE_VARIABLES,
  type HolidayId,
  type MessageCategory,
  type SolarTermId,
  type TemplateFormat,
  type TemplateVariable,
} from '../../contracts/care';
import type { Locale } from '../../contracts/common';
import { birthdayBenefitPhrase } from './benefit';
import type { IsoDate } from './dates';
import { holidayLabel } from './holidays';
import { formatCustomerName, type NameOptions, type NameParts } from './names';
import { SOLAR_TERM_LABELS } from './solar-terms';
import { checkTone, type ToneFinding } from './tone';

export type MessageTemplate = {
  id: string;
  category: MessageCategory;
  locale: Locale;
  format: TemplateFormat;
  title: string;
  subject?: string | null;
  body: string;
  allowsBenefit: boolean;
  holidayId?: HolidayId | null;
  termId?: SolarTermId | null;
};

export type TemplateIssueCode =
  | 'unknown_variable'
  | 'variable_not_allowed'
  | 'benefit_not_allowed'
  | 'benefit_outside_birthday'
  | 'malformed_placeholder'
  | 'holiday_outside_holiday_category'
  | 'term_outside_season_category';

export type TemplateIssue = {
  code: TemplateIssueCode;
  field: 'body' | 'subject' | 'allowsBenefit' | 'holidayId' | 'termId';
  variable?: string;
  start?: number;
  end?: number;
};

const BASE: readonly TemplateVariable[] = ['name', 'guide', 'store', 'brand', 'date', 'tier'];
const EXTRA: Partial<Record<MessageCategory, readonly TemplateVariable[]>> = {
  holiday: ['holiday'],
  season_change: ['season'],
  birthday: ['benefit'],
  after_purchase: ['item'],
  referral_welcome: ['item'],
};

/** The variables a category's templates may use (`benefit` also needs allowsBenefit). */
export function allowedVariables(category: MessageCategory): TemplateVariable[] {
  return [...BASE, ...(EXTRA[category] ?? [])];
}

const isVariable = (name: string): name is TemplateVariable => (TEMPLATE_VARIABLES as readonly string[]).includes(name);

export type Placeholder = { name: string; start: number; end: number };

/** Placeholders in a text: `{name}`; `{{` and `}}` are literal braces; a lone brace is malformed. */
export function scanPlaceholders(text: string): { placeholders: Placeholder[]; malformed: number[] } {
  const placeholders: Placeholder[] = [];
  const malformed: number[] = [];
  for (let i = 0; i < text.length; i += 1) {
    const ch = text[i];
    if ((ch === '{' || ch === '}') && text[i + 1] === ch) {
      i += 1;
      continue;
    }
    if (ch === '}') {
      malformed.push(i);
      continue;
    }
    if (ch !== '{') continue;
    const m = /^\{([a-z_]+)\}/.exec(text.slice(i));
    if (m) {
      placeholders.push({ name: m[1]!, start: i, end: i + m[0].length });
      i += m[0].length - 1;
    } else malformed.push(i);
  }
  return { placeholders, malformed };
}

/** The distinct variables a template uses (body and subject). */
export function templateVariables(t: Pick<MessageTemplate, 'body' | 'subject'>): TemplateVariable[] {
  const names = [t.body, t.subject ?? ''].flatMap((s) => scanPlaceholders(s).placeholders.map((p) => p.name));
  return [...new Set(names)].filter(isVariable);
}

export type TemplateCheck = { issues: TemplateIssue[]; tone: ToneFinding[] };

/** Save-time check: `issues` are errors (refuse to save), `tone` are warnings to highlight. */
export function validateTemplate(
  t: Pick<MessageTemplate, 'category' | 'locale' | 'body' | 'subject' | 'allowsBenefit' | 'holidayId' | 'termId'>,
): TemplateCheck {
  const issues: TemplateIssue[] = [];
  const allowed = allowedVariables(t.category);
  for (const field of ['body', 'subject'] as const) {
    const text = t[field] ?? '';
    const { placeholders, malformed } = scanPlaceholders(text);
    for (const at of malformed) issues.push({ code: 'malformed_placeholder', field, start: at, end: at + 1 });
    for (const p of placeholders) {
      const at = { field, variable: p.name, start: p.start, end: p.end };
      if (!isVariable(p.name)) issues.push({ code: 'unknown_variable', ...at });
      else if (!allowed.includes(p.name)) issues.push({ code: 'variable_not_allowed', ...at });
      else if (p.name === 'benefit' && !t.allowsBenefit) issues.push({ code: 'benefit_not_allowed', ...at });
    }
  }
  if (t.allowsBenefit && t.category !== 'birthday')
    issues.push({ code: 'benefit_outside_birthday', field: 'allowsBenefit' });
  if (t.holidayId && t.category !== 'holiday')
    issues.push({ code: 'holiday_outside_holiday_category', field: 'holidayId' });
  if (t.termId && t.category !== 'season_change')
    issues.push({ code: 'term_outside_season_category', field: 'termId' });
  const tone = checkTone(`${t.subject ? `${t.subject}\n` : ''}${t.body}`, t.locale);
  return { issues, tone };
}

// ---- rendering ---------------------------------------------------------------------------------

export type RenderContext = {
  customer: NameParts;
  /** How the guide signs: 小李, 佐藤, Lily. */
  guide: string;
  store: string;
  brand?: string;
  /** The occasion's date (the birthday, the holiday). */
  date?: IsoDate;
  /** Her tier's label in the message language. */
  tier?: string | null;
  holidayId?: HolidayId | null;
  termId?: SolarTermId | null;
  /** A configured season key (spring, summer…) when the season change follows fixed dates. */
  season?: string | null;
  /**
   * The birthday-month benefit in the message language (`birthdayBenefitPhrase` of her tier's benefit),
   * for birthday tasks only; used only where the template allows it. Absent: templates needing it are not offered.
   */
  benefit?: string | null;
  /** What she bought, for after-purchase words. */
  item?: string | null;
  nameOptions?: NameOptions;
};

const SEASON_LABELS: Record<string, Record<Locale, string>> = {
  spring: { 'zh-CN': '春天', 'zh-TW': '春天', ja: '春', en: 'spring' },
  summer: { 'zh-CN': '夏天', 'zh-TW': '夏天', ja: '夏', en: 'summer' },
  autumn: { 'zh-CN': '秋天', 'zh-TW': '秋天', ja: '秋', en: 'autumn' },
  winter: { 'zh-CN': '冬天', 'zh-TW': '冬天', ja: '冬', en: 'winter' },
};

const EN_MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** A day as a message writes it: 9月15日 (zh, ja), 15 September (en). */
export function formatMessageDate(date: IsoDate, locale: Locale): string {
  const [m, d] = [Number(date.slice(5, 7)), Number(date.slice(8, 10))];
  return locale === 'en' ? `${d} ${EN_MONTHS[m - 1]}` : `${m}月${d}日`;
}

/** The values of every variable the context can fill, in the template's language. */
export function variableValues(ctx: RenderContext, locale: Locale): Partial<Record<TemplateVariable, string>> {
  const values: Partial<Record<TemplateVariable, string>> = {
    name: formatCustomerName(ctx.customer, locale, ctx.nameOptions),
    guide: ctx.guide,
    store: ctx.store,
  };
  if (ctx.brand) values.brand = ctx.brand;
  if (ctx.date) values.date = formatMessageDate(ctx.date, locale);
  if (ctx.tier) values.tier = ctx.tier;
  if (ctx.holidayId) values.holiday = holidayLabel(ctx.holidayId, locale);
  if (ctx.termId) values.season = SOLAR_TERM_LABELS[ctx.termId][locale];
  else if (ctx.season) values.season = SEASON_LABELS[ctx.season]?.[locale] ?? ctx.season;
  if (ctx.benefit) values.benefit = ctx.benefit;
  if (ctx.item) values.item = ctx.item;
  return values;
}

/** Fills placeholders; `missing` lists the variables with no value (the text keeps their placeholder). */
export function fillPlaceholders(
  text: string,
  values: Partial<Record<string, string>>,
): { text: string; missing: string[] } {
  const missing = new Set<string>();
  const out = text.replace(/\{\{|\}\}|\{([a-z_]+)\}/g, (whole, name: string | undefined) => {
    if (whole === '{{') return '{';
    if (whole === '}}') return '}';
    const v = name ? values[name] : undefined;
    if (v === undefined) {
      missing.add(name ?? whole);
      return whole;
    }
    return v;
  });
  return { text: out, missing: [...missing] };
}

export type Rendered = { ok: true; text: string; subject: string | null } | { ok: false; missing: string[] };

/** The template's words for one customer; refuses when a used variable has no value or is not allowed. */
export function renderTemplate(t: MessageTemplate, ctx: RenderContext): Rendered {
  const values = variableValues(ctx, t.locale);
  if (!t.allowsBenefit) delete values.benefit;
  const body = fillPlaceholders(t.body, values);
  const subject = t.subject ? fillPlaceholders(t.subject, values) : null;
  const missing = [...new Set([...body.missing, ...(subject?.missing ?? [])])];
  return missing.length ? { ok: false, missing } : { ok: true, text: body.text, subject: subject?.text ?? null };
}

/** Whether a template can be rendered with the values a context provides. */
export function canRender(t: MessageTemplate, ctx: RenderContext): boolean {
  const values = variableValues(ctx, t.locale);
  return templateVariables(t).every((v) => values[v] !== undefined && (v !== 'benefit' || t.allowsBenefit));
}

// ---- preview ---------------------------------------------------------------------------------------

/** Sample values for a preview in each language. */
export const SAMPLE_CONTEXTS: Record<Locale, RenderContext> = {
  'zh-CN': {
    customer: { familyName: '王', givenName: '丽华', gender: 'female' },
    guide: '小李',
    store: '静安嘉里店',
    brand: '可晴',
    date: '2027-09-15',
    tier: '黄金会员',
    benefit: birthdayBenefitPhrase(75, 'zh-CN'),
    item: '羊绒大衣',
  },
  'zh-TW': {
    customer: { familyName: '陳', givenName: '怡君', gender: 'female' },
    guide: '小美',
    store: '信義門市',
    brand: '可晴',
    date: '2027-09-15',
    tier: '黃金會員',
    benefit: birthdayBenefitPhrase(75, 'zh-TW'),
    item: '羊毛大衣',
  },
  ja: {
    customer: { familyName: '山田', givenName: '花子', gender: 'female' },
    guide: '佐藤',
    store: '銀座店',
    brand: 'KEQING',
    date: '2027-09-15',
    tier: 'ゴールド会員',
    benefit: birthdayBenefitPhrase(75, 'ja'),
    item: 'カシミヤのコート',
  },
  en: {
    customer: { familyName: 'Wang', givenName: 'Emily', gender: 'female' },
    guide: 'Lily',
    store: 'Central',
    brand: 'Keqing',
    date: '2027-09-15',
    tier: 'Gold member',
    benefit: birthdayBenefitPhrase(75, 'en'),
    item: 'cashmere coat',
  },
};

export type Preview = {
  text: string;
  subject: string | null;
  missing: string[];
  issues: TemplateIssue[];
  tone: ToneFinding[];
  /** Characters as the customer sees them (code points). */
  length: number;
  /** SMS parts this text needs: GSM-7 160/153, otherwise UCS-2 70/67 per part. */
  smsSegments: number;
};

const GSM7 =
  '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà';

export function smsSegments(text: string): number {
  const gsm = [...text].every((c) => GSM7.includes(c));
  const units = gsm ? [...text].length : text.length; // UCS-2 counts UTF-16 units
  const [single, multi] = gsm ? [160, 153] : [70, 67];
  return units <= single ? 1 : Math.ceil(units / multi);
}

/** What the editor shows: the text with sample (or given) values, errors, tone warnings and length. */
export function previewTemplate(t: MessageTemplate, ctx?: RenderContext): Preview {
  const sample = ctx ?? {
    ...SAMPLE_CONTEXTS[t.locale],
    holidayId: t.holidayId ?? (t.category === 'holiday' ? 'mid_autumn' : null),
    termId: t.termId ?? (t.category === 'season_change' ? 'li_qiu' : null),
  };
  const values = variableValues(sample, t.locale);
  if (!t.allowsBenefit) delete values.benefit;
  const body = fillPlaceholders(t.body, values);
  const subject = t.subject ? fillPlaceholders(t.subject, values) : null;
  const { issues, tone } = validateTemplate(t);
  return {
    text: body.text,
    subject: subject?.text ?? null,
    missing: [...new Set([...body.missing, ...(subject?.missing ?? [])])],
    issues,
    tone,
    length: [...body.text].length,
    smsSegments: smsSegments(body.text),
  };
}

// ---- choosing words for a task ---------------------------------------------------------------------

export type TemplateQuery = {
  category: MessageCategory;
  locale: Locale;
  format?: TemplateFormat;
  holidayId?: HolidayId | null;
  termId?: SolarTermId | null;
  /** Only templates that can be rendered with this context. */
  context?: RenderContext;
};

/**
 * Templates fitting a task, best first: those written for its holiday or solar term before the general
 * ones (a template for another holiday never fits), then in library order.
 */
export function pickTemplates(library: readonly MessageTemplate[], q: TemplateQuery): MessageTemplate[] {
  const fits = library.filter(
    (t) =>
      t.category === q.category &&
      t.locale === q.locale &&
      (!q.format || t.format === q.format) &&
      (!t.holidayId || t.holidayId === q.holidayId) &&
      (!t.termId || t.termId === q.termId) &&
      (!q.context || canRender(t, q.context)),
  );
  const specific = (t: MessageTemplate) => (t.holidayId || t.termId ? 0 : 1);
  return fits
    .map((t, i) => ({ t, i }))
    .sort((a, b) => specific(a.t) - specific(b.t) || a.i - b.i)
    .map((x) => x.t);
}
