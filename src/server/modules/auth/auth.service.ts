import { and, eq, ne, sql } from 'drizzle-orm';
import type { Locale, Role } from '../../../contracts/common';
import type { Me } from '../../../contracts/auth';
import type { Db } from '../../db/client';
import { organizations, sessions, users } from '../../db/schema';
import { AppError } from '../../errors';
import { dummyPasswordHash, hashPassword, randomToken, sha256, verifyPassword } from '../../security';
import type { UserPrincipal } from '../../plugins/auth';
import { findStores } from '../org/stores.service';
import { accessibleStoreIds } from '../org/store-access';
import { recordAudit } from '../audit/audit.service';
import { assertNotThrottled, recordAttempt, subjectsFor } from './throttle';

export type LoginResult = { token: string; principal: UserPrincipal };

/** Checks the throttle and the password, opens a session; failures are audited on the account. */
export async function login(
  db: Db,
  email: string,
  password: string,
  ctx: { ip: string; requestId: string; sessionHours: number },
): Promise<LoginResult> {
  const subjects = subjectsFor(email, ctx.ip);
  await assertNotThrottled(db, subjects);
  const [user] = await db
    .select()
    .from(users)
    .where(sql`lower(${users.email}) = lower(${email.trim()})`);
  const ok = await verifyPassword(password, user?.passwordHash ?? (await dummyPasswordHash()));
  if (!user || !ok || !user.isActive) {
    await recordAttempt(db, subjects, false, user?.orgId ?? null);
    // A disabled account with the right password learns it is disabled; nobody else learns anything.
    const code = user && ok && !user.isActive ? 'account_disabled' : 'invalid_credentials';
    if (user) {
      await recordAudit(db, {
        orgId: user.orgId,
        action: 'auth.login_failed',
        entityType: 'user',
        entityId: user.id,
        ip: ctx.ip,
        requestId: ctx.requestId,
        details: { reason: code },
      });
    }
    throw new AppError(code);
  }
  await recordAttempt(db, subjects, true, user.orgId);
  const token = randomToken();
  const csrfToken = randomToken(24);
  const expiresAt = new Date(Date.now() + ctx.sessionHours * 3600_000);
  const sessionId = sha256(token);
  await db.insert(sessions).values({ id: sessionId, orgId: user.orgId, userId: user.id, csrfToken, expiresAt });
  await db.update(users).set({ lastLoginAt: new Date() }).where(eq(users.id, user.id));
  await recordAudit(db, {
    orgId: user.orgId,
    action: 'auth.login',
    entityType: 'user',
    entityId: user.id,
    actorUserId: user.id,
    ip: ctx.ip,
    requestId: ctx.requestId,
  });
  const role = user.role as Role;
  const principal: UserPrincipal = {
    kind: 'user',
    userId: user.id,
    orgId: user.orgId,
    role,
    email: user.email,
    displayName: user.displayName,
    locale: (user.locale as Locale | null) ?? null,
    sessionId,
    csrfToken,
    expiresAt,
    storeIds: await accessibleStoreIds(db, user.orgId, role, user.id),
  };
  return { token, principal };
}

export async function logout(db: Db, sessionId: string) {
  await db.delete(sessions).where(eq(sessions.id, sessionId));
}

export async function changePassword(db: Db, p: UserPrincipal, current: string, next: string) {
  const [u] = await db.select().from(users).where(eq(users.id, p.userId));
  if (!u || !(await verifyPassword(current, u.passwordHash))) {
    throw new AppError('wrong_password', {}, [
      { field: 'body.currentPassword', code: 'wrong', message: 'Not correct' },
    ]);
  }
  await db
    .update(users)
    .set({ passwordHash: await hashPassword(next), passwordChangedAt: new Date(), updatedAt: new Date() })
    .where(eq(users.id, p.userId));
  // Other devices are signed out; this one stays.
  await db.delete(sessions).where(and(eq(sessions.userId, p.userId), ne(sessions.id, p.sessionId)));
}

export async function getMe(db: Db, p: UserPrincipal): Promise<Me> {
  const [[org], [u], stores] = await Promise.all([
    db.select().from(organizations).where(eq(organizations.orgId, p.orgId)),
    db.select({ lastStoreId: users.lastStoreId }).from(users).where(eq(users.id, p.userId)),
    findStores(db, p.orgId, p.storeIds),
  ]);
  const active = stores.filter((s) => s.isActive);
  const current = active.find((s) => s.id === u?.lastStoreId) ?? active[0] ?? null;
  return {
    user: { id: p.userId, email: p.email, displayName: p.displayName, role: p.role as Role, locale: p.locale },
    org: { id: p.orgId, name: org?.name ?? '' },
    stores: active.map(({ id, code, name, currency, timezone, locale, country }) => ({
      id,
      code,
      name,
      currency,
      timezone,
      locale,
      country,
    })),
    currentStoreId: current?.id ?? null,
    csrfToken: p.csrfToken,
    sessionExpiresAt: p.expiresAt.toISOString(),
  };
}

export async function setPreferences(db: Db, p: UserPrincipal, prefs: { locale?: Locale; currentStoreId?: string }) {
  if (prefs.currentStoreId && !p.storeIds.includes(prefs.currentStoreId)) {
    throw new AppError('validation_failed', {}, [
      { field: 'body.currentStoreId', code: 'unknown_store', message: 'Unknown store' },
    ]);
  }
  const set: Partial<typeof users.$inferInsert> = {};
  if (prefs.locale) set.locale = prefs.locale;
  if (prefs.currentStoreId) set.lastStoreId = prefs.currentStoreId;
  await db.update(users).set(set).where(eq(users.id, p.userId));
}
