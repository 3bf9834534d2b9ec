// The default VIP programme every new organisation starts with (silver < gold < platinum < diamond),
// with thresholds per currency that make sense side by side in China, Taiwan, Hong Kong and Japan
// (roughly ¥5,000 ≈ NT$22,000 ≈ HK$5,500 ≈ ¥100,000 for gold). Owners and head office edit them under
// Settings → VIP programme.
import { sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { benefitsSchema, qualificationSchema } from '../../../contracts/loyalty';
import type { Labels } from '../../../contracts/custom-fields';
import type { Db } from '../../db/client';
import { organizations, tierDefinitions } from '../../db/schema';

type DefaultTier = {
  key: string;
  rank: number;
  labels: Labels;
  qualification: z.input<typeof qualificationSchema>;
  benefits: z.input<typeof benefitsSchema>;
};

const money = (cny: number, twd: number, hkd: number, jpy: number) => ({
  CNY: cny * 100,
  TWD: twd * 100,
  HKD: hkd * 100,
  JPY: jpy,
});

const DRY_CLEANING: Labels = {
  'zh-CN': '免费干洗',
  'zh-TW': '免費乾洗',
  ja: '無料クリーニング',
  en: 'Free dry-cleaning',
};
const ALTERATION: Labels = { 'zh-CN': '免费修改', 'zh-TW': '免費修改', ja: '無料お直し', en: 'Free alterations' };

export const DEFAULT_TIERS: DefaultTier[] = [
  {
    key: 'silver',
    rank: 1,
    labels: { 'zh-CN': '白银会员', 'zh-TW': '白銀會員', ja: 'シルバー会員', en: 'Silver' },
    qualification: { visits: 1, combine: 'or' },
    benefits: { discountPercent: 0, birthdayMonthPricePercent: 90, pointsMultiplier: 1 },
  },
  {
    key: 'gold',
    rank: 2,
    labels: { 'zh-CN': '黄金会员', 'zh-TW': '黃金會員', ja: 'ゴールド会員', en: 'Gold' },
    qualification: { spend: money(5_000, 22_000, 5_500, 100_000), visits: 6, combine: 'or' },
    benefits: {
      discountPercent: 5,
      birthdayMonthPricePercent: 75,
      eventInvitations: true,
      pointsMultiplier: 1.2,
    },
  },
  {
    key: 'platinum',
    rank: 3,
    labels: { 'zh-CN': '白金会员', 'zh-TW': '白金會員', ja: 'プラチナ会員', en: 'Platinum' },
    qualification: { spend: money(20_000, 88_000, 22_000, 400_000), visits: 4, combine: 'and' },
    benefits: {
      discountPercent: 8,
      birthdayMonthPricePercent: 75,
      eventInvitations: true,
      pointsMultiplier: 1.5,
      freeServices: [{ key: 'alteration', labels: ALTERATION, perYear: 2 }],
    },
  },
  {
    key: 'diamond',
    rank: 4,
    labels: { 'zh-CN': '钻石会员', 'zh-TW': '鑽石會員', ja: 'ダイヤモンド会員', en: 'Diamond' },
    qualification: { spend: money(50_000, 220_000, 55_000, 1_000_000), visits: 6, combine: 'and' },
    benefits: {
      discountPercent: 12,
      birthdayMonthPricePercent: 75,
      eventInvitations: true,
      pointsMultiplier: 2,
      freeServices: [
        { key: 'alteration', labels: ALTERATION, perYear: 4 },
        { key: 'dry_cleaning', labels: DRY_CLEANING, perYear: 2 },
      ],
    },
  },
];

/**
 * Gives every organisation without tiers the default programme (first start, and organisations that
 * existed before the VIP programme). Never touches an organisation that has tiers of its own.
 */
export async function ensureDefaultTiers(db: Db, orgId?: string): Promise<void> {
  const orgs = orgId
    ? [{ id: orgId }]
    : await db
        .select({ id: organizations.orgId })
        .from(organizations)
        .where(sql`not exists (select 1 from tier_definitions t where t.org_id = ${organizations.orgId})`);
  for (const { id } of orgs) {
    const [has] = await db
      .execute(sql`select 1 from tier_definitions where org_id = ${id} limit 1`)
      .then((r) => (r as unknown as { rows: unknown[] }).rows);
    if (has) continue;
    await db
      .insert(tierDefinitions)
      .values(
        DEFAULT_TIERS.map((t) => ({
          orgId: id,
          key: t.key,
          rank: t.rank,
          labels: t.labels,
          qualification: t.qualification as Record<string, unknown>,
          benefits: {
            discountPercent: 0,
            birthdayMonthPricePercent: null,
            freeServices: [],
            eventInvitations: false,
            pointsMultiplier: 1,
            ...t.benefits,
          } as Record<string, unknown>,
        })),
      )
      .onConflictDoNothing();
  }
}
