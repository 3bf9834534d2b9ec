// Demo customer tags: a handful of labels a specialty store really keeps (VIP event guest, how she likes
// to be contacted, gift buyer, sensitive skin), named in the brand's home language, on a deterministic
// fraction of customers. Whether customer i carries a tag depends only on i and the tag (a multiplicative
// hash, no draw from the seeded generator), so adding tags leaves every other demo row as it was.
import { sql } from 'drizzle-orm';
import type { TAG_COLOURS } from '../../contracts/segments';
import { rows, type Db } from '../db/client';
import { customerTags } from '../db/schema';
import type { DemoCustomer } from './generate';
import type { Market } from './names';

type Lang = 'zh-CN' | 'zh-TW' | 'ja' | 'en';
type DemoTag = {
  key: string;
  colour: (typeof TAG_COLOURS)[number];
  /** Percent of the customers (of `markets`) who carry it. */
  percent: number;
  markets: readonly Market[];
  name: Record<Lang, string>;
};

const ALL: readonly Market[] = ['CN', 'TW', 'JP'];

export const DEMO_TAGS: readonly DemoTag[] = [
  {
    key: 'vip_event',
    colour: 'grape',
    percent: 12,
    markets: ALL,
    name: { 'zh-CN': 'VIP 活动嘉宾', 'zh-TW': 'VIP 活動嘉賓', ja: 'VIP イベント招待客', en: 'VIP event guest' },
  },
  {
    key: 'wechat',
    colour: 'green',
    percent: 35,
    markets: ['CN'],
    name: { 'zh-CN': '偏好微信联系', 'zh-TW': '偏好微信聯繫', ja: 'WeChat 連絡希望', en: 'Prefers WeChat' },
  },
  {
    key: 'line',
    colour: 'teal',
    percent: 35,
    markets: ['TW', 'JP'],
    name: { 'zh-CN': '偏好 LINE 联系', 'zh-TW': '偏好 LINE 聯繫', ja: 'LINE 連絡希望', en: 'Prefers LINE' },
  },
  {
    key: 'gift_buyer',
    colour: 'pink',
    percent: 15,
    markets: ALL,
    name: { 'zh-CN': '常买礼品', 'zh-TW': '常買禮品', ja: 'ギフト購入', en: 'Gift buyer' },
  },
  {
    key: 'sensitive_skin',
    colour: 'orange',
    percent: 10,
    markets: ALL,
    name: { 'zh-CN': '敏感肌', 'zh-TW': '敏感肌', ja: '敏感肌', en: 'Sensitive skin' },
  },
];

/** Her language from her store's country: mainland → zh-CN, Taiwan → zh-TW, Japan → ja. */
export const MARKET_LANGUAGE: Record<Market, Lang> = { CN: 'zh-CN', TW: 'zh-TW', JP: 'ja' };

/** The keys of the demo tags customer number `i` (0-based) of a store in `market` carries. */
export function demoTagKeysOf(i: number, market: Market): string[] {
  return DEMO_TAGS.filter((tag, k) => {
    if (!tag.markets.includes(market)) return false;
    // Knuth's multiplicative hash of (i, tag), then a percentile.
    const h = Math.imul(i + 1 + k * 7919, 2654435761) >>> 0;
    return h % 100 < tag.percent;
  }).map((t) => t.key);
}

const tagLanguage = (locale: string): Lang =>
  locale === 'zh-TW' || locale === 'ja' || locale === 'en' ? locale : 'zh-CN';

/**
 * Creates the demo tags (reusing any of the same name) and puts them on the customers, 20,000 pairs a
 * statement through two unnested arrays. Returns how many tags there are and how many customers carry one.
 */
export async function generateTags(
  db: Db,
  orgId: string,
  locale: string,
  cust: readonly DemoCustomer[],
): Promise<{ tags: number; tagged: number }> {
  const lang = tagLanguage(locale);
  const names = DEMO_TAGS.map((t) => t.name[lang]);
  await db
    .insert(customerTags)
    .values(DEMO_TAGS.map((t) => ({ orgId, name: t.name[lang], colour: t.colour })))
    .onConflictDoNothing();
  const existing = await rows<{ id: string; name: string }>(
    db,
    sql`select id, name from customer_tags where org_id = ${orgId} and lower(name) = any(${sql.param(names.map((n) => n.toLowerCase()))}::text[])`,
  );
  const idByName = new Map(existing.map((row) => [row.name.toLowerCase(), row.id]));
  const idOf = new Map(DEMO_TAGS.map((t) => [t.key, idByName.get(t.name[lang].toLowerCase())!]));

  let tagged = 0;
  let customerIds: string[] = [];
  let tagIds: string[] = [];
  const flush = async () => {
    if (!customerIds.length) return;
    await db.execute(sql`insert into customer_tag_assignments (org_id, customer_id, tag_id)
      select ${orgId}, u.c, u.t from unnest(${sql.param(customerIds)}::uuid[], ${sql.param(tagIds)}::uuid[]) as u(c, t)
      on conflict do nothing`);
    customerIds = [];
    tagIds = [];
  };
  for (const [i, c] of cust.entries()) {
    const keys = demoTagKeysOf(i, c.store.market);
    if (keys.length) tagged++;
    for (const key of keys) {
      customerIds.push(c.id);
      tagIds.push(idOf.get(key)!);
    }
    if (customerIds.length >= 20_000) await flush();
  }
  await flush();
  return { tags: DEMO_TAGS.length, tagged };
}
