// Idempotency-Key for POS integrations: the first request with a key does the work and stores its
// answer in the same transaction; a retry (even one racing the first) waits for it and gets the same
// answer, creating nothing. Reusing a key for a different request is refused.
import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { idempotencyKeys } from '../../db/schema';
import { AppError } from '../../errors';
import { sha256 } from '../../security';

export type IdempotentResult<T> = { status: number; body: T; replayed: boolean };

export async function withIdempotency<T>(
  db: Db,
  orgId: string,
  key: string,
  request: unknown,
  work: (tx: Db) => Promise<{ status: number; body: T }>,
): Promise<IdempotentResult<T>> {
  const requestHash = sha256(JSON.stringify(request));
  return db.transaction(async (txRaw) => {
    const tx = txRaw as unknown as Db;
    // Blocks while another transaction holds the same key, then sees its committed row.
    const [claimed] = await tx
      .insert(idempotencyKeys)
      .values({ orgId, key, requestHash })
      .onConflictDoNothing()
      .returning();
    if (!claimed) {
      const [prior] = await tx
        .select()
        .from(idempotencyKeys)
        .where(and(eq(idempotencyKeys.orgId, orgId), eq(idempotencyKeys.key, key)));
      if (!prior || prior.requestHash !== requestHash) throw new AppError('idempotency_conflict');
      return { status: prior.statusCode ?? 200, body: prior.response as T, replayed: true };
    }
    const result = await work(tx);
    await tx
      .update(idempotencyKeys)
      .set({ statusCode: result.status, response: result.body as object })
      .where(and(eq(idempotencyKeys.orgId, orgId), eq(idempotencyKeys.key, key)));
    return { ...result, replayed: false };
  });
}

/** Keys are kept a week: long enough for any POS retry. */
export async function purgeIdempotencyKeys(db: Db) {
  await db.delete(idempotencyKeys).where(sql`${idempotencyKeys.createdAt} < now() - interval '7 days'`);
}
