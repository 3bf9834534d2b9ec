// `keqing demo`: a deterministic synthetic brand — regions and stores in China, Taiwan and Japan, staff,
// customers with realistic names and files, Pareto-shaped spend with seasonality, returns, referrals,
// salon visits with prepaid cards, and repairs. Rows are written in large multi-row batches so a
// million purchase lines load in minutes on PostgreSQL.
import { sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import {
  customerConsents,
  customerPhones,
  customers,
  customerSearchKeys,
  productCategories,
  products,
  regions,
  stores,
  userStores,
  users,
} from '../db/schema';
import { hashPassword } from '../security';
import { insertBatches } from './batches';
import { generatePurchases } from './purchases';
import { generateExtras } from './extras';
import { generateTags, MARKET_LANGUAGE } from './tags';
import { displayNameOf } from '../modules/customers/customers.mapping';
import { reverseDigits } from '../modules/customers/customers.input';
import { autoReading } from '../modules/customers/reading';
import { searchKeysOf } from '../modules/customers/search-index';
import { DEMO_PRODUCTS, localPrice } from './catalogue';
import { prng, syntheticPerson, type Market } from './names';
import { ensureDefaultTiers } from '../modules/loyalty/defaults';
import { backfillLoyalty } from '../modules/loyalty/points.service';

export type DemoOptions = {
  customers: number;
  purchases: number;
  stores: number;
  seed: number;
  onProgress?: (stage: string, done: number, total: number) => void;
};
export type DemoSummary = {
  stores: number;
  staff: number;
  customers: number;
  receipts: number;
  lines: number;
  returns: number;
  visits: number;
  repairs: number;
  /** Demo tags, and how many customers carry at least one. */
  tags: number;
  tagged: number;
  staffPassword: string;
};

export const DEMO_STAFF_PASSWORD = 'keqing-demo-2026';

const STORE_PLAN: Array<{
  code: string;
  name: string;
  market: Market;
  region: string;
  country: string;
  currency: string;
  timezone: string;
  locale: string;
}> = [
  {
    code: 'TPE01',
    name: '台北信義門市',
    market: 'TW',
    region: 'TW',
    country: 'TW',
    currency: 'TWD',
    timezone: 'Asia/Taipei',
    locale: 'zh-TW',
  },
  {
    code: 'TKY01',
    name: '銀座店',
    market: 'JP',
    region: 'JP',
    country: 'JP',
    currency: 'JPY',
    timezone: 'Asia/Tokyo',
    locale: 'ja',
  },
  {
    code: 'SH01',
    name: '上海静安店',
    market: 'CN',
    region: 'EAST',
    country: 'CN',
    currency: 'CNY',
    timezone: 'Asia/Shanghai',
    locale: 'zh-CN',
  },
  {
    code: 'HZ01',
    name: '杭州湖滨店',
    market: 'CN',
    region: 'EAST',
    country: 'CN',
    currency: 'CNY',
    timezone: 'Asia/Shanghai',
    locale: 'zh-CN',
  },
  {
    code: 'BJ01',
    name: '北京国贸店',
    market: 'CN',
    region: 'NORTH',
    country: 'CN',
    currency: 'CNY',
    timezone: 'Asia/Shanghai',
    locale: 'zh-CN',
  },
  {
    code: 'OSA01',
    name: '梅田店',
    market: 'JP',
    region: 'JP',
    country: 'JP',
    currency: 'JPY',
    timezone: 'Asia/Tokyo',
    locale: 'ja',
  },
];
const REGION_NAMES: Record<string, string> = { EAST: '华东区', NORTH: '华北区', TW: '台灣區', JP: '日本エリア' };
const GUIDE_NAMES: Record<Market, string[]> = {
  CN: ['李婷', '王芳', '陈静', '刘洋'],
  TW: ['林美玲', '張雅婷', '陳怡君', '黃佩君'],
  JP: ['佐藤 美咲', '鈴木 恵', '高橋 由美', '田中 愛'],
};

export type DemoStore = { id: string; market: Market; currency: string; locale: string; guides: string[] };
export type DemoCustomer = { id: string; store: DemoStore; weight: number; createdAt: number };

export type DemoContext = {
  db: Db;
  orgId: string;
  opts: DemoOptions;
  r: () => number;
  pick: <T>(list: readonly T[]) => T;
  progress: (stage: string, done: number, total: number) => void;
  stamp: string;
  now: number;
  storeList: DemoStore[];
  cust: DemoCustomer[];
  productIds: Map<string, string>;
  cats: Map<string, string>;
};

export async function generateDemo(
  db: Db,
  orgId: string,
  mainStoreId: string,
  opts: DemoOptions,
): Promise<DemoSummary> {
  const r = prng(opts.seed);
  const pick = <T>(list: readonly T[]) => list[Math.floor(r() * list.length)]!;
  const progress = opts.onProgress ?? (() => {});
  const passwordHash = await hashPassword(DEMO_STAFF_PASSWORD);
  const stamp = `${opts.seed}`;

  // Stores: the first start's MAIN store, plus more across the three markets when asked.
  const storeList: DemoStore[] = [];
  const [main] = await db
    .select()
    .from(stores)
    .where(sql`id = ${mainStoreId}`);
  storeList.push({
    id: main!.id,
    market: main!.country === 'JP' ? 'JP' : main!.country === 'TW' ? 'TW' : 'CN',
    currency: main!.currency,
    locale: main!.locale,
    guides: [],
  });
  const regionIds = new Map<string, string>();
  for (const plan of STORE_PLAN.slice(0, Math.max(0, opts.stores - 1))) {
    if (!regionIds.has(plan.region)) {
      const [reg] = await db
        .insert(regions)
        .values({ orgId, code: `${plan.region}-${stamp}`, name: REGION_NAMES[plan.region]! })
        .onConflictDoNothing()
        .returning();
      if (reg) regionIds.set(plan.region, reg.id);
    }
    const [s] = await db
      .insert(stores)
      .values({
        orgId,
        code: `${plan.code}-${stamp}`,
        name: plan.name,
        regionId: regionIds.get(plan.region) ?? null,
        country: plan.country,
        currency: plan.currency,
        timezone: plan.timezone,
        locale: plan.locale,
      })
      .returning();
    storeList.push({ id: s!.id, market: plan.market, currency: plan.currency, locale: plan.locale, guides: [] });
  }

  // Staff: a manager and three guides per store, all with the demo password.
  let staff = 0;
  for (const [i, s] of storeList.entries()) {
    const names = GUIDE_NAMES[s.market];
    for (const [j, name] of names.entries()) {
      const role = j === 0 ? 'store_manager' : 'staff';
      const [u] = await db
        .insert(users)
        .values({
          orgId,
          email: `demo${stamp}-s${i}-${j}@example.com`,
          displayName: name,
          role,
          locale: s.locale,
          passwordHash,
        })
        .onConflictDoNothing()
        .returning();
      if (!u) continue;
      await db.insert(userStores).values({ orgId, userId: u.id, storeId: s.id });
      s.guides.push(u.id);
      staff++;
    }
  }

  // Catalogue.
  const cats = new Map(
    (
      await db
        .select()
        .from(productCategories)
        .where(sql`org_id = ${orgId}`)
    ).map((c) => [c.key, c.id]),
  );
  await db
    .insert(products)
    .values(
      DEMO_PRODUCTS.map((p) => ({
        orgId,
        styleNo: p.styleNo,
        name: p.name['zh-CN'],
        categoryId: cats.get(p.category) ?? null,
        season: p.season,
        listPrice: localPrice(p.priceCny, 'CNY'),
        currency: 'CNY',
      })),
    )
    .onConflictDoNothing();
  const productIds = new Map(
    (
      await db
        .select({ id: products.id, styleNo: products.styleNo })
        .from(products)
        .where(sql`org_id = ${orgId}`)
    ).map((p) => [p.styleNo, p.id]),
  );

  // Customers.
  const now = Date.now();
  const DAY = 86_400_000;
  const cust: DemoCustomer[] = [];
  const CHUNK = 2000;
  for (let start = 0; start < opts.customers; start += CHUNK) {
    const rowsC: Array<typeof customers.$inferInsert> = [];
    const rowsP: Array<typeof customerPhones.$inferInsert> = [];
    const rowsK: Array<typeof customerSearchKeys.$inferInsert> = [];
    const rowsConsent: Array<typeof customerConsents.$inferInsert> = [];
    for (let i = start; i < Math.min(opts.customers, start + CHUNK); i++) {
      const store = storeList[i % storeList.length]!;
      const p = syntheticPerson(r, store.market, i);
      const id = crypto.randomUUID();
      const memberNo = `D${stamp}${String(i + 1).padStart(6, '0')}`;
      const reading = p.reading ?? autoReading(p.familyName, p.givenName, store.locale);
      const createdAt = now - Math.floor(r() * 900) * DAY;
      const hasKids = r() < 0.4;
      const lunar = store.market !== 'JP' && r() < 0.2;
      const birthYear = 1960 + Math.floor(r() * 42);
      const referrer = cust.length > 20 && r() < 0.1 ? cust[Math.floor(r() * cust.length)]! : null;
      rowsC.push({
        id,
        orgId,
        storeId: store.id,
        memberNo,
        familyName: p.familyName,
        givenName: p.givenName,
        displayName: displayNameOf(p.familyName, p.givenName, store.locale, reading),
        reading,
        gender: p.gender,
        email: p.email,
        // Her language follows her store's country (no draw from the generator: other rows stay the same).
        language: MARKET_LANGUAGE[store.market],
        birthday:
          lunar || r() < 0.3
            ? null
            : `${birthYear}-${String(1 + Math.floor(r() * 12)).padStart(2, '0')}-${String(1 + Math.floor(r() * 28)).padStart(2, '0')}`,
        lunarBirthMonth: lunar ? 1 + Math.floor(r() * 12) : null,
        lunarBirthDay: lunar ? 1 + Math.floor(r() * 29) : null,
        lunarBirthYear: lunar ? birthYear : null,
        source: referrer ? 'referral' : pick(['walk_in', 'walk_in', 'walk_in', 'event', 'online']),
        referredById: referrer?.id ?? null,
        ownerUserId: store.guides.length ? pick(store.guides) : null,
        profile: {
          clothingSize: pick(['S', 'M', 'M', 'L', 'XL']),
          ...(r() < 0.5 ? { colourPreferences: [pick(['米色', '藏青', '黑色', '酒红', '燕麦色'])] } : {}),
          ...(r() < 0.4 ? { stylePreferences: [pick(['通勤', '简约', '优雅', '休闲'])] } : {}),
          ...(r() < 0.3 ? { hobbies: [pick(['瑜伽', '插花', '旅行', '烘焙', '茶道'])] } : {}),
          ...(hasKids ? { family: [{ relation: 'child', age: 2 + Math.floor(r() * 20) }] } : {}),
        },
        completeness: 15 + Math.floor(r() * 60),
        createdAt: new Date(createdAt),
        updatedAt: new Date(createdAt),
      });
      rowsP.push({ orgId, customerId: id, e164: p.phone, reversedDigits: reverseDigits(p.phone), isPrimary: true });
      for (const k of searchKeysOf({
        familyName: p.familyName,
        givenName: p.givenName,
        reading,
        memberNo,
        email: p.email,
      }))
        rowsK.push({ orgId, customerId: id, storeId: store.id, ...k });
      if (r() < 0.8)
        rowsConsent.push({
          orgId,
          customerId: id,
          channel: store.market === 'CN' ? 'messaging' : 'sms',
          purpose: 'care',
          granted: true,
          method: 'verbal',
        });
      if (r() < 0.4)
        rowsConsent.push({
          orgId,
          customerId: id,
          channel: 'sms',
          purpose: 'marketing',
          granted: r() < 0.7,
          method: 'written',
        });
      // Pareto weights (alpha ≈ 1.16 gives the 80/20 split of seed 002).
      cust.push({ id, store, weight: 1 / Math.pow(1 - r() * 0.999, 1 / 1.16), createdAt });
    }
    await insertBatches(db, customers, rowsC, 500);
    await insertBatches(db, customerPhones, rowsP);
    await insertBatches(db, customerSearchKeys, rowsK, 2000);
    await insertBatches(db, customerConsents, rowsConsent);
    progress('customers', Math.min(opts.customers, start + CHUNK), opts.customers);
  }

  const ctx: DemoContext = { db, orgId, opts, r, pick, progress, stamp, now, storeList, cust, productIds, cats };
  const { lines, receiptCount, returns } = await generatePurchases(ctx);
  const { visits, repairs } = await generateExtras(ctx);
  const { tags, tagged } = await generateTags(db, orgId, storeList[0]!.locale, cust);
  await ensureDefaultTiers(db, orgId);
  await backfillLoyalty(db, orgId); // tiers and points for the generated history
  return {
    stores: storeList.length,
    staff,
    customers: opts.customers,
    receipts: receiptCount,
    lines,
    returns,
    visits,
    repairs,
    tags,
    tagged,
    staffPassword: DEMO_STAFF_PASSWORD,
  };
}
