// Builds the real app on a test database, bootstrapped like a first start, plus a small client that
// logs in and carries the session cookie and CSRF token the way the browser does.
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { buildApp } from '../../src/server/app';
import { loadConfig, type Config } from '../../src/server/config';
import type { Database } from '../../src/server/db/client';
import { ensureBootstrapped } from '../../src/server/modules/org/bootstrap';
import { createTestDatabase } from './db';

export const OWNER = { email: 'owner@test.example', password: 'owner-password-1' };

export type TestApp = {
  app: FastifyInstance;
  database: Database;
  config: Config;
  orgId: string;
  mainStoreId: string;
  close(): Promise<void>;
};

export async function createTestApp(env: Record<string, string> = {}): Promise<TestApp> {
  const database = await createTestDatabase();
  const config = loadConfig({
    KEQING_ADMIN_EMAIL: OWNER.email,
    KEQING_ADMIN_PASSWORD: OWNER.password,
    LOG_LEVEL: 'silent',
    ...env,
  });
  const boot = await ensureBootstrapped(database.db, config);
  if (!boot.created) throw new Error('test database was not empty');
  const app = await buildApp({ database, config, logger: false, webDist: '/nonexistent' });
  await app.ready();
  return {
    app,
    database,
    config,
    orgId: boot.orgId,
    mainStoreId: boot.storeId,
    async close() {
      await app.close();
      await database.close();
    },
  };
}

export type Client = {
  request(opts: InjectOptions): Promise<LightMyRequestResponse>;
  get(url: string): Promise<LightMyRequestResponse>;
  post(url: string, body?: unknown): Promise<LightMyRequestResponse>;
  patch(url: string, body?: unknown): Promise<LightMyRequestResponse>;
  del(url: string): Promise<LightMyRequestResponse>;
  csrfToken: string;
  cookie: string;
};

/** Logs in through the API and returns a client that sends the cookie and CSRF header. */
export async function loginAs(
  app: FastifyInstance,
  email: string,
  password: string,
  ip = '127.0.0.1',
): Promise<Client> {
  const res = await app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { email, password },
    remoteAddress: ip,
  });
  if (res.statusCode !== 200) throw new Error(`login ${email} failed: ${res.statusCode} ${res.body}`);
  const cookie = res.cookies.find((c) => c.name === 'keqing_session');
  if (!cookie) throw new Error('no session cookie');
  const csrfToken = (res.json() as { csrfToken: string }).csrfToken;
  const cookieHeader = `keqing_session=${cookie.value}`;
  const request = (opts: InjectOptions) =>
    app.inject({ ...opts, headers: { cookie: cookieHeader, 'x-csrf-token': csrfToken, ...(opts.headers ?? {}) } });
  return {
    request,
    get: (url) => request({ method: 'GET', url }),
    post: (url, body) => request({ method: 'POST', url, payload: body as InjectOptions['payload'] }),
    patch: (url, body) => request({ method: 'PATCH', url, payload: body as InjectOptions['payload'] }),
    del: (url) => request({ method: 'DELETE', url }),
    csrfToken,
    cookie: cookieHeader,
  };
}

/** A second store in another country, currency and time zone (銀座店, JPY, Asia/Tokyo); its id. */
export async function addGinzaStore(owner: Client): Promise<string> {
  const res = await owner.post('/api/stores', {
    code: 'GNZ',
    name: '銀座店',
    country: 'JP',
    currency: 'JPY',
    timezone: 'Asia/Tokyo',
    locale: 'ja',
  });
  if (res.statusCode !== 201) throw new Error(`store not created: ${res.statusCode} ${res.body}`);
  return res.json().id as string;
}

/** A staff account made by `owner` (password `password-12345`): its id and a client logged in as it. */
export async function addUser(
  app: TestApp['app'],
  owner: Client,
  email: string,
  role: string,
  storeIds: string[],
): Promise<{ id: string; client: Client }> {
  const res = await owner.post('/api/users', {
    email,
    displayName: email.split('@')[0],
    role,
    password: 'password-12345',
    storeIds,
  });
  if (res.statusCode !== 201) throw new Error(`user not created: ${res.statusCode} ${res.body}`);
  return { id: res.json().id as string, client: await loginAs(app, email, 'password-12345') };
}
