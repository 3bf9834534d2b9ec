import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { changePasswordBodySchema, loginBodySchema, meSchema, preferencesBodySchema } from '../../../contracts/auth';
import { okSchema } from '../../../contracts/common';
import type { Db } from '../../db/client';
import { SESSION_COOKIE, userOf } from '../../plugins/auth';
import { auditRequest } from '../audit/audit.service';
import { changePassword, getMe, login, logout, setPreferences } from './auth.service';

type Opts = { db: Db; sessionHours: number; cookieSecure: boolean };

export const authRoutes: FastifyPluginAsyncZod<Opts> = async (app, { db, sessionHours, cookieSecure }) => {
  const cookieOptions = { path: '/', httpOnly: true, sameSite: 'lax' as const, secure: cookieSecure };

  app.post(
    '/api/auth/login',
    {
      config: { access: 'public' },
      schema: {
        tags: ['auth'],
        summary: 'Log in with e-mail and password; sets the session cookie',
        body: loginBodySchema,
        response: { 200: meSchema },
      },
    },
    async (req, reply) => {
      const { token, principal } = await login(db, req.body.email, req.body.password, {
        ip: req.ip,
        requestId: req.id,
        sessionHours,
      });
      reply.setCookie(SESSION_COOKIE, token, { ...cookieOptions, expires: principal.expiresAt });
      return getMe(db, principal);
    },
  );

  app.post(
    '/api/auth/logout',
    {
      config: { access: { roles: 'any' } },
      schema: { tags: ['auth'], summary: 'Log out this session', response: { 200: okSchema } },
    },
    async (req, reply) => {
      const p = userOf(req);
      await logout(db, p.sessionId);
      await auditRequest(db, req, { action: 'auth.logout', entityType: 'user', entityId: p.userId });
      reply.clearCookie(SESSION_COOKIE, cookieOptions);
      return { ok: true as const };
    },
  );

  app.get(
    '/api/auth/me',
    {
      config: { access: { roles: 'any' } },
      schema: {
        tags: ['auth'],
        summary: 'The signed-in account, its stores and the CSRF token',
        response: { 200: meSchema },
      },
    },
    async (req) => getMe(db, userOf(req)),
  );

  app.post(
    '/api/auth/password',
    {
      config: { access: { roles: 'any' } },
      schema: {
        tags: ['auth'],
        summary: 'Change my password (signs out my other devices)',
        body: changePasswordBodySchema,
        response: { 200: okSchema },
      },
    },
    async (req) => {
      const p = userOf(req);
      await changePassword(db, p, req.body.currentPassword, req.body.newPassword);
      await auditRequest(db, req, { action: 'auth.password_changed', entityType: 'user', entityId: p.userId });
      return { ok: true as const };
    },
  );

  app.patch(
    '/api/me/preferences',
    {
      config: { access: { roles: 'any' } },
      schema: {
        tags: ['auth'],
        summary: 'Remember my language and current store',
        body: preferencesBodySchema,
        response: { 200: meSchema },
      },
    },
    async (req) => {
      const p = userOf(req);
      await setPreferences(db, p, req.body);
      return getMe(db, { ...p, locale: req.body.locale ?? p.locale });
    },
  );
};
