// The question form's state and rules, kept apart from the screen so they are tested on their own:
// a suggested code from the English wording, option values made up for the owner (she never types
// them), the contract's checks turned into one message per input, and server errors put back in place.
import type { CustomField, Labels } from '../../../contracts/custom-fields';
import { LOCALES, type Locale } from '../../../contracts/common';
import type { ProblemField } from '../../../contracts/errors';

export type FieldType = CustomField['type'];
export type OptionDraft = { uid: string; value: string; labels: Labels; isNew: boolean };
export type QuestionDraft = { key: string; type: FieldType; labels: Labels; options: OptionDraft[] };

/** Error message keys (for `t`) by path: `key`, `labels.ja`, `options`, `options.1.labels.en`, `form`. */
export type DraftErrors = Record<string, string>;

export const EMPTY_LABELS: Labels = { 'zh-CN': '', 'zh-TW': '', ja: '', en: '' };
export const KEY_PATTERN = /^[a-z][a-z0-9_]{1,59}$/;
export const isChoice = (type: FieldType) => type === 'choice' || type === 'multi_choice';

let uidCounter = 0;
export const newOption = (): OptionDraft => ({
  uid: `new-${++uidCounter}`,
  value: '',
  labels: { ...EMPTY_LABELS },
  isNew: true,
});

export function emptyDraft(): QuestionDraft {
  return { key: '', type: 'text', labels: { ...EMPTY_LABELS }, options: [newOption(), newOption()] };
}

export function draftOf(f: CustomField): QuestionDraft {
  return {
    key: f.key,
    type: f.type,
    labels: { ...f.labels },
    options: f.options.map((o) => ({ uid: o.value, value: o.value, labels: { ...o.labels }, isNew: false })),
  };
}

/** "Favourite drink" → "favourite_drink"; '' when nothing usable is left (a label only in Chinese). */
export function suggestKey(text: string): string {
  const slug = text
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^[^a-z]+/, '')
    .replace(/_+$/, '')
    .slice(0, 60)
    .replace(/_+$/, '');
  return KEY_PATTERN.test(slug) ? slug : '';
}

/** Values for new options: from the English wording when it makes one, else option_N; never a duplicate. */
export function optionValues(options: OptionDraft[]): string[] {
  const used = new Set(options.filter((o) => !o.isNew).map((o) => o.value));
  return options.map((o, i) => {
    if (!o.isNew) return o.value;
    let v = suggestKey(o.labels.en) || `option_${i + 1}`;
    for (let n = 2; used.has(v); n++) v = `${suggestKey(o.labels.en) || 'option'}_${n}`;
    used.add(v);
    return v;
  });
}

function labelErrors(labels: Labels, prefix: string, errors: DraftErrors) {
  for (const l of LOCALES) if (!labels[l].trim()) errors[`${prefix}.${l}`] = 'errors:field.required';
}

/** What the owner must fix before the question can be saved, by input. Empty when it is fine. */
export function validateDraft(d: QuestionDraft, opts: { isNew: boolean }): DraftErrors {
  const errors: DraftErrors = {};
  if (opts.isNew) {
    if (!d.key.trim()) errors.key = 'errors:field.required';
    else if (!KEY_PATTERN.test(d.key)) errors.key = 'questionBank.errors.keyFormat';
  }
  labelErrors(d.labels, 'labels', errors);
  if (isChoice(d.type)) {
    if (d.options.length < 2) errors.options = 'questionBank.errors.twoOptions';
    d.options.forEach((o, i) => labelErrors(o.labels, `options.${i}.labels`, errors));
  }
  return errors;
}

export function toBody(d: QuestionDraft) {
  const values = optionValues(d.options);
  const options = isChoice(d.type)
    ? d.options.map((o, i) => ({
        value: values[i]!,
        labels: Object.fromEntries(LOCALES.map((l) => [l, o.labels[l].trim()])) as Labels,
      }))
    : [];
  const labels = Object.fromEntries(LOCALES.map((l) => [l, d.labels[l].trim()])) as Labels;
  return { key: d.key.trim(), type: d.type, labels, options };
}

const SERVER_MESSAGES: Record<string, string> = {
  taken: 'errors:field.taken',
  too_small: 'errors:field.required',
  invalid_format: 'questionBank.errors.keyFormat',
  option_in_use: 'questionBank.errors.optionInUse',
  too_few: 'questionBank.errors.twoOptions',
};

/** Server field errors (`body.labels.ja`, `body.options.1.labels.en`, `body.key`) under the matching inputs. */
export function serverErrors(fields: ProblemField[]): DraftErrors {
  const errors: DraftErrors = {};
  for (const f of fields) {
    const path = f.field.replace(/^body\./, '');
    const known = path === 'key' || path === 'options' || /^(labels\.|options\.\d+\.labels\.)/.test(path);
    const at = known ? path : /^options\.\d+/.test(path) ? 'options' : 'form';
    errors[at] ??=
      SERVER_MESSAGES[f.code] ?? (path === 'options' ? 'questionBank.errors.twoOptions' : 'errors:field.invalid');
  }
  return errors;
}

/** Errors for one label set, by language, translated. */
export function labelErrorsFor(errors: DraftErrors, prefix: string, t: (k: string) => string) {
  return Object.fromEntries(
    LOCALES.filter((l) => errors[`${prefix}.${l}`]).map((l) => [l, t(errors[`${prefix}.${l}`]!)]),
  ) as Partial<Record<Locale, string>>;
}
