// The light product catalogue and its categories, which carry the after-sales policy (seed 001).
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Labels } from '../../../contracts/custom-fields';
import { DEFAULT_BANDS } from '../../../domain/after-sales';
import type { Db } from '../../db/client';
import { organizations, productCategories, products } from '../../db/schema';

const L = (zhCN: string, zhTW: string, ja: string, en: string): Labels => ({ 'zh-CN': zhCN, 'zh-TW': zhTW, ja, en });

type CategorySeed = {
  key: string;
  labels: Labels;
  warrantyMonths: number | null;
  entitlementKind?: 'dry_cleaning' | 'leather_care';
  entitlementMinPrice?: number;
  isService?: boolean;
};

// The suit price above which a free dry-cleaning is earned is "XXXX yuan" in the seed: 2,000.00 here, editable.
export const DEFAULT_CATEGORIES: CategorySeed[] = [
  { key: 'clothing', labels: L('服装', '服裝', '衣料品', 'Clothing'), warrantyMonths: 3 },
  {
    key: 'suits',
    labels: L('西服', '西服', 'スーツ', 'Suits'),
    warrantyMonths: 3,
    entitlementKind: 'dry_cleaning',
    entitlementMinPrice: 200_000,
  },
  { key: 'knitwear', labels: L('针织', '針織', 'ニット', 'Knitwear'), warrantyMonths: 3 },
  {
    key: 'leather',
    labels: L('皮衣皮具', '皮衣皮件', 'レザー', 'Leather'),
    warrantyMonths: 6,
    entitlementKind: 'leather_care',
    entitlementMinPrice: 0,
  },
  { key: 'shoes', labels: L('鞋履', '鞋履', '靴', 'Shoes'), warrantyMonths: 3 },
  { key: 'accessories', labels: L('配饰', '配飾', '小物', 'Accessories'), warrantyMonths: null },
  { key: 'skincare', labels: L('护肤品', '保養品', 'スキンケア', 'Skincare'), warrantyMonths: null },
  { key: 'services', labels: L('服务项目', '服務項目', '施術', 'Services'), warrantyMonths: null, isService: true },
];

export async function ensureDefaultCategories(db: Db): Promise<void> {
  const orgs = await db.select({ id: organizations.orgId }).from(organizations);
  for (const { id: orgId } of orgs) {
    await db
      .insert(productCategories)
      .values(
        DEFAULT_CATEGORIES.map((c) => ({
          orgId,
          key: c.key,
          labels: c.labels,
          warrantyMonths: c.warrantyMonths,
          depreciationBands: c.warrantyMonths ? DEFAULT_BANDS : [],
          entitlementKind: c.entitlementKind ?? null,
          entitlementMinPrice: c.entitlementMinPrice ?? null,
          isService: c.isService ?? false,
        })),
      )
      .onConflictDoNothing();
  }
}

export type CategoryRow = typeof productCategories.$inferSelect;

export async function categoriesByKey(db: Db, orgId: string): Promise<Map<string, CategoryRow>> {
  const list = await db.select().from(productCategories).where(eq(productCategories.orgId, orgId));
  return new Map(list.map((c) => [c.key, c]));
}

export type ProductRef = {
  styleNo: string;
  name: string;
  categoryId: string | null;
  listPrice: number | null;
  currency: string;
};

/**
 * Products named by receipt lines: known style numbers are reused, unknown ones are added to the
 * catalogue (the first receipt that names a product fills it). Returns style number → product.
 */
export async function ensureProducts(
  db: Db,
  orgId: string,
  refs: ProductRef[],
): Promise<Map<string, typeof products.$inferSelect>> {
  const unique = [...new Map(refs.map((r) => [r.styleNo, r])).values()];
  if (!unique.length) return new Map();
  await db
    .insert(products)
    .values(
      unique.map((r) => ({
        orgId,
        styleNo: r.styleNo,
        name: r.name,
        categoryId: r.categoryId,
        listPrice: r.listPrice,
        currency: r.currency,
      })),
    )
    .onConflictDoUpdate({
      target: [products.orgId, products.styleNo],
      // Fill gaps only: a category learnt later is kept, a catalogue entry is never overwritten by a receipt.
      set: {
        categoryId: sql`coalesce(${products.categoryId}, excluded.category_id)`,
        listPrice: sql`coalesce(${products.listPrice}, excluded.list_price)`,
      },
    });
  const found = await db
    .select()
    .from(products)
    .where(
      and(
        eq(products.orgId, orgId),
        inArray(
          products.styleNo,
          unique.map((r) => r.styleNo),
        ),
      ),
    );
  return new Map(found.map((p) => [p.styleNo, p]));
}
