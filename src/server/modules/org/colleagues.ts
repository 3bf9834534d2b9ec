// Who works in a store, for naming the colleague who served a customer: names only, no e-mail or role,
// so staff can pick a colleague without being able to list accounts (GET /api/users is for managers).
import { and, asc, eq } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { userStores, users } from '../../db/schema';

export type Colleague = { id: string; displayName: string };

/** The active accounts attached to a store, by name. */
export async function findColleagues(db: Db, orgId: string, storeId: string): Promise<Colleague[]> {
  return db
    .select({ id: users.id, displayName: users.displayName })
    .from(users)
    .innerJoin(userStores, eq(userStores.userId, users.id))
    .where(and(eq(users.orgId, orgId), eq(users.isActive, true), eq(userStores.storeId, storeId)))
    .orderBy(asc(users.displayName));
}

export async function isColleague(db: Db, orgId: string, storeId: string, userId: string): Promise<boolean> {
  const [row] = await db
    .select({ id: users.id })
    .from(users)
    .innerJoin(userStores, eq(userStores.userId, users.id))
    .where(
      and(eq(users.orgId, orgId), eq(users.isActive, true), eq(userStores.storeId, storeId), eq(users.id, userId)),
    );
  return Boolean(row);
}
