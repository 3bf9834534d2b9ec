// Building blocks for care-engine tests: stores, staff, customers with consents, phones and
// receipts, written straight to the database (the API tests of those modules cover the screens).
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { zonedTimeToInstant, type IsoDate } from '../../src/domain/care';
import type { Db } from '../../src/server/db/client';
import {
  careRuns,
  customerConsents,
  customerMetrics,
  customerPhones,
  customers,
  receipts,
  regions,
  stores,
  tierDefinitions,
  userRegions,
  users,
  userStores,
} from '../../src/server/db/schema';
import { refreshCustomerStats } from '../../src/server/modules/purchases/stats';

export type TestStore = { id: string; code: string; timezone: string; currency: string; orgId: string };

let serial = 0;
const next = () => `${Date.now().toString(36)}${(serial += 1)}`;

export async function makeRegion(db: Db, orgId: string, name = 'East') {
  const [r] = await db
    .insert(regions)
    .values({ orgId, code: `R${next()}`, name })
    .returning();
  return r!;
}

export async function makeStore(
  db: Db,
  orgId: string,
  o: {
    country?: string;
    timezone?: string;
    locale?: string;
    currency?: string;
    regionId?: string | null;
    code?: string;
  } = {},
): Promise<TestStore> {
  const [s] = await db
    .insert(stores)
    .values({
      orgId,
      code: o.code ?? `S${next()}`.toUpperCase(),
      name: 'Test store',
      country: o.country ?? 'CN',
      currency: o.currency ?? 'CNY',
      timezone: o.timezone ?? 'Asia/Shanghai',
      locale: o.locale ?? 'zh-CN',
      regionId: o.regionId ?? null,
    })
    .returning();
  return { id: s!.id, code: s!.code, timezone: s!.timezone, currency: s!.currency, orgId };
}

export async function makeUser(
  db: Db,
  orgId: string,
  o: { name: string; role?: string; storeIds?: string[]; regionIds?: string[] },
) {
  const [u] = await db
    .insert(users)
    .values({ orgId, email: `${next()}@care.test`, displayName: o.name, passwordHash: 'x', role: o.role ?? 'staff' })
    .returning();
  for (const storeId of o.storeIds ?? []) await db.insert(userStores).values({ orgId, userId: u!.id, storeId });
  for (const regionId of o.regionIds ?? []) await db.insert(userRegions).values({ orgId, userId: u!.id, regionId });
  return u!;
}

export type CustomerOptions = {
  name?: string;
  gender?: 'female' | 'male' | null;
  birthday?: IsoDate | null;
  lunar?: { month: number; day: number; leap?: boolean; year?: number } | null;
  ownerId?: string | null;
  phone?: boolean;
  email?: boolean;
  /** Care consent on these channels (default: phone, sms and email granted). */
  consents?: Array<{ channel: string; granted: boolean }>;
  doNotContact?: boolean;
  deceased?: boolean;
  children?: boolean;
  tier?: string | null;
  referredById?: string | null;
  memberNo?: string;
};

export async function makeCustomer(db: Db, store: TestStore, o: CustomerOptions = {}) {
  const name = o.name ?? `客${next()}`;
  const [c] = await db
    .insert(customers)
    .values({
      orgId: store.orgId,
      storeId: store.id,
      memberNo: o.memberNo ?? `M${next()}`,
      familyName: name.slice(0, 1),
      givenName: name.slice(1),
      displayName: name,
      gender: o.gender === undefined ? 'female' : o.gender,
      birthday: o.birthday ?? null,
      lunarBirthMonth: o.lunar?.month ?? null,
      lunarBirthDay: o.lunar?.day ?? null,
      lunarBirthLeap: o.lunar?.leap ?? false,
      lunarBirthYear: o.lunar?.year ?? null,
      email: o.email === false ? null : `${next()}@example.com`,
      ownerUserId: o.ownerId ?? null,
      doNotContact: o.doNotContact ?? false,
      isDeceased: o.deceased ?? false,
      profile: o.children ? { family: [{ relation: 'child', name: '小宝' }] } : {},
      tier: o.tier ?? null,
      referredById: o.referredById ?? null,
    })
    .returning();
  if (o.phone !== false) {
    await db.insert(customerPhones).values({
      orgId: store.orgId,
      customerId: c!.id,
      e164: '+8613900139000',
      reversedDigits: '0009310093831',
      isPrimary: true,
    });
  }
  const consents = o.consents ?? [
    { channel: 'phone', granted: true },
    { channel: 'sms', granted: true },
    { channel: 'email', granted: true },
  ];
  for (const k of consents) {
    await db.insert(customerConsents).values({
      orgId: store.orgId,
      customerId: c!.id,
      channel: k.channel,
      purpose: 'care',
      granted: k.granted,
      method: 'verbal',
    });
  }
  return c!;
}

/** A sale on a store-local day (noon), with its stats refreshed. */
export async function makeReceipt(
  db: Db,
  store: TestStore,
  o: { customerId: string; date: IsoDate; total: number; sellerId?: string | null; storeId?: string },
) {
  const [r] = await db
    .insert(receipts)
    .values({
      orgId: store.orgId,
      storeId: o.storeId ?? store.id,
      customerId: o.customerId,
      sellerId: o.sellerId ?? null,
      receiptNo: `R${next()}`,
      occurredAt: zonedTimeToInstant(o.date, 12 * 60, store.timezone),
      currency: store.currency,
      totalList: o.total,
      totalDiscount: 0,
      totalPaid: o.total,
      source: 'demo',
    })
    .returning();
  await refreshCustomerStats(db, o.customerId);
  return r!;
}

/** Pretends the store's first generation run happened on `date`, so occasions since then count. */
export async function markFirstRun(db: Db, store: TestStore, date: IsoDate) {
  await db.insert(careRuns).values({
    orgId: store.orgId,
    storeId: store.id,
    runDate: date,
    source: 'test',
    startedAt: new Date('2000-01-01T00:00:00Z'),
    finishedAt: new Date('2000-01-01T00:00:00Z'),
  });
}

export async function setMetrics(
  db: Db,
  store: TestStore,
  customerId: string,
  m: Partial<typeof customerMetrics.$inferInsert>,
) {
  await db
    .insert(customerMetrics)
    .values({ customerId, orgId: store.orgId, storeId: store.id, currency: store.currency, asOf: '2026-01-01', ...m })
    .onConflictDoUpdate({ target: [customerMetrics.customerId, customerMetrics.orgId], set: m });
}

export async function ensureTiers(db: Db, orgId: string) {
  const keys = ['silver', 'gold', 'platinum', 'diamond'];
  for (const [i, key] of keys.entries()) {
    await db
      .insert(tierDefinitions)
      .values({ orgId, key, rank: i + 1, labels: { en: key } as never })
      .onConflictDoNothing();
  }
}

/** Sets her last visit (store-local noon of a day). */
export async function setLastVisit(db: Db, store: TestStore, customerId: string, date: IsoDate) {
  await db.execute(
    sql`update customers set last_visit_at = ${zonedTimeToInstant(date, 12 * 60, store.timezone).toISOString()}::timestamptz where id = ${customerId}`,
  );
}

export const uuid = () => randomUUID();
