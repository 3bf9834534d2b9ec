import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { careTasks } from '../../src/server/db/schema';
import { createTestApp, loginAs, OWNER, type Client, type TestApp } from '../helpers/app';

let t: TestApp;
let owner: Client;
let guide: Client;
let otherGuide: Client;
let storeB: string;
let guideId: string;
let zhangId: string;
let yamadaId: string;

beforeAll(async () => {
  t = await createTestApp();
  owner = await loginAs(t.app, OWNER.email, OWNER.password);
  storeB = (
    await owner.post('/api/stores', {
      code: 'OSA',
      name: '大阪店',
      country: 'JP',
      currency: 'JPY',
      timezone: 'Asia/Tokyo',
      locale: 'ja',
    })
  ).json().id;
  guideId = (
    await owner.post('/api/users', {
      email: 'li@test.example',
      displayName: '李导购',
      role: 'staff',
      password: 'guide-password-1',
      storeIds: [t.mainStoreId],
    })
  ).json().id;
  await owner.post('/api/users', {
    email: 'sato@test.example',
    displayName: '佐藤',
    role: 'staff',
    password: 'guide-password-2',
    storeIds: [storeB],
  });
  guide = await loginAs(t.app, 'li@test.example', 'guide-password-1');
  otherGuide = await loginAs(t.app, 'sato@test.example', 'guide-password-2');
  const zhang = await guide.post('/api/customers', {
    storeId: t.mainStoreId,
    familyName: '张',
    givenName: '伟',
    phones: [{ number: '138-0013-8000' }],
    lunarBirthday: { month: 8, day: 15, isLeapMonth: false },
    consents: [{ channel: 'sms', purpose: 'care', granted: true }],
  });
  expect(zhang.statusCode, zhang.body).toBe(201);
  zhangId = zhang.json().id;
  const yamada = await owner.post('/api/customers', {
    storeId: storeB,
    familyName: '山田',
    givenName: '花子',
    reading: 'やまだ はなこ',
    phones: [{ number: '090-1234-5678' }],
    email: 'hanako@example.jp',
  });
  expect(yamada.statusCode, yamada.body).toBe(201);
  yamadaId = yamada.json().id;
});
afterAll(() => t.close());

const names = (res: { json(): { items: Array<{ displayName: string }> } }) =>
  res.json().items.map((i) => i.displayName);

describe('the customer file', () => {
  it('normalises the phone, fills the pinyin reading, masks contacts and makes the creating guide her owner', async () => {
    const c = (await guide.get(`/api/customers/${zhangId}`)).json();
    expect(c.displayName).toBe('张伟');
    expect(c.reading).toBe('Zhang Wei');
    expect(c.owner).toMatchObject({ id: guideId });
    expect(c.phones[0].masked).toBe('138****8000');
    expect(c.phones[0].e164).toBe('+8613800138000'); // her owner guide sees it
    expect(c.lunarBirthday).toMatchObject({ month: 8, day: 15 });
    const asOwner = (await owner.get(`/api/customers/${zhangId}`)).json();
    expect(asOwner.phones[0].e164).toBeNull();
    expect(asOwner.contactsVisible).toBe(false);
  });

  it('finds customers by pinyin initials, traditional characters, kana and phone tail', async () => {
    expect(names(await owner.get('/api/customers?q=zw'))).toContain('张伟');
    expect(names(await owner.get(`/api/customers?q=${encodeURIComponent('張偉')}`))).toContain('张伟');
    expect(names(await owner.get('/api/customers?q=zhangwei'))).toContain('张伟');
    expect(names(await owner.get(`/api/customers?q=${encodeURIComponent('伟')}`))).toContain('张伟');
    for (const q of ['ヤマダ', 'やまだ', 'yamada', 'hanako'])
      expect(names(await owner.get(`/api/customers?q=${encodeURIComponent(q)}`)), q).toContain('山田 花子');
    expect(names(await owner.get('/api/customers?q=8000'))).toEqual(['张伟']);
    expect(names(await owner.get(`/api/customers?q=${encodeURIComponent('８０００')}`))).toEqual(['张伟']);
    expect(names(await owner.get('/api/customers?q=138-0013-8000'))).toEqual(['张伟']);
    expect(names(await owner.get('/api/customers?q=hanako@example.jp'))).toEqual(['山田 花子']);
    const item = (await owner.get('/api/customers?q=zw')).json().items[0];
    expect(item.match).toBe('exact');
    expect(item.phoneMasked).toBe('138****8000');
  });

  it('shows staff only the customers of their stores', async () => {
    expect((await otherGuide.get(`/api/customers/${zhangId}`)).statusCode).toBe(404);
    expect(names(await otherGuide.get('/api/customers?q=zw'))).toEqual([]);
    expect(names(await guide.get('/api/customers?q=yamada'))).toEqual([]);
    expect((await guide.patch(`/api/customers/${yamadaId}`, { givenName: 'x' })).statusCode).toBe(404);
  });

  it('records a preference and a family member, dated and attributed, and the completeness rises', async () => {
    const before = (await guide.get(`/api/customers/${zhangId}`)).json();
    const res = await guide.patch(`/api/customers/${zhangId}`, {
      version: before.version,
      profile: { colourPreferences: ['米色', '藏青'], family: [{ relation: 'child', name: '小宝', age: 6 }] },
    });
    expect(res.statusCode, res.body).toBe(200);
    const after = res.json();
    expect(after.completeness).toBeGreaterThan(before.completeness);
    const history = (await guide.get(`/api/customers/${zhangId}/history`)).json().items;
    expect(history.map((h: { field: string }) => h.field)).toEqual(
      expect.arrayContaining(['profile.colourPreferences', 'profile.family']),
    );
    expect(history[0].changedByName).toBe('李导购');
    const stale = await guide.patch(`/api/customers/${zhangId}`, { version: before.version, givenName: '伟伟' });
    expect(stale.statusCode).toBe(409);
  });

  it('suggests what to learn next in etiquette order', async () => {
    const c = (
      await owner.post('/api/customers', {
        storeId: t.mainStoreId,
        familyName: '陈',
        givenName: '静',
        allowDuplicate: true,
      })
    ).json();
    expect(c.nextQuestions[0]).toBe('phone');
    expect(c.nextQuestions).not.toContain('birthday');
  });

  it('reveals a phone number only as an audited act', async () => {
    const res = await owner.post(`/api/customers/${zhangId}/reveal`, { field: 'phone' });
    expect(res.json()).toEqual({ field: 'phone', value: '+8613800138000' });
    const audit = (await owner.get(`/api/audit?action=customer.contact_revealed&entityId=${zhangId}`)).json().items;
    expect(audit).toHaveLength(1);
    expect(audit[0].details).toMatchObject({ field: 'phone' });
    expect(JSON.stringify(audit[0])).not.toContain('13800138000');
  });

  it('offers the existing file instead of creating a duplicate', async () => {
    const dup = await guide.post('/api/customers', {
      storeId: t.mainStoreId,
      familyName: '张',
      givenName: '伟',
      phones: [{ number: '+86 138 0013 8000' }],
    });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().code).toBe('possible_duplicate');
    const check = (await guide.get('/api/customers/duplicates?phone=13800138000')).json().items;
    expect(check.map((c: { id: string }) => c.id)).toEqual([zhangId]);
    expect(check[0].matchedOn).toEqual(['phone']);
  });

  it('validates phones and e-mails with field paths', async () => {
    const res = await guide.post('/api/customers', {
      storeId: t.mainStoreId,
      familyName: '王',
      phones: [{ number: '12' }, { number: 'abc' }],
      email: 'nope',
    });
    expect(res.statusCode).toBe(400);
    const fields = res.json().fields.map((f: { field: string }) => f.field);
    expect(fields).toContain('body.email');
  });

  it('merges two files field by field, moving notes and history to the survivor', async () => {
    const a = (
      await owner.post('/api/customers', {
        storeId: t.mainStoreId,
        familyName: '林',
        givenName: '美',
        memberNo: 'VIP-001',
        phones: [{ number: '13911112222' }],
      })
    ).json();
    const b = (
      await owner.post('/api/customers', {
        storeId: t.mainStoreId,
        familyName: '林',
        givenName: '美美',
        email: 'lin@example.cn',
        phones: [{ number: '13933334444' }],
        allowDuplicate: true,
      })
    ).json();
    await owner.post(`/api/customers/${b.id}/notes`, { body: '喜欢真丝' });
    const preview = (await owner.get(`/api/customers/${a.id}/merge-preview?otherId=${b.id}`)).json();
    expect(preview.fields.find((f: { field: string }) => f.field === 'givenName')).toMatchObject({
      survivor: '美',
      other: '美美',
      differs: true,
    });
    const merged = await owner.post(`/api/customers/${a.id}/merge`, { otherId: b.id, take: { givenName: 'other' } });
    expect(merged.statusCode, merged.body).toBe(200);
    const m = merged.json();
    expect(m.givenName).toBe('美美');
    expect(m.memberNo).toBe('VIP001');
    expect(m.emailMasked).toBe('li***@example.cn');
    expect(m.phones).toHaveLength(2);
    expect((await owner.get(`/api/customers/${b.id}`)).statusCode).toBe(404);
    const timeline = (await owner.get(`/api/customers/${a.id}/timeline`)).json().items;
    expect(timeline.some((i: { text: string | null }) => i.text === '喜欢真丝')).toBe(true);
    expect((await owner.get(`/api/audit?action=customer.merged&entityId=${a.id}`)).json().items).toHaveLength(1);
  });

  it('exports everything we hold and erases on request, keeping the record anonymous', async () => {
    const c = (
      await owner.post('/api/customers', {
        storeId: t.mainStoreId,
        familyName: '周',
        givenName: '芳',
        phones: [{ number: '13755556666' }],
        profile: { hobbies: ['插花'] },
      })
    ).json();
    // A care task with a guide's note: part of her export, cancelled and blanked by the erasure.
    const [task] = await t.database.db
      .insert(careTasks)
      .values({
        orgId: t.orgId,
        storeId: t.mainStoreId,
        customerId: c.id,
        ownerRule: 'birthday',
        ownerKey: `birthday:${c.id}:2026`,
        kind: 'call',
        category: 'birthday',
        assigneeRole: 'owner_guide',
        createOn: '2026-12-01',
        dueOn: '2026-12-02',
        originalDueOn: '2026-12-02',
        note: '她说下周出差',
      })
      .returning();
    const exp = await owner.get(`/api/customers/${c.id}/export`);
    expect(exp.statusCode).toBe(200);
    expect(exp.json().careTasks).toEqual([expect.objectContaining({ rule: 'birthday', note: '她说下周出差' })]);
    expect(exp.json().phones[0].number).toBe('+8613755556666');
    expect(exp.json().customer.profile.hobbies).toEqual(['插花']);
    expect((await guide.get(`/api/customers/${c.id}/export`)).statusCode).toBe(403);
    const refused = await owner.post(`/api/customers/${c.id}/erase`, { reason: 'asked' });
    expect(refused.statusCode).toBe(400);
    const erased = await owner.post(`/api/customers/${c.id}/erase`, { confirm: true, reason: '顾客要求删除' });
    expect(erased.statusCode, erased.body).toBe(200);
    expect(erased.json()).toMatchObject({ displayName: '—', phones: [], profile: {}, doNotContact: true });
    const [after] = await t.database.db.select().from(careTasks).where(eq(careTasks.id, task!.id));
    expect(after).toMatchObject({ status: 'cancelled', note: null });
    expect(names(await owner.get('/api/customers?q=13755556666'))).toEqual([]);
    expect(names(await owner.get(`/api/customers?q=${encodeURIComponent('周芳')}`))).toEqual([]);
    const actions = (await owner.get(`/api/audit?entityId=${c.id}`))
      .json()
      .items.map((e: { action: string }) => e.action);
    expect(actions).toEqual(expect.arrayContaining(['customer.exported', 'customer.erased']));
  });

  it('reassigns a leaving guide’s customers in bulk; files stay with the store', async () => {
    const mgrId = (
      await owner.post('/api/users', {
        email: 'mgr@test.example',
        displayName: '店长',
        role: 'store_manager',
        password: 'manager-pass-1',
        storeIds: [t.mainStoreId],
      })
    ).json().id;
    const res = await owner.post('/api/customers/reassign', { fromUserId: guideId, toUserId: mgrId });
    expect(res.json().reassigned).toBeGreaterThan(0);
    expect((await owner.get(`/api/customers/${zhangId}`)).json().owner.id).toBe(mgrId);
    expect((await guide.post('/api/customers/reassign', { fromUserId: mgrId, toUserId: guideId })).statusCode).toBe(
      403,
    );
  });

  it('records consent per channel and purpose, and do-not-contact', async () => {
    const res = await owner.post(`/api/customers/${yamadaId}/consents`, {
      channel: 'email',
      purpose: 'marketing',
      granted: false,
      method: 'written',
    });
    expect(res.json().consents.find((c: { channel: string }) => c.channel === 'email')).toMatchObject({
      granted: false,
      method: 'written',
      recordedByName: 'Owner',
    });
    const flagged = await owner.patch(`/api/customers/${yamadaId}/flags`, { doNotContact: true });
    expect(flagged.json().doNotContact).toBe(true);
  });

  it('serves and validates the question bank', async () => {
    const bank = (await guide.get('/api/custom-fields')).json();
    expect(bank.sections.length).toBeGreaterThanOrEqual(3);
    const ok = await guide.patch(`/api/customers/${zhangId}`, { custom: { pets: 'cat', sports: ['yoga'] } });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().custom).toMatchObject({ pets: 'cat', sports: ['yoga'] });
    const bad = await guide.patch(`/api/customers/${zhangId}`, { custom: { pets: 'dragon', nosuch: 1 } });
    expect(bad.statusCode).toBe(400);
    expect(
      bad
        .json()
        .fields.map((f: { field: string }) => f.field)
        .sort(),
    ).toEqual(['body.custom.nosuch', 'body.custom.pets']);
  });
});

describe('her language', () => {
  it('is kept on create, changed or cleared on update, recorded in her history, and documented', async () => {
    const created = await owner.post('/api/customers', {
      storeId: t.mainStoreId,
      familyName: '林',
      givenName: '美玲',
      language: 'zh-TW',
      allowDuplicate: true,
    });
    expect(created.statusCode, created.body).toBe(201);
    const c = created.json();
    expect(c.language).toBe('zh-TW');
    expect((await owner.get(`/api/customers/${c.id}`)).json().language).toBe('zh-TW');
    const toJa = await owner.patch(`/api/customers/${c.id}`, { version: c.version, language: 'ja' });
    expect(toJa.statusCode, toJa.body).toBe(200);
    expect(toJa.json().language).toBe('ja');
    const history = (await owner.get(`/api/customers/${c.id}/history`)).json().items;
    expect(history[0]).toMatchObject({ field: 'language', oldValue: 'zh-TW', newValue: 'ja' });
    const untouched = await owner.patch(`/api/customers/${c.id}`, { givenName: '美齡' });
    expect(untouched.json().language).toBe('ja');
    const cleared = await owner.patch(`/api/customers/${c.id}`, { language: null });
    expect(cleared.json().language).toBeNull();
    // Without one, her file says so (null): messages use her store's language.
    expect((await owner.get(`/api/customers/${zhangId}`)).json().language).toBeNull();

    const doc = (await t.app.inject({ url: '/api/openapi.json' })).json();
    const body = doc.paths['/api/customers'].post.requestBody.content['application/json'].schema;
    const language = JSON.stringify(body.properties.language);
    for (const l of ['zh-CN', 'zh-TW', 'ja', 'en']) expect(language).toContain(`"${l}"`);
  });

  it('refuses a language that is not one of the four as problem+json naming the field', async () => {
    for (const [method, url, payload] of [
      ['POST', '/api/customers', { storeId: t.mainStoreId, familyName: '周', language: 'fr', allowDuplicate: true }],
      ['PATCH', `/api/customers/${zhangId}`, { language: 'zh' }],
    ] as const) {
      const res = await owner.request({ method, url, payload });
      expect(res.statusCode, `${method} ${url}`).toBe(400);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.json()).toMatchObject({
        code: 'validation_failed',
        fields: [expect.objectContaining({ field: 'body.language', message: expect.stringContaining('zh-CN') })],
      });
    }
    expect((await owner.get(`/api/customers/${zhangId}`)).json().language).toBeNull();
    // The column's check constraint holds whatever writes it.
    await expect(
      t.database.db.execute(sql`update customers set language = 'fr' where id = ${zhangId}`),
    ).rejects.toThrow();
  });
});

describe('file quality contest', () => {
  it('ranks owner guides by how complete their files are', async () => {
    const res = await owner.get('/api/customers/file-quality');
    expect(res.statusCode).toBe(200);
    const items = res.json().items;
    expect(items.length).toBeGreaterThan(0);
    const total = items.reduce((n: number, i: { customers: number }) => n + i.customers, 0);
    const listed = (await owner.get('/api/customers?limit=100')).json().items.length;
    expect(total).toBe(listed);
    expect((await guide.get('/api/customers/file-quality')).statusCode).toBe(403);
  });
});
