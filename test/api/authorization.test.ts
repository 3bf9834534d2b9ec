// Walks every operation of the OpenAPI document: anonymous callers get 401 except on public routes,
// and a `staff` account is refused every operation its role is not listed for.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InjectOptions } from 'fastify';
import { createTestApp, loginAs, OWNER, type Client, type TestApp } from '../helpers/app';

let t: TestApp;
let owner: Client;
let staff: Client;
let storeB: string;

const STAFF = { email: 'guide@test.example', password: 'guide-password-1' };
const ANY_ID = '00000000-0000-4000-8000-000000000000';

type Op = { method: string; path: string; url: string; access: unknown };

function operations(doc: { paths: Record<string, Record<string, unknown>> }, routeAccess: Map<string, unknown>): Op[] {
  const ops: Op[] = [];
  for (const [path, item] of Object.entries(doc.paths)) {
    for (const method of Object.keys(item)) {
      const fastifyPath = path.replace(/\{(\w+)\}/g, ':$1');
      ops.push({
        method: method.toUpperCase(),
        path,
        url: path.replace(/\{\w+\}/g, ANY_ID),
        access: routeAccess.get(`${method.toUpperCase()} ${fastifyPath}`),
      });
    }
  }
  return ops;
}

beforeAll(async () => {
  t = await createTestApp();
  owner = await loginAs(t.app, OWNER.email, OWNER.password);
  const b = await owner.post('/api/stores', {
    code: 'TPE01',
    name: '台北信義店',
    country: 'TW',
    currency: 'TWD',
    timezone: 'Asia/Taipei',
    locale: 'zh-TW',
  });
  storeB = b.json().id;
  const created = await owner.post('/api/users', {
    ...STAFF,
    displayName: '小李',
    role: 'staff',
    storeIds: [t.mainStoreId],
  });
  expect(created.statusCode).toBe(201);
  staff = await loginAs(t.app, STAFF.email, STAFF.password);
});
afterAll(() => t.close());

describe('every operation is guarded', () => {
  it('has an access rule for every documented operation', async () => {
    const doc = (await t.app.inject({ url: '/api/openapi.json' })).json();
    const ops = operations(doc, t.app.routeAccess);
    expect(ops.length).toBeGreaterThan(15);
    expect(ops.filter((o) => !o.access).map((o) => `${o.method} ${o.path}`)).toEqual([]);
  });

  it('answers 401 to anonymous callers except on public routes', async () => {
    const doc = (await t.app.inject({ url: '/api/openapi.json' })).json();
    const publicOps: string[] = [];
    for (const op of operations(doc, t.app.routeAccess)) {
      const res = await t.app.inject({
        method: op.method as InjectOptions['method'],
        url: op.url,
        payload: op.method === 'GET' ? undefined : {},
      });
      if (op.access === 'public') {
        publicOps.push(`${op.method} ${op.path}`);
        expect(res.statusCode, `${op.method} ${op.path}`).not.toBe(401);
      } else {
        expect(res.statusCode, `${op.method} ${op.path}`).toBe(401);
        expect(res.json().code).toBe('unauthenticated');
      }
    }
    expect(publicOps.sort()).toEqual(['GET /api/health', 'POST /api/auth/login']);
  });

  it('refuses a staff account every operation reserved to other roles, owner-only ones included', async () => {
    const doc = (await t.app.inject({ url: '/api/openapi.json' })).json();
    const refused: string[] = [];
    for (const op of operations(doc, t.app.routeAccess)) {
      const access = op.access as { roles: string[] | 'any' } | 'public';
      if (access === 'public' || access.roles === 'any' || access.roles.includes('staff')) continue;
      const res = await staff.request({
        method: op.method as InjectOptions['method'],
        url: op.url,
        payload: op.method === 'GET' ? undefined : {},
      });
      expect(res.statusCode, `${op.method} ${op.path}`).toBe(403);
      refused.push(`${op.method} ${op.path}`);
    }
    expect(refused).toEqual(
      expect.arrayContaining([
        'POST /api/tokens',
        'GET /api/audit',
        'POST /api/stores',
        'POST /api/users',
        'PATCH /api/org',
      ]),
    );
  });
});

describe('store scoping', () => {
  it('shows staff only their own stores', async () => {
    const list = (await staff.get('/api/stores')).json().items.map((s: { code: string }) => s.code);
    expect(list).toEqual(['MAIN']);
    expect((await staff.get(`/api/stores/${storeB}`)).statusCode).toBe(404);
    expect((await owner.get(`/api/stores/${storeB}`)).statusCode).toBe(200);
  });

  it('lets a store manager create staff in her store only, and never a higher role', async () => {
    await owner.post('/api/users', {
      email: 'mgr@test.example',
      displayName: '王店长',
      role: 'store_manager',
      password: 'manager-password',
      storeIds: [t.mainStoreId],
    });
    const mgr = await loginAs(t.app, 'mgr@test.example', 'manager-password');
    const ok = await mgr.post('/api/users', {
      email: 's2@test.example',
      displayName: 'S2',
      role: 'staff',
      password: 'staff2-password',
      storeIds: [t.mainStoreId],
    });
    expect(ok.statusCode).toBe(201);
    const otherStore = await mgr.post('/api/users', {
      email: 's3@test.example',
      displayName: 'S3',
      role: 'staff',
      password: 'staff3-password',
      storeIds: [storeB],
    });
    expect(otherStore.statusCode).toBe(400);
    expect(otherStore.json().fields[0]).toMatchObject({ field: 'body.storeIds.0', code: 'unknown_store' });
    const higher = await mgr.post('/api/users', {
      email: 'hq2@test.example',
      displayName: 'HQ',
      role: 'hq',
      password: 'hq2-password-x',
      storeIds: [],
    });
    expect(higher.statusCode).toBe(403);
    const users = (await mgr.get('/api/users')).json().items.map((u: { email: string }) => u.email);
    expect(users).toContain('s2@test.example');
    expect(users).not.toContain(OWNER.email.replace('owner', 'nobody'));
  });
});

describe('accounts', () => {
  it('deactivates an account: open sessions end, log-in is refused, history stays', async () => {
    const c = await owner.post('/api/users', {
      email: 'leaver@test.example',
      displayName: '离职导购',
      role: 'staff',
      password: 'leaver-password',
      storeIds: [t.mainStoreId],
    });
    const id = c.json().id;
    const leaver = await loginAs(t.app, 'leaver@test.example', 'leaver-password');
    expect((await owner.patch(`/api/users/${id}`, { isActive: false })).json().isActive).toBe(false);
    expect((await leaver.get('/api/auth/me')).statusCode).toBe(401);
    const again = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: 'leaver@test.example', password: 'leaver-password' },
    });
    expect(again.json().code).toBe('account_disabled');
    const listed = (await owner.get('/api/users?includeInactive=true'))
      .json()
      .items.find((u: { id: string }) => u.id === id);
    expect(listed.isActive).toBe(false);
    const audit = (await owner.get(`/api/audit?entityId=${id}`)).json().items.map((e: { action: string }) => e.action);
    expect(audit).toEqual(expect.arrayContaining(['user.created', 'user.deactivated']));
  });

  it('keeps at least one active owner and refuses self-demotion', async () => {
    const me = (await owner.get('/api/auth/me')).json().user.id;
    const res = await owner.patch(`/api/users/${me}`, { role: 'hq' });
    expect(res.statusCode).toBe(403);
  });

  it('refuses a duplicate e-mail, whatever its case', async () => {
    const res = await owner.post('/api/users', {
      email: STAFF.email.toUpperCase(),
      displayName: 'Dup',
      role: 'staff',
      password: 'duplicate-pass',
      storeIds: [],
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('email_taken');
  });
});

describe('API tokens', () => {
  it('authenticates integrations with a hashed, revocable, least-privilege token', async () => {
    const created = await owner.post('/api/tokens', { name: 'POS 收银', storeId: t.mainStoreId });
    expect(created.statusCode).toBe(201);
    const { token, id } = created.json();
    expect(token).toMatch(/^kq_/);
    const listed = (await owner.get('/api/tokens')).json().items;
    expect(JSON.stringify(listed)).not.toContain(token);
    const bearer = { authorization: `Bearer ${token}` };
    const stores = await t.app.inject({ url: '/api/stores', headers: bearer });
    expect(stores.json().items.map((s: { code: string }) => s.code)).toEqual(['MAIN']);
    expect((await t.app.inject({ url: '/api/users', headers: bearer })).statusCode).toBe(403);
    expect((await owner.del(`/api/tokens/${id}`)).statusCode).toBe(200);
    expect((await t.app.inject({ url: '/api/stores', headers: bearer })).statusCode).toBe(401);
  });
});

describe('store memberships edited by a manager', () => {
  it('keeps a colleague’s stores outside the manager’s reach', async () => {
    const both = await owner.post('/api/users', {
      email: 'both@test.example',
      displayName: '两店导购',
      role: 'staff',
      password: 'both-password-1',
      storeIds: [t.mainStoreId, storeB],
    });
    const id = both.json().id;
    const mgr = await loginAs(t.app, 'mgr@test.example', 'manager-password');
    const res = await mgr.patch(`/api/users/${id}`, { storeIds: [t.mainStoreId, storeB] });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().storeIds.sort()).toEqual([t.mainStoreId, storeB].sort());
    const removed = await mgr.patch(`/api/users/${id}`, { storeIds: [] });
    expect(removed.json().storeIds).toEqual([storeB]);
  });
});
