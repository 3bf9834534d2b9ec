// Rows → API shapes, with contacts masked unless the caller may see them.
import { and, desc, eq, inArray } from 'drizzle-orm';
import type { Customer, CustomerListItem } from '../../../contracts/customers';
import { maskPhone } from '../../../domain/phone';
import type { Db } from '../../db/client';
import {
  customerConsents,
  customerCustomValues,
  customerPhones,
  customers,
  customFields,
  users,
} from '../../db/schema';
import type { Principal } from '../../plugins/auth';
import { profileCompleteness } from './completeness';

export type CustomerRow = typeof customers.$inferSelect;
type PhoneRow = typeof customerPhones.$inferSelect;

export function maskEmail(email: string): string {
  const [local = '', domain = ''] = email.split('@');
  const keep = local.length <= 2 ? 1 : 2;
  return `${local.slice(0, keep)}${'*'.repeat(Math.max(3, local.length - keep))}@${domain}`;
}

/** The owner guide sees her customers' contacts; everyone else sees them masked until revealed. */
export function contactsVisibleTo(p: Principal, c: Pick<CustomerRow, 'ownerUserId'>): boolean {
  return p.kind === 'user' && c.ownerUserId === p.userId;
}

/**
 * How her name is written: Chinese names run together (张伟), Japanese ones keep a space (山田 花子) —
 * recognised by kana in the name or the reading, or a Japanese store — and Latin names go given-first.
 */
export function displayNameOf(
  familyName: string,
  givenName: string | null | undefined,
  locale: string,
  reading?: string | null,
): string {
  const given = givenName?.trim() ?? '';
  if (!given) return familyName.trim();
  const latin = /^[\p{Script=Latin}\s'.-]+$/u.test(familyName + given);
  if (latin) return `${given} ${familyName.trim()}`;
  const kana = /[\p{Script=Hiragana}\p{Script=Katakana}]/u.test(familyName + given + (reading ?? ''));
  return kana || locale === 'ja' ? `${familyName.trim()} ${given}` : `${familyName.trim()}${given}`;
}

export async function currentConsents(db: Db, customerId: string) {
  const all = await db
    .select({ c: customerConsents, by: users.displayName })
    .from(customerConsents)
    .leftJoin(users, eq(users.id, customerConsents.recordedBy))
    .where(eq(customerConsents.customerId, customerId))
    .orderBy(desc(customerConsents.recordedAt));
  const seen = new Set<string>();
  const current: Customer['consents'] = [];
  for (const { c, by } of all) {
    const k = `${c.channel}:${c.purpose}`;
    if (seen.has(k)) continue;
    seen.add(k);
    current.push({
      channel: c.channel as Customer['consents'][number]['channel'],
      purpose: c.purpose as Customer['consents'][number]['purpose'],
      granted: c.granted,
      method: c.method as Customer['consents'][number]['method'],
      note: c.note,
      recordedAt: c.recordedAt.toISOString(),
      recordedByName: by ?? null,
    });
  }
  return current;
}

export async function customValuesOf(db: Db, customerId: string): Promise<Record<string, unknown>> {
  const vals = await db
    .select({ key: customFields.key, value: customerCustomValues.value })
    .from(customerCustomValues)
    .innerJoin(customFields, eq(customFields.id, customerCustomValues.fieldId))
    .where(eq(customerCustomValues.customerId, customerId));
  return Object.fromEntries(vals.map((v) => [v.key, v.value]));
}

export async function phonesOf(db: Db, customerIds: string[]): Promise<Map<string, PhoneRow[]>> {
  const map = new Map<string, PhoneRow[]>();
  if (!customerIds.length) return map;
  const list = await db.select().from(customerPhones).where(inArray(customerPhones.customerId, customerIds));
  list.sort((a, b) => Number(b.isPrimary) - Number(a.isPrimary) || a.createdAt.getTime() - b.createdAt.getTime());
  for (const p of list) map.set(p.customerId, [...(map.get(p.customerId) ?? []), p]);
  return map;
}

async function namesOf(db: Db, ids: Array<string | null>): Promise<Map<string, string>> {
  const wanted = [...new Set(ids.filter((x): x is string => !!x))];
  if (!wanted.length) return new Map();
  const found = await db.select({ id: users.id, name: users.displayName }).from(users).where(inArray(users.id, wanted));
  return new Map(found.map((u) => [u.id, u.name]));
}

export async function toCustomer(
  db: Db,
  p: Principal,
  c: CustomerRow,
  revealed: { phones?: boolean; email?: boolean } = {},
): Promise<Customer> {
  const [phones, consents, custom, names, referrer] = await Promise.all([
    phonesOf(db, [c.id]),
    currentConsents(db, c.id),
    customValuesOf(db, c.id),
    namesOf(db, [c.ownerUserId]),
    c.referredById
      ? db
          .select({ id: customers.id, name: customers.displayName })
          .from(customers)
          .where(and(eq(customers.id, c.referredById), eq(customers.orgId, c.orgId)))
      : Promise.resolve([]),
  ]);
  const visible = contactsVisibleTo(p, c);
  const profile = (c.profile ?? {}) as Customer['profile'];
  const phoneList = phones.get(c.id) ?? [];
  const hasCareConsent = consents.some((x) => x.purpose === 'care' && x.granted);
  const score = profileCompleteness(c, phoneList.length, profile, Object.keys(custom).length, hasCareConsent);
  return {
    id: c.id,
    storeId: c.storeId,
    memberNo: c.memberNo,
    familyName: c.familyName,
    givenName: c.givenName,
    displayName: c.displayName,
    reading: c.reading,
    gender: c.gender as Customer['gender'],
    language: c.language as Customer['language'],
    ethnicity: c.ethnicity,
    birthday: c.birthday,
    lunarBirthday:
      c.lunarBirthMonth && c.lunarBirthDay
        ? { month: c.lunarBirthMonth, day: c.lunarBirthDay, isLeapMonth: c.lunarBirthLeap, year: c.lunarBirthYear }
        : null,
    ageBand: c.ageBand as Customer['ageBand'],
    phones: phoneList.map((ph) => ({
      id: ph.id,
      label: ph.label as Customer['phones'][number]['label'],
      masked: maskPhone(ph.e164),
      e164: visible || revealed.phones ? ph.e164 : null,
      isPrimary: ph.isPrimary,
    })),
    emailMasked: c.email ? maskEmail(c.email) : null,
    email: c.email && (visible || revealed.email) ? c.email : null,
    addresses: (c.addresses ?? []) as Customer['addresses'],
    source: c.source as Customer['source'],
    referredBy: referrer[0] ?? null,
    owner: c.ownerUserId ? { id: c.ownerUserId, name: names.get(c.ownerUserId) ?? '' } : null,
    profile,
    custom,
    consents,
    isDeceased: c.isDeceased,
    doNotContact: c.doNotContact,
    erasedAt: c.erasedAt?.toISOString() ?? null,
    completeness: score.completeness,
    nextQuestions: c.erasedAt ? [] : score.nextQuestions,
    contactsVisible: visible,
    lastVisitAt: c.lastVisitAt?.toISOString() ?? null,
    tier: c.tier,
    createdAt: c.createdAt.toISOString(),
    updatedAt: c.updatedAt.toISOString(),
    version: c.version,
  };
}

export async function toListItems(
  db: Db,
  list: CustomerRow[],
  scores?: Map<string, number>,
): Promise<CustomerListItem[]> {
  const [phones, names] = await Promise.all([
    phonesOf(
      db,
      list.map((c) => c.id),
    ),
    namesOf(
      db,
      list.map((c) => c.ownerUserId),
    ),
  ]);
  const matchOf = (score: number | undefined) =>
    score === 3 ? 'exact' : score === 2 ? 'prefix' : score === 1 ? 'partial' : null;
  return list.map((c) => {
    const first = phones.get(c.id)?.[0];
    return {
      id: c.id,
      storeId: c.storeId,
      displayName: c.displayName,
      reading: c.reading,
      memberNo: c.memberNo,
      phoneMasked: first ? maskPhone(first.e164) : null,
      tier: c.tier,
      ownerName: c.ownerUserId ? (names.get(c.ownerUserId) ?? null) : null,
      lastVisitAt: c.lastVisitAt?.toISOString() ?? null,
      completeness: c.completeness,
      match: matchOf(scores?.get(c.id)),
    };
  });
}

/** Phones and e-mails inside change history are masked like everywhere else. */
export function maskHistoryValue(field: string, value: unknown): unknown {
  if (value === null || value === undefined) return value;
  if (field === 'phones' && Array.isArray(value)) return value.map((v) => (typeof v === 'string' ? maskPhone(v) : v));
  if (field === 'email' && typeof value === 'string') return maskEmail(value);
  return value;
}
