import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { createStoreBodySchema, Store, updateStoreBodySchema } from '../../../contracts/org';
import type { Db } from '../../db/client';
import { regions, stores } from '../../db/schema';
import { AppError, fieldError, notFound } from '../../errors';

type StoreRow = typeof stores.$inferSelect;
export type CreateStoreInput = z.infer<typeof createStoreBodySchema>;
export type UpdateStoreInput = z.infer<typeof updateStoreBodySchema>;

export function toStore(s: StoreRow): Store {
  return {
    id: s.id,
    code: s.code,
    name: s.name,
    regionId: s.regionId,
    country: s.country,
    currency: s.currency,
    timezone: s.timezone,
    locale: s.locale as Store['locale'],
    isActive: s.isActive,
    createdAt: s.createdAt.toISOString(),
  };
}

const CURRENCIES = new Set(Intl.supportedValuesOf('currency'));

function checkCurrency(currency: string | undefined) {
  if (currency && !CURRENCIES.has(currency)) {
    throw new AppError('validation_failed', {}, [
      { field: 'body.currency', code: 'invalid', message: `Unknown currency ${currency}` },
    ]);
  }
}

async function checkRegion(db: Db, orgId: string, regionId: string | null | undefined) {
  if (!regionId) return;
  const [r] = await db
    .select({ id: regions.id })
    .from(regions)
    .where(and(eq(regions.orgId, orgId), eq(regions.id, regionId)));
  if (!r) throw new AppError('validation_failed', {}, [fieldError('body.regionId', 'unknown_region')]);
}

export async function findStores(db: Db, orgId: string, storeIds: readonly string[]): Promise<Store[]> {
  if (storeIds.length === 0) return [];
  const list = await db
    .select()
    .from(stores)
    .where(and(eq(stores.orgId, orgId), inArray(stores.id, [...storeIds])))
    .orderBy(asc(stores.code));
  return list.map(toStore);
}

export async function getStoreOrThrow(db: Db, orgId: string, id: string): Promise<StoreRow> {
  const [s] = await db
    .select()
    .from(stores)
    .where(and(eq(stores.orgId, orgId), eq(stores.id, id)));
  if (!s) throw notFound();
  return s;
}

export async function findStoreByCode(db: Db, orgId: string, code: string): Promise<StoreRow | undefined> {
  const [s] = await db
    .select()
    .from(stores)
    .where(and(eq(stores.orgId, orgId), eq(stores.code, code.toUpperCase())));
  return s;
}

export async function createStore(db: Db, orgId: string, input: CreateStoreInput): Promise<StoreRow> {
  checkCurrency(input.currency);
  await checkRegion(db, orgId, input.regionId);
  if (await findStoreByCode(db, orgId, input.code)) throw new AppError('store_code_taken', { code: input.code });
  const [s] = await db
    .insert(stores)
    .values({ ...input, code: input.code.toUpperCase(), regionId: input.regionId ?? null, orgId })
    .onConflictDoNothing()
    .returning();
  if (!s) throw new AppError('store_code_taken', { code: input.code });
  return s;
}

export async function updateStore(db: Db, orgId: string, id: string, input: UpdateStoreInput): Promise<StoreRow> {
  await getStoreOrThrow(db, orgId, id);
  checkCurrency(input.currency);
  await checkRegion(db, orgId, input.regionId);
  const [s] = await db
    .update(stores)
    .set({ ...input, updatedAt: sql`now()` })
    .where(and(eq(stores.orgId, orgId), eq(stores.id, id)))
    .returning();
  if (!s) throw notFound();
  return s;
}
