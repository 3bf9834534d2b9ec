// What a row changes on the customer it matched: only fields the row fills and that differ; phones and
// addresses are added, never removed; a consent is recorded where none is, or when the row opts out —
// a file never overrides an opt-out she gave since.
import type { CHANNELS, PURPOSES } from '../../../contracts/customers';
import type { customers } from '../../db/schema';
import type { NormalizedPhoneInput } from '../customers/customers.input';
import type { Existing } from './import-lookups';
import type { Candidate } from './row-input';

export type Channel = (typeof CHANNELS)[number];
export type Purpose = (typeof PURPOSES)[number];
export type Change = { field: string; oldValue: unknown; newValue: unknown };
export type ConsentWrite = { channel: Channel; purpose: Purpose; granted: boolean };
type Address = { label?: string | null; postalCode?: string | null; text: string };

export type Patch = {
  isEmpty: boolean;
  columns: Partial<typeof customers.$inferInsert>;
  /** The whole new profile when a profile field changed. */
  profile: Record<string, unknown> | null;
  addPhones: NormalizedPhoneInput[];
  consents: ConsentWrite[];
  changes: Change[];
};

export const MAX_PHONES = 5;
const MAX_ADDRESSES = 5;
const squash = (s: string | null | undefined) => (s ?? '').normalize('NFKC').replace(/\s+/gu, '');

/** The channels a row gives a contact for: consent columns apply to those. */
export function channelsOf(c: Candidate): Channel[] {
  const channels: Channel[] = [];
  if (c.phones.length) channels.push('sms', 'phone');
  if (c.email) channels.push('email');
  if (c.address) channels.push('post');
  return channels;
}

function consentWrites(c: Candidate, stored: Map<string, boolean> | null): ConsentWrite[] {
  const writes: ConsentWrite[] = [];
  for (const [purpose, granted] of [
    ['care', c.consent.care],
    ['marketing', c.consent.marketing],
  ] as const) {
    if (granted === null) continue;
    for (const channel of channelsOf(c)) {
      const before = stored?.get(`${channel}:${purpose}`);
      if (before === undefined || (before && !granted)) writes.push({ channel, purpose, granted });
    }
  }
  return writes;
}

export const consentsForNew = (c: Candidate) => consentWrites(c, null);

function lunarOf(row: Existing['row']) {
  return row.lunarBirthMonth && row.lunarBirthDay
    ? { month: row.lunarBirthMonth, day: row.lunarBirthDay, isLeapMonth: row.lunarBirthLeap, year: row.lunarBirthYear }
    : null;
}

export function diffCandidate(existing: Existing, c: Candidate, referredById: string | null): Patch {
  const row = existing.row;
  const columns: Patch['columns'] = {};
  const changes: Change[] = [];
  const set = <K extends keyof Patch['columns']>(key: K, oldValue: unknown, value: Patch['columns'][K]) => {
    columns[key] = value;
    changes.push({ field: key, oldValue: oldValue ?? null, newValue: value ?? null });
  };

  if (c.nameIsWhole) {
    if (squash(c.familyName + (c.givenName ?? '')) !== squash(row.familyName + (row.givenName ?? ''))) {
      set('familyName', row.familyName, c.familyName);
      set('givenName', row.givenName, c.givenName);
    }
  } else {
    if (c.familyName !== row.familyName) set('familyName', row.familyName, c.familyName);
    if (c.givenName && c.givenName !== row.givenName) set('givenName', row.givenName, c.givenName);
  }
  if (c.memberNo && c.memberNo !== row.memberNo) set('memberNo', row.memberNo, c.memberNo);
  if (c.reading && c.reading !== row.reading) set('reading', row.reading, c.reading);
  if (c.gender && c.gender !== row.gender) set('gender', row.gender, c.gender);
  if (c.language && c.language !== row.language) set('language', row.language, c.language);
  if (c.birthday && c.birthday !== row.birthday) set('birthday', row.birthday, c.birthday);
  if (c.email && c.email !== row.email?.toLowerCase()) set('email', row.email, c.email);
  if (referredById && referredById !== row.referredById) set('referredById', row.referredById, referredById);

  const lunar = lunarOf(row);
  const l = c.lunarBirthday;
  if (
    l &&
    (!lunar ||
      lunar.month !== l.month ||
      lunar.day !== l.day ||
      lunar.isLeapMonth !== l.isLeapMonth ||
      (l.year !== null && l.year !== lunar.year))
  ) {
    const year = l.year ?? lunar?.year ?? null;
    Object.assign(columns, {
      lunarBirthMonth: l.month,
      lunarBirthDay: l.day,
      lunarBirthLeap: l.isLeapMonth,
      lunarBirthYear: year,
    });
    changes.push({
      field: 'lunarBirthday',
      oldValue: lunar,
      newValue: { month: l.month, day: l.day, isLeapMonth: l.isLeapMonth, year },
    });
  }

  if (c.address) {
    const stored = (row.addresses ?? []) as Address[];
    const at = stored.findIndex((a) => squash(a.text) === squash(c.address!.text));
    let next: Address[] | null = null;
    if (at === -1)
      next = [{ text: c.address.text, postalCode: c.address.postalCode }, ...stored].slice(0, MAX_ADDRESSES);
    else if (c.address.postalCode && c.address.postalCode !== stored[at]!.postalCode)
      next = stored.map((a, i) => (i === at ? { ...a, postalCode: c.address!.postalCode } : a));
    if (next) set('addresses', stored, next);
  }

  let profile: Record<string, unknown> | null = null;
  const storedProfile = (row.profile ?? {}) as Record<string, unknown>;
  for (const [key, value] of Object.entries(c.profile)) {
    if (value === undefined || value === storedProfile[key]) continue;
    profile = { ...(profile ?? storedProfile), [key]: value };
    changes.push({ field: `profile.${key}`, oldValue: storedProfile[key] ?? null, newValue: value });
  }

  const addPhones = c.phones
    .filter((p) => !existing.phones.includes(p.e164))
    .slice(0, Math.max(0, MAX_PHONES - existing.phones.length));
  if (addPhones.length)
    changes.push({
      field: 'phones',
      oldValue: existing.phones,
      newValue: [...existing.phones, ...addPhones.map((p) => p.e164)],
    });
  const consents = consentWrites(c, existing.consents);
  return { isEmpty: changes.length === 0 && consents.length === 0, columns, profile, addPhones, consents, changes };
}
