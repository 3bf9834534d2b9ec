import { and, asc, count, eq, sql } from 'drizzle-orm';
import type { Region } from '../../../contracts/org';
import type { Db } from '../../db/client';
import { regions, stores } from '../../db/schema';
import { AppError, notFound } from '../../errors';

export async function findRegions(db: Db, orgId: string): Promise<Region[]> {
  const list = await db
    .select({ r: regions, storeCount: count(stores.id) })
    .from(regions)
    .leftJoin(stores, eq(stores.regionId, regions.id))
    .where(eq(regions.orgId, orgId))
    .groupBy(regions.id)
    .orderBy(asc(regions.code));
  return list.map(({ r, storeCount }) => ({
    id: r.id,
    code: r.code,
    name: r.name,
    storeCount: Number(storeCount),
    createdAt: r.createdAt.toISOString(),
  }));
}

async function codeTaken(db: Db, orgId: string, code: string, exceptId?: string) {
  const [r] = await db
    .select({ id: regions.id })
    .from(regions)
    .where(and(eq(regions.orgId, orgId), sql`upper(${regions.code}) = upper(${code})`));
  return r !== undefined && r.id !== exceptId;
}

const taken = (code: string) =>
  new AppError('validation_failed', {}, [
    { field: 'body.code', code: 'taken', message: `The code ${code} is already used` },
  ]);

export async function createRegion(db: Db, orgId: string, input: { code: string; name: string }) {
  if (await codeTaken(db, orgId, input.code)) throw taken(input.code);
  const [r] = await db
    .insert(regions)
    .values({ orgId, ...input })
    .returning();
  return r!;
}

export async function updateRegion(db: Db, orgId: string, id: string, input: { code?: string; name?: string }) {
  if (input.code && (await codeTaken(db, orgId, input.code, id))) throw taken(input.code);
  const [r] = await db
    .update(regions)
    .set({ ...input, updatedAt: sql`now()` })
    .where(and(eq(regions.orgId, orgId), eq(regions.id, id)))
    .returning();
  if (!r) throw notFound();
  return r;
}
