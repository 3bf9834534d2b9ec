// Which stores an account may work in: owners and head office see all; regional managers their regions'
// stores (plus any store they are attached to); store managers and staff the stores they belong to.
import { and, eq, inArray, or } from 'drizzle-orm';
import type { Role } from '../../../contracts/common';
import type { Db } from '../../db/client';
import { stores, userRegions, userStores } from '../../db/schema';

export async function accessibleStoreIds(db: Db, orgId: string, role: Role, userId: string): Promise<string[]> {
  if (role === 'owner' || role === 'hq') {
    const all = await db.select({ id: stores.id }).from(stores).where(eq(stores.orgId, orgId)).orderBy(stores.code);
    return all.map((s) => s.id);
  }
  const direct = db.select({ id: userStores.storeId }).from(userStores).where(eq(userStores.userId, userId));
  if (role !== 'regional_manager') return (await direct).map((s) => s.id);
  const regionIds = db.select({ id: userRegions.regionId }).from(userRegions).where(eq(userRegions.userId, userId));
  const list = await db
    .select({ id: stores.id })
    .from(stores)
    .where(and(eq(stores.orgId, orgId), or(inArray(stores.regionId, regionIds), inArray(stores.id, direct))))
    .orderBy(stores.code);
  return list.map((s) => s.id);
}

export function canAccessStore(storeIds: readonly string[], storeId: string): boolean {
  return storeIds.includes(storeId);
}
