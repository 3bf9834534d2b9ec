// Staff accounts. Who may manage whom: an account manages only lower roles (owners manage owners too),
// and only in stores it can reach itself.
import { and, asc, eq, inArray, ne, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { Role } from '../../../contracts/common';
import type { createUserBodySchema, updateUserBodySchema, User } from '../../../contracts/org';
import type { Db } from '../../db/client';
import { regions, sessions, stores, userRegions, userStores, users } from '../../db/schema';
import { AppError, fieldError, forbidden, notFound } from '../../errors';
import { hashPassword } from '../../security';
import type { UserPrincipal } from '../../plugins/auth';
import { canManageRole } from '../../../domain/roles';

type UserRow = typeof users.$inferSelect;
export type CreateUserInput = z.infer<typeof createUserBodySchema>;
export type UpdateUserInput = z.infer<typeof updateUserBodySchema>;

export { canManageRole };

async function loadLinks(db: Db, ids: string[]) {
  if (ids.length === 0) return { storeMap: new Map<string, string[]>(), regionMap: new Map<string, string[]>() };
  const [s, r] = await Promise.all([
    db.select().from(userStores).where(inArray(userStores.userId, ids)),
    db.select().from(userRegions).where(inArray(userRegions.userId, ids)),
  ]);
  const storeMap = new Map<string, string[]>();
  for (const x of s) storeMap.set(x.userId, [...(storeMap.get(x.userId) ?? []), x.storeId]);
  const regionMap = new Map<string, string[]>();
  for (const x of r) regionMap.set(x.userId, [...(regionMap.get(x.userId) ?? []), x.regionId]);
  return { storeMap, regionMap };
}

function toUser(u: UserRow, storeIds: string[], regionIds: string[]): User {
  return {
    id: u.id,
    email: u.email,
    displayName: u.displayName,
    role: u.role as Role,
    locale: (u.locale as User['locale']) ?? null,
    isActive: u.isActive,
    storeIds,
    regionIds,
    lastLoginAt: u.lastLoginAt?.toISOString() ?? null,
    createdAt: u.createdAt.toISOString(),
  };
}

export async function findUsers(
  db: Db,
  actor: UserPrincipal,
  opts: { storeId?: string; includeInactive: boolean },
): Promise<User[]> {
  const where = [eq(users.orgId, actor.orgId)];
  if (!opts.includeInactive) where.push(eq(users.isActive, true));
  const wide = actor.role === 'owner' || actor.role === 'hq';
  const scope = opts.storeId ? [opts.storeId].filter((id) => actor.storeIds.includes(id)) : actor.storeIds;
  if (opts.storeId || !wide) {
    const members = db
      .select({ id: userStores.userId })
      .from(userStores)
      .where(inArray(userStores.storeId, scope.length ? scope : ['00000000-0000-0000-0000-000000000000']));
    where.push(inArray(users.id, members));
  }
  const list = await db
    .select()
    .from(users)
    .where(and(...where))
    .orderBy(asc(users.displayName));
  const { storeMap, regionMap } = await loadLinks(
    db,
    list.map((u) => u.id),
  );
  return list.map((u) => toUser(u, storeMap.get(u.id) ?? [], regionMap.get(u.id) ?? []));
}

export async function getUserOrThrow(db: Db, orgId: string, id: string): Promise<User> {
  const [u] = await db
    .select()
    .from(users)
    .where(and(eq(users.orgId, orgId), eq(users.id, id)));
  if (!u) throw notFound();
  const { storeMap, regionMap } = await loadLinks(db, [u.id]);
  return toUser(u, storeMap.get(u.id) ?? [], regionMap.get(u.id) ?? []);
}

async function checkScope(
  db: Db,
  actor: UserPrincipal,
  storeIds: string[] | undefined,
  regionIds: string[] | undefined,
) {
  for (const [i, id] of (storeIds ?? []).entries()) {
    if (!actor.storeIds.includes(id))
      throw new AppError('validation_failed', {}, [fieldError(`body.storeIds.${i}`, 'unknown_store')]);
  }
  if (regionIds?.length) {
    if (actor.role !== 'owner' && actor.role !== 'hq') throw forbidden();
    const found = await db
      .select({ id: regions.id })
      .from(regions)
      .where(and(eq(regions.orgId, actor.orgId), inArray(regions.id, regionIds)));
    const known = new Set(found.map((r) => r.id));
    regionIds.forEach((id, i) => {
      if (!known.has(id))
        throw new AppError('validation_failed', {}, [fieldError(`body.regionIds.${i}`, 'unknown_region')]);
    });
  }
}

/** A manager below head office may only touch accounts that work in one of her stores. */
function assertReach(actor: UserPrincipal, target: User) {
  if (!canManageRole(actor.role, target.role)) throw forbidden();
  if (actor.role === 'owner' || actor.role === 'hq') return;
  if (!target.storeIds.some((id) => actor.storeIds.includes(id))) throw forbidden();
}

export async function isEmailTaken(db: Db, email: string): Promise<boolean> {
  const [u] = await db
    .select({ id: users.id })
    .from(users)
    .where(sql`lower(${users.email}) = lower(${email})`);
  return u !== undefined;
}

async function setLinks(db: Db, orgId: string, userId: string, storeIds?: string[], regionIds?: string[]) {
  if (storeIds) {
    await db.delete(userStores).where(eq(userStores.userId, userId));
    if (storeIds.length)
      await db.insert(userStores).values([...new Set(storeIds)].map((storeId) => ({ orgId, userId, storeId })));
  }
  if (regionIds) {
    await db.delete(userRegions).where(eq(userRegions.userId, userId));
    if (regionIds.length)
      await db.insert(userRegions).values([...new Set(regionIds)].map((regionId) => ({ orgId, userId, regionId })));
  }
}

/** Creates an account; `actor` null means the CLI, acting with the owner's full rights. */
export async function createUser(
  db: Db,
  orgId: string,
  actor: UserPrincipal | null,
  input: CreateUserInput,
): Promise<User> {
  if (actor) {
    if (!canManageRole(actor.role, input.role)) throw forbidden();
    await checkScope(db, actor, input.storeIds, input.regionIds);
  }
  if (await isEmailTaken(db, input.email))
    throw new AppError('email_taken', {}, [{ field: 'body.email', code: 'taken', message: 'Already used' }]);
  const passwordHash = await hashPassword(input.password);
  const id = await db.transaction(async (tx) => {
    const [u] = await tx
      .insert(users)
      .values({
        orgId,
        email: input.email.trim(),
        displayName: input.displayName,
        role: input.role,
        locale: input.locale ?? null,
        passwordHash,
      })
      .returning({ id: users.id });
    await setLinks(tx as unknown as Db, orgId, u!.id, input.storeIds, input.regionIds);
    return u!.id;
  });
  return getUserOrThrow(db, orgId, id);
}

async function activeOwnerCount(db: Db, orgId: string, exceptId: string) {
  const [r] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(users)
    .where(and(eq(users.orgId, orgId), eq(users.role, 'owner'), eq(users.isActive, true), ne(users.id, exceptId)));
  return r?.n ?? 0;
}

export async function updateUser(
  db: Db,
  actor: UserPrincipal,
  id: string,
  input: UpdateUserInput,
): Promise<{ before: User; after: User }> {
  const before = await getUserOrThrow(db, actor.orgId, id);
  const isSelf = actor.userId === id;
  if (!isSelf || input.role || input.storeIds || input.regionIds || input.isActive === false)
    assertReach(actor, before);
  if (isSelf && (input.role || input.isActive === false)) throw forbidden(); // no self-demotion or lock-out
  if (input.role && !canManageRole(actor.role, input.role)) throw forbidden();
  // A manager edits store memberships within her reach; the colleague's other stores stay as they are.
  if (input.storeIds && actor.role !== 'owner' && actor.role !== 'hq') {
    const kept = before.storeIds.filter((s) => !actor.storeIds.includes(s));
    const requested = input.storeIds.filter((s) => !kept.includes(s));
    await checkScope(db, actor, requested, undefined);
    input = { ...input, storeIds: [...new Set([...kept, ...requested])] };
  }
  await checkScope(
    db,
    actor,
    input.storeIds && (actor.role === 'owner' || actor.role === 'hq') ? input.storeIds : undefined,
    input.regionIds,
  );
  const losesOwner = before.role === 'owner' && ((input.role && input.role !== 'owner') || input.isActive === false);
  if (losesOwner && (await activeOwnerCount(db, actor.orgId, id)) === 0) throw new AppError('last_owner');
  await db.transaction(async (tx) => {
    const set: Partial<typeof users.$inferInsert> = { updatedAt: new Date() };
    if (input.displayName !== undefined) set.displayName = input.displayName;
    if (input.role !== undefined) set.role = input.role;
    if (input.locale !== undefined) set.locale = input.locale;
    if (input.isActive !== undefined) set.isActive = input.isActive;
    if (input.password !== undefined) {
      set.passwordHash = await hashPassword(input.password);
      set.passwordChangedAt = new Date();
    }
    await tx
      .update(users)
      .set(set)
      .where(and(eq(users.orgId, actor.orgId), eq(users.id, id)));
    await setLinks(tx as unknown as Db, actor.orgId, id, input.storeIds, input.regionIds);
    // A deactivated account or a password reset by someone else ends every open session at once.
    if (input.isActive === false || (input.password !== undefined && !isSelf)) {
      await tx.delete(sessions).where(eq(sessions.userId, id));
    }
  });
  return { before, after: await getUserOrThrow(db, actor.orgId, id) };
}

export async function storeIdsOfOrg(db: Db, orgId: string) {
  return (await db.select({ id: stores.id }).from(stores).where(eq(stores.orgId, orgId))).map((s) => s.id);
}
