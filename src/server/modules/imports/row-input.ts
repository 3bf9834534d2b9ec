// One row of the file, through the column mapping, to a customer candidate — validated with the same
// zod schema as POST /api/customers and the same phone normalisation, so an import accepts exactly what
// the API would. Messages never quote phone numbers, e-mails or names: the summary is kept.
import { createCustomerBodySchema } from '../../../contracts/customers';
import type { Locale } from '../../../contracts/common';
import type { ColumnMapping, ImportField, RejectedRow } from '../../../contracts/imports';
import { normalizeMemberNo } from '../../../domain/search-keys';
import { normalizePhones, type NormalizedPhoneInput } from '../customers/customers.input';
import type { SheetRow } from './read-table';
import {
  cellText,
  parseBirthday,
  parseGender,
  parseLanguage,
  parseLunarBirthday,
  parseSkinType,
  parseYesNo,
  splitFullName,
  type Cell,
  type LunarBirthday,
  type Parsed,
} from './values';

export type Candidate = {
  line: number;
  familyName: string;
  givenName: string | null;
  /** The name came from one full-name column: compare it as a whole with the stored name. */
  nameIsWhole: boolean;
  reading: string | null;
  phones: NormalizedPhoneInput[];
  email: string | null;
  birthday: string | null;
  lunarBirthday: LunarBirthday | null;
  gender: 'female' | 'male' | 'other' | null;
  /** Her language; null: the column is absent or empty (the file says nothing). */
  language: Locale | null;
  memberNo: string | null;
  address: { text: string; postalCode: string | null } | null;
  profile: {
    clothingSize?: string;
    shoeSize?: string;
    skinType?: 'dry' | 'oily' | 'combination' | 'normal' | 'sensitive';
    notes?: string;
  };
  referredByMemberNo: string | null;
  consent: { care: boolean | null; marketing: boolean | null };
};

export type RowContext = { storeId: string; country: string; locale: string; today: string };
export type RowResult = { candidate: Candidate | null; errors: RejectedRow[] };

// Zod reports paths of the API body; the summary names the column's field.
function fieldOfPath(path: PropertyKey[], mapping: ColumnMapping): string {
  const [head, , third] = path.map(String);
  const nameField = mapping.includes('name') ? 'name' : undefined;
  switch (head) {
    case 'familyName':
      return nameField ?? 'familyName';
    case 'givenName':
      return nameField ?? 'givenName';
    case 'phones':
      return 'phone';
    case 'addresses':
      return third === 'postalCode' ? 'postalCode' : 'address';
    case 'profile':
      return path.map(String)[1] ?? 'row';
    default:
      return head ?? 'row';
  }
}

export function rowToCandidate(row: SheetRow, mapping: ColumnMapping, ctx: RowContext): RowResult {
  const errors: RejectedRow[] = [];
  const cells = new Map<ImportField, Cell>();
  const phoneCells: string[] = [];
  mapping.forEach((target, i) => {
    if (target === 'ignore') return;
    const cell = row.cells[i] ?? null;
    if (target === 'phone') {
      const t = cellText(cell);
      if (t) phoneCells.push(...t.split(/\s*[;,/、，]\s*|\s{2,}/u).filter(Boolean)); // "138… / 021…" in one cell
    } else cells.set(target, cell);
  });
  const text = (f: ImportField) => cellText(cells.get(f) ?? null);
  function take<T>(field: ImportField, parsed: Parsed<T>): T | null {
    if (parsed.ok) return parsed.value;
    errors.push({ line: row.line, field, message: parsed.message, code: parsed.code, params: parsed.params });
    return null;
  }

  const nameIsWhole = mapping.includes('name');
  const { familyName, givenName } = nameIsWhole
    ? splitFullName(text('name'), ctx.locale)
    : { familyName: text('familyName'), givenName: text('givenName') || null };
  if (!familyName)
    errors.push({
      line: row.line,
      field: nameIsWhole ? 'name' : 'familyName',
      message: 'The name is missing',
      code: 'name_missing',
    });

  const birthday = take('birthday', parseBirthday(cells.get('birthday') ?? null, ctx.today));
  const lunarBirthday = take('lunarBirthday', parseLunarBirthday(cells.get('lunarBirthday') ?? null));
  const gender = take('gender', parseGender(cells.get('gender') ?? null));
  const language = take('language', parseLanguage(cells.get('language') ?? null));
  const skinType = take('skinType', parseSkinType(cells.get('skinType') ?? null));
  const care = take('consentCare', parseYesNo(cells.get('consentCare') ?? null));
  const marketing = take('consentMarketing', parseYesNo(cells.get('consentMarketing') ?? null));
  const addressText = text('address');
  const address = addressText ? { text: addressText, postalCode: text('postalCode') || null } : null;
  const profile: Candidate['profile'] = {};
  for (const k of ['clothingSize', 'shoeSize', 'notes'] as const) if (text(k)) profile[k] = text(k);
  if (skinType) profile.skinType = skinType;
  const memberNoText = text('memberNo');
  const email = text('email').toLowerCase() || null;
  const reading = text('reading') || null;

  const normalized = normalizePhones(
    phoneCells.map((number) => ({ number })),
    ctx.country,
    'phone',
  );
  if (normalized.errors[0])
    errors.push({
      line: row.line,
      field: 'phone',
      message: normalized.errors[0].message,
      code: normalized.errors[0].code,
    });
  const parsed = createCustomerBodySchema.safeParse({
    storeId: ctx.storeId,
    memberNo: memberNoText || null,
    familyName: familyName || 'x', // a missing name is reported above, once
    givenName,
    reading,
    gender,
    language,
    birthday,
    lunarBirthday,
    phones: phoneCells.map((number) => ({ number })),
    email,
    addresses: address ? [address] : [],
    source: 'import',
    profile,
  });
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = fieldOfPath(issue.path, mapping);
      if (errors.some((e) => e.field === field)) continue;
      const tooLong = issue.code === 'too_big' && 'maximum' in issue;
      errors.push({
        line: row.line,
        field,
        message: issue.message,
        code: tooLong ? 'too_long' : field === 'email' ? 'email_invalid' : 'invalid',
        ...(tooLong ? { params: { max: Number(issue.maximum) } } : {}),
      });
    }
  }
  const memberNo = memberNoText ? normalizeMemberNo(memberNoText) : null;
  if (memberNoText && !memberNo)
    errors.push({
      line: row.line,
      field: 'memberNo',
      message: 'The member number is empty once spaces and dashes are removed',
      code: 'invalid',
    });
  const referredText = text('referredBy');
  if (errors.length) return { candidate: null, errors };
  return {
    candidate: {
      line: row.line,
      familyName,
      givenName,
      nameIsWhole,
      reading,
      phones: normalized.phones.slice(0, 5),
      email,
      birthday,
      lunarBirthday,
      gender,
      language,
      memberNo,
      address,
      profile,
      referredByMemberNo: referredText ? normalizeMemberNo(referredText) : null,
      consent: { care, marketing },
    },
    errors,
  };
}

/** The row holds nothing to import (only ignored columns filled). */
export function isEmptyRow(row: SheetRow, mapping: ColumnMapping): boolean {
  return mapping.every((target, i) => target === 'ignore' || cellText(row.cells[i] ?? null) === '');
}
