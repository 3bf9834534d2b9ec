import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, loginAs, OWNER, type TestApp } from '../helpers/app';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('log-in and sessions', () => {
  it('reports health with the database kind', async () => {
    const res = await t.app.inject({ url: '/api/health' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'ok', database: t.database.kind });
    expect(res.headers['x-request-id']).toBeTruthy();
  });

  it('logs in with the owner from the environment and sets an HttpOnly SameSite cookie', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: OWNER });
    expect(res.statusCode).toBe(200);
    const cookie = res.cookies.find((c) => c.name === 'keqing_session');
    expect(cookie?.httpOnly).toBe(true);
    expect(cookie?.sameSite).toBe('Lax');
    const me = res.json();
    expect(me.user.role).toBe('owner');
    expect(me.stores.map((s: { code: string }) => s.code)).toEqual(['MAIN']);
    expect(me.stores[0]).toMatchObject({ currency: 'CNY', timezone: 'Asia/Shanghai', locale: 'zh-CN', country: 'CN' });
  });

  it('refuses a wrong password with a problem+json in the caller language', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: OWNER.email, password: 'nope' },
      headers: { 'accept-language': 'ja,en;q=0.5' },
    });
    expect(res.statusCode).toBe(401);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json()).toMatchObject({ code: 'invalid_credentials', status: 401 });
    expect(res.json().detail).toContain('パスワード');
  });

  it('validates input and names the offending field', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: 'not-an-email', password: '' },
    });
    expect(res.statusCode).toBe(400);
    const body = res.json();
    expect(body.code).toBe('validation_failed');
    const fields = body.fields.map((f: { field: string }) => f.field);
    expect(fields).toContain('body.email');
    expect(fields).toContain('body.password');
  });

  it('rejects cookie writes without the CSRF token', async () => {
    const c = await loginAs(t.app, OWNER.email, OWNER.password);
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/regions',
      headers: { cookie: c.cookie },
      payload: { code: 'EAST', name: 'East' },
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('csrf_failed');
    const ok = await c.post('/api/regions', { code: 'EAST', name: 'East' });
    expect(ok.statusCode).toBe(201);
  });

  it('logs out and the cookie no longer works', async () => {
    const c = await loginAs(t.app, OWNER.email, OWNER.password);
    expect((await c.get('/api/auth/me')).statusCode).toBe(200);
    expect((await c.post('/api/auth/logout')).statusCode).toBe(200);
    expect((await c.get('/api/auth/me')).statusCode).toBe(401);
  });

  it('changes the password, signing out other sessions but not this one', async () => {
    const other = await loginAs(t.app, OWNER.email, OWNER.password);
    const me = await loginAs(t.app, OWNER.email, OWNER.password);
    const weak = await me.post('/api/auth/password', { currentPassword: OWNER.password, newPassword: 'short' });
    expect(weak.statusCode).toBe(400);
    expect(weak.json().fields[0].field).toBe('body.newPassword');
    const wrong = await me.post('/api/auth/password', {
      currentPassword: 'wrong-one',
      newPassword: 'a-new-password-2',
    });
    expect(wrong.json().code).toBe('wrong_password');
    const res = await me.post('/api/auth/password', {
      currentPassword: OWNER.password,
      newPassword: 'a-new-password-2',
    });
    expect(res.statusCode).toBe(200);
    expect((await me.get('/api/auth/me')).statusCode).toBe(200);
    expect((await other.get('/api/auth/me')).statusCode).toBe(401);
    const back = await me.post('/api/auth/password', {
      currentPassword: 'a-new-password-2',
      newPassword: OWNER.password,
    });
    expect(back.statusCode).toBe(200);
  });

  it('remembers the language per user', async () => {
    const c = await loginAs(t.app, OWNER.email, OWNER.password);
    const res = await c.patch('/api/me/preferences', { locale: 'zh-TW' });
    expect(res.json().user.locale).toBe('zh-TW');
    const again = await loginAs(t.app, OWNER.email, OWNER.password);
    expect((await again.get('/api/auth/me')).json().user.locale).toBe('zh-TW');
    // Errors now come in the account's language.
    const err = await again.get('/api/users/00000000-0000-4000-8000-000000000000');
    expect(err.json().detail).toBe('找不到該內容。');
    await c.patch('/api/me/preferences', { locale: 'zh-CN' });
  });
});

describe('log-in throttling', () => {
  it('locks an account after 5 failures with a clear message and Retry-After, per account', async () => {
    const email = 'victim@test.example';
    const owner = await loginAs(t.app, OWNER.email, OWNER.password);
    await owner.post('/api/users', {
      email,
      displayName: 'V',
      role: 'staff',
      password: 'victim-password-1',
      storeIds: [t.mainStoreId],
    });
    for (let i = 0; i < 5; i++) {
      const r = await t.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { email, password: 'bad' },
        remoteAddress: `10.0.0.${i + 1}`,
      });
      expect(r.statusCode).toBe(401);
    }
    const locked = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email, password: 'victim-password-1' },
      remoteAddress: '10.0.0.99',
    });
    expect(locked.statusCode).toBe(429);
    expect(locked.json()).toMatchObject({ code: 'too_many_attempts', params: { minutes: 15 } });
    expect(Number(locked.headers['retry-after'])).toBeGreaterThan(0);
    // Other accounts from the same addresses are unaffected.
    const fine = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: OWNER,
      remoteAddress: '10.0.0.1',
    });
    expect(fine.statusCode).toBe(200);
  });

  it('throttles one address trying many accounts', async () => {
    const ip = '192.0.2.77';
    for (let i = 0; i < 20; i++) {
      await t.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { email: `nobody${i}@test.example`, password: 'x' },
        remoteAddress: ip,
      });
    }
    const res = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: OWNER, remoteAddress: ip });
    expect(res.statusCode).toBe(429);
  });
});
