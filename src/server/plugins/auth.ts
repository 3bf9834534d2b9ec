// Who is calling: a session cookie (staff in the browser) or a bearer API token (integrations).
// Every /api route must declare its access in `config.access`; a route without one fails at start-up.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { and, eq, gt, isNull, sql } from 'drizzle-orm';
import type { Locale, Role } from '../../contracts/common';
import { apiTokens, sessions, users } from '../db/schema';
import type { Db } from '../db/client';
import { AppError } from '../errors';
import { sha256 } from '../security';
import { accessibleStoreIds } from '../modules/org/store-access';

export const SESSION_COOKIE = 'keqing_session';
export const CSRF_HEADER = 'x-csrf-token';

export type UserPrincipal = {
  kind: 'user';
  userId: string;
  orgId: string;
  role: Role;
  email: string;
  displayName: string;
  locale: Locale | null;
  sessionId: string;
  csrfToken: string;
  expiresAt: Date;
  storeIds: string[];
};
export type TokenPrincipal = {
  kind: 'token';
  tokenId: string;
  orgId: string;
  storeId: string | null;
  storeIds: string[];
};
export type Principal = UserPrincipal | TokenPrincipal;

/** `public`: no log-in. Otherwise the roles allowed (`any`: every signed-in role) and whether API tokens may call. */
export type Access = 'public' | { roles: readonly Role[] | 'any'; tokens?: boolean };

// Module augmentation only works with interfaces.
/* eslint-disable @typescript-eslint/consistent-type-definitions */
declare module 'fastify' {
  interface FastifyRequest {
    principal: Principal | null;
  }
  interface FastifyContextConfig {
    access?: Access;
  }
  interface FastifyInstance {
    routeAccess: Map<string, Access>;
  }
}
/* eslint-enable @typescript-eslint/consistent-type-definitions */

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
const SLIDE_AFTER_MS = 5 * 60 * 1000;

export function describeAccess(access: Access): string {
  if (access === 'public') return 'Public: no log-in needed.';
  const roles = access.roles === 'any' ? 'any signed-in role' : access.roles.join(', ');
  return `Roles: ${roles}${access.tokens ? '; also API tokens' : ''}.`;
}

export function registerAuth(app: FastifyInstance, db: Db, opts: { sessionHours: number }) {
  app.decorateRequest('principal', null);
  app.decorate('routeAccess', new Map<string, Access>());

  app.addHook('onRoute', (route) => {
    if (!route.url.startsWith('/api/')) return;
    // The API reference pages are public by nature; every other route states its rule.
    if (route.url.startsWith('/api/docs')) route.config = { ...route.config, access: 'public' };
    const access = route.config?.access;
    if (!access) throw new Error(`Route ${route.method} ${route.url} declares no access rule`);
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    for (const m of methods) app.routeAccess.set(`${m} ${route.url}`, access);
    if (route.schema && !route.schema.hide) {
      const schema = route.schema as Record<string, unknown>;
      const note = describeAccess(access);
      const current = (schema.description as string | undefined) ?? '';
      // HEAD routes share the GET route's schema object: add the note once.
      if (!current.includes(note)) schema.description = current ? `${current}\n\n${note}` : note;
      if (access !== 'public') {
        schema.security = access.tokens ? [{ session: [] }, { bearer: [] }] : [{ session: [] }];
      }
    }
  });

  app.addHook('onRequest', async (req) => {
    const access = req.routeOptions.config?.access;
    if (!access) return; // static files and the not-found handler
    req.principal = await resolvePrincipal(db, req, opts.sessionHours);
    if (access === 'public') return;
    const p = req.principal;
    if (!p) throw new AppError('unauthenticated');
    if (p.kind === 'token') {
      if (!access.tokens) throw new AppError('forbidden');
      return;
    }
    if (access.roles !== 'any' && !access.roles.includes(p.role)) throw new AppError('forbidden');
    if (!SAFE_METHODS.has(req.method) && req.headers[CSRF_HEADER] !== p.csrfToken) {
      throw new AppError('csrf_failed');
    }
  });
}

async function resolvePrincipal(db: Db, req: FastifyRequest, sessionHours: number): Promise<Principal | null> {
  const auth = req.headers.authorization;
  if (auth?.startsWith('Bearer ')) {
    const hash = sha256(auth.slice(7).trim());
    const [token] = await db
      .select()
      .from(apiTokens)
      .where(and(eq(apiTokens.tokenHash, hash), isNull(apiTokens.revokedAt)))
      .limit(1);
    if (!token) throw new AppError('unauthenticated');
    await db.update(apiTokens).set({ lastUsedAt: new Date() }).where(eq(apiTokens.id, token.id));
    const storeIds = token.storeId ? [token.storeId] : await accessibleStoreIds(db, token.orgId, 'owner', '');
    return { kind: 'token', tokenId: token.id, orgId: token.orgId, storeId: token.storeId, storeIds };
  }
  const raw = req.cookies?.[SESSION_COOKIE];
  if (!raw) return null;
  const id = sha256(raw);
  const [row] = await db
    .select({ session: sessions, user: users })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(and(eq(sessions.id, id), gt(sessions.expiresAt, sql`now()`)))
    .limit(1);
  if (!row) return null;
  if (!row.user.isActive) {
    await db.delete(sessions).where(eq(sessions.userId, row.user.id));
    return null;
  }
  let expiresAt = row.session.expiresAt;
  if (Date.now() - row.session.lastSeenAt.getTime() > SLIDE_AFTER_MS) {
    expiresAt = new Date(Date.now() + sessionHours * 3600_000);
    await db.update(sessions).set({ lastSeenAt: new Date(), expiresAt }).where(eq(sessions.id, id));
  }
  const role = row.user.role as Role;
  return {
    kind: 'user',
    userId: row.user.id,
    orgId: row.user.orgId,
    role,
    email: row.user.email,
    displayName: row.user.displayName,
    locale: (row.user.locale as Locale | null) ?? null,
    sessionId: id,
    csrfToken: row.session.csrfToken,
    expiresAt,
    storeIds: await accessibleStoreIds(db, row.user.orgId, role, row.user.id),
  };
}

/** The principal of a route that is not public; routes use this instead of a non-null assertion. */
export function principalOf(req: FastifyRequest): Principal {
  if (!req.principal) throw new AppError('unauthenticated');
  return req.principal;
}

export function userOf(req: FastifyRequest): UserPrincipal {
  const p = principalOf(req);
  if (p.kind !== 'user') throw new AppError('forbidden');
  return p;
}
