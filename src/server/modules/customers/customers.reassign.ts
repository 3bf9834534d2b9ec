// When a guide leaves, her customers get a new owner guide in one act; files and history stay with the
// store (seed 002: customers must survive staff turnover).
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { reassignBodySchema } from '../../../contracts/customers';
import type { Db } from '../../db/client';
import { customerFieldHistory, customers, userStores, users } from '../../db/schema';
import { AppError } from '../../errors';
import type { Actor } from './customers.service';

export async function reassignCustomers(
  db: Db,
  actor: Actor,
  input: z.infer<typeof reassignBodySchema>,
): Promise<number> {
  const [target] = await db
    .select()
    .from(users)
    .where(and(eq(users.orgId, actor.orgId), eq(users.id, input.toUserId)));
  if (!target || !target.isActive) {
    throw new AppError('validation_failed', {}, [
      { field: 'body.toUserId', code: 'unknown_user', message: 'Choose an active staff member' },
    ]);
  }
  const storeIds = input.storeId ? actor.storeIds.filter((s) => s === input.storeId) : actor.storeIds;
  const where = [
    eq(customers.orgId, actor.orgId),
    inArray(customers.storeId, storeIds.length ? storeIds : ['00000000-0000-0000-0000-000000000000']),
  ];
  if (input.fromUserId) where.push(eq(customers.ownerUserId, input.fromUserId));
  if (input.customerIds?.length) where.push(inArray(customers.id, input.customerIds));
  // The new owner must work in the customers' store (head office and owners work everywhere).
  if (target.role !== 'owner' && target.role !== 'hq') {
    const theirStores = db.select({ id: userStores.storeId }).from(userStores).where(eq(userStores.userId, target.id));
    where.push(inArray(customers.storeId, theirStores));
  }
  return db.transaction(async (tx) => {
    const moved = await tx
      .update(customers)
      .set({ ownerUserId: target.id, updatedAt: new Date(), version: sql`${customers.version} + 1` })
      .where(and(...where))
      .returning({ id: customers.id, old: sql<string | null>`null` });
    if (moved.length) {
      await tx.insert(customerFieldHistory).values(
        moved.map((m) => ({
          orgId: actor.orgId,
          customerId: m.id,
          field: 'ownerUserId',
          oldValue: input.fromUserId ?? null,
          newValue: target.id,
          changedBy: actor.userId,
          source: 'ui',
        })),
      );
    }
    return moved.length;
  });
}
