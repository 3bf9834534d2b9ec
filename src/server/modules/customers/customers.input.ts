// Turning API input into rows: phones normalised from the store's country, custom answers checked
// against the question bank, and the field-by-field difference that becomes the change history.
import { and, eq, inArray } from 'drizzle-orm';
import type { ProblemField } from '../../../contracts/errors';
import { normalizePhone, type CountryCode } from '../../../domain/phone';
import type { Db } from '../../db/client';
import { customFields } from '../../db/schema';
import { AppError } from '../../errors';

export type NormalizedPhoneInput = { e164: string; label: string; reversedDigits: string };

// A mainland number typed in a Hong Kong, Taipei or Tokyo store is common; try those countries too.
const NEIGHBOURS: CountryCode[] = ['CN', 'HK', 'TW', 'MO', 'JP', 'SG', 'MY', 'US'];

export function reverseDigits(e164: string): string {
  return [...e164.replace(/\D/g, '')].reverse().join('');
}

export function normalizePhones(
  phones: Array<{ number: string; label?: string }>,
  country: string,
  fieldPrefix = 'body.phones',
): { phones: NormalizedPhoneInput[]; errors: ProblemField[] } {
  const out: NormalizedPhoneInput[] = [];
  const errors: ProblemField[] = [];
  phones.forEach((ph, i) => {
    const r = normalizePhone(ph.number, country as CountryCode, { alternativeCountries: NEIGHBOURS });
    if (!r.ok || !r.valid) {
      const reason = r.ok ? 'invalid' : r.reason;
      errors.push({
        field: `${fieldPrefix}.${i}.number`,
        code: `phone_${reason}`,
        message: `This phone number is not valid (${reason.replace('_', ' ')})`,
      });
      return;
    }
    if (!out.some((o) => o.e164 === r.e164))
      out.push({ e164: r.e164, label: ph.label ?? 'mobile', reversedDigits: reverseDigits(r.e164) });
  });
  return { phones: out, errors };
}

type FieldRow = typeof customFields.$inferSelect;

function checkValue(f: FieldRow, v: unknown): string | null {
  const options = new Set(f.options.map((o) => o.value));
  switch (f.type) {
    case 'text':
      return typeof v === 'string' && v.length <= 2000 ? null : 'Text of at most 2000 characters';
    case 'number':
      return typeof v === 'number' && Number.isFinite(v) ? null : 'A number';
    case 'date':
      return typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v) ? null : 'A date as YYYY-MM-DD';
    case 'choice':
      return typeof v === 'string' && options.has(v) ? null : `One of: ${[...options].join(', ')}`;
    case 'multi_choice':
      return Array.isArray(v) && v.every((x) => typeof x === 'string' && options.has(x))
        ? null
        : `Some of: ${[...options].join(', ')}`;
    default:
      return 'Unknown field type';
  }
}

/** Resolves answer keys to fields; null or '' removes an answer. Throws with one error per bad key. */
export async function resolveCustomAnswers(db: Db, orgId: string, custom: Record<string, unknown>) {
  const keys = Object.keys(custom);
  if (!keys.length) return [];
  const fields = await db
    .select()
    .from(customFields)
    .where(and(eq(customFields.orgId, orgId), inArray(customFields.key, keys)));
  const byKey = new Map(fields.map((f) => [f.key, f]));
  const errors: ProblemField[] = [];
  const answers: Array<{ field: FieldRow; value: unknown }> = [];
  for (const key of keys) {
    const f = byKey.get(key);
    const v = custom[key];
    if (!f) {
      errors.push({
        field: `body.custom.${key}`,
        code: 'unknown_field',
        message: 'No such question in the question bank',
      });
      continue;
    }
    const empty = v === null || v === '' || (Array.isArray(v) && v.length === 0);
    const problem = empty ? null : checkValue(f, v);
    if (problem) errors.push({ field: `body.custom.${key}`, code: 'invalid', message: problem });
    else answers.push({ field: f, value: empty ? null : v });
  }
  if (errors.length) throw new AppError('validation_failed', {}, errors);
  return answers;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/** Field-level differences between two flat records; `prefix` names nested groups (profile.hobbies). */
export function diffFields(
  before: Record<string, unknown>,
  after: Record<string, unknown>,
  prefix = '',
): Array<{ field: string; oldValue: unknown; newValue: unknown }> {
  const changes: Array<{ field: string; oldValue: unknown; newValue: unknown }> = [];
  for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) {
    if (!(key in after)) continue;
    if (!same(before[key], after[key]))
      changes.push({ field: prefix + key, oldValue: before[key] ?? null, newValue: after[key] ?? null });
  }
  return changes;
}
