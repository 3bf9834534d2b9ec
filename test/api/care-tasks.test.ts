// Care tasks on the phone and the message library, through app.inject against a real database. Tasks are
// inserted directly (the generation engine is tested on its own).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { localDateOf, addDays } from '../../src/domain/care';
import {
  careTaskReasons,
  careTasks,
  careTemplates,
  complaints,
  contactLog,
  customers,
} from '../../src/server/db/schema';
import { createTestApp, loginAs, OWNER, type Client, type TestApp, addGinzaStore } from '../helpers/app';

let t: TestApp;
let owner: Client;
let manager: Client;
let guide: Client;
let guide2: Client;
let otherGuide: Client;
let managerId: string;
let guideId: string;
let guide2Id: string;
let otherGuideId: string;
let storeB: string;
let today: string;
let todayB: string;

async function user(email: string, role: string, storeIds: string[]) {
  const res = await owner.post('/api/users', {
    email,
    displayName: email.split('@')[0],
    role,
    password: 'password-12345',
    storeIds,
  });
  expect(res.statusCode, res.body).toBe(201);
  return { id: res.json().id as string, client: await loginAs(t.app, email, 'password-12345') };
}

async function customer(storeId = t.mainStoreId, extra: Record<string, unknown> = {}) {
  const res = await owner.post('/api/customers', {
    storeId,
    familyName: '王',
    givenName: '丽华',
    gender: 'female',
    email: `wang.${Math.random().toString(36).slice(2)}@example.com`,
    phones: [{ number: '13900139000' }],
    consents: [
      { channel: 'email', purpose: 'care', granted: true },
      { channel: 'phone', purpose: 'care', granted: true },
      { channel: 'sms', purpose: 'care', granted: true },
    ],
    profile: { clothingSize: 'M', family: [{ relation: 'child', name: '小雨' }], notes: '喜欢素色' },
    allowDuplicate: true,
    ...extra,
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string; storeId: string };
}

type TaskOpts = {
  storeId?: string;
  customerId?: string;
  assigneeId?: string | null;
  dueOn?: string;
  kind?: string;
  category?: string;
  rule?: string;
  params?: Record<string, unknown>;
  extraReasons?: Array<{ rule: string; params?: Record<string, unknown> }>;
};

let seq = 0;
async function task(o: TaskOpts = {}) {
  const storeId = o.storeId ?? t.mainStoreId;
  const customerId = o.customerId ?? (await customer(storeId)).id;
  const dueOn = o.dueOn ?? today;
  const rule = o.rule ?? 'birthday';
  const key = `${rule}:${++seq}`;
  const [row] = await t.database.db
    .insert(careTasks)
    .values({
      orgId: t.orgId,
      storeId,
      customerId,
      ownerRule: rule,
      ownerKey: key,
      kind: o.kind ?? 'message',
      category: o.category ?? 'birthday',
      channels: ['sms', 'email'],
      assigneeRole: 'owner_guide',
      assigneeId: o.assigneeId === undefined ? guideId : o.assigneeId,
      createOn: dueOn,
      dueOn,
      originalDueOn: dueOn,
    })
    .returning();
  const reasons = [{ rule, params: o.params ?? { date: dueOn } }, ...(o.extraReasons ?? [])];
  for (const [i, r] of reasons.entries())
    await t.database.db.insert(careTaskReasons).values({
      orgId: t.orgId,
      taskId: row!.id,
      customerId,
      ruleId: r.rule,
      occasionKey: `${key}:${i}`,
      dueOn,
      params: r.params ?? {},
    });
  return { id: row!.id, customerId, version: row!.version };
}

beforeAll(async () => {
  t = await createTestApp();
  owner = await loginAs(t.app, OWNER.email, OWNER.password);
  storeB = await addGinzaStore(owner);
  const m = await user('mgr@test.example', 'store_manager', [t.mainStoreId]);
  manager = m.client;
  managerId = m.id;
  const g = await user('lin@test.example', 'staff', [t.mainStoreId]);
  guide = g.client;
  guideId = g.id;
  const g2 = await user('zhou@test.example', 'staff', [t.mainStoreId]);
  guide2 = g2.client;
  guide2Id = g2.id;
  const o = await user('sato@test.example', 'staff', [storeB]);
  otherGuide = o.client;
  otherGuideId = o.id;
  const stores = (await owner.get('/api/stores')).json() as Array<{ id: string; timezone: string }>;
  const tz = (id: string) =>
    (Array.isArray(stores) ? stores : (stores as { items: typeof stores }).items).find((s) => s.id === id)!.timezone;
  today = localDateOf(new Date(), tz(t.mainStoreId));
  todayB = localDateOf(new Date(), tz(storeB));
});
afterAll(() => t.close());

const ids = (res: { json(): { items: Array<{ id: string }> } }) => res.json().items.map((x) => x.id);

describe('lists', () => {
  it('shows a guide her tasks for today, upcoming and overdue, with the reasons as ids and params', async () => {
    const c = await customer();
    const due = await task({
      customerId: c.id,
      params: { date: today },
      extraReasons: [{ rule: 'holiday', params: { holiday: 'mid_autumn', reasonKey: 'care.reasons.holiday' } }],
    });
    const later = await task({ dueOn: addDays(today, 3) });
    const late = await task({ dueOn: addDays(today, -2) });
    const colleagues = await task({ assigneeId: guide2Id });

    const todayRes = await guide.get('/api/care/tasks?view=today');
    expect(todayRes.statusCode, todayRes.body).toBe(200);
    expect(todayRes.json().today).toBe(today);
    expect(ids(todayRes)).toContain(due.id);
    expect(ids(todayRes)).not.toContain(colleagues.id);
    expect(ids(todayRes)).not.toContain(later.id);
    const item = todayRes.json().items.find((x: { id: string }) => x.id === due.id);
    expect(item).toMatchObject({
      customer: { id: c.id, displayName: '王丽华' },
      kind: 'message',
      category: 'birthday',
      dueOn: today,
      assignee: { id: guideId, name: 'lin' },
      reasons: [
        { ruleId: 'birthday', reasonKey: 'care.rules.birthday', params: { date: today } },
        { ruleId: 'holiday', reasonKey: 'care.reasons.holiday', params: { holiday: 'mid_autumn' } },
      ],
    });
    expect(ids(await guide.get('/api/care/tasks?view=upcoming'))).toEqual([later.id]);
    expect(ids(await guide.get('/api/care/tasks?view=overdue'))).toEqual([late.id]);
  });

  it('gives store managers their store’s tasks; staff may not ask for the store scope', async () => {
    const a = await task({ assigneeId: guide2Id, dueOn: addDays(today, 10) });
    const store = await manager.get('/api/care/tasks?view=upcoming&scope=store');
    expect(ids(store)).toContain(a.id);
    expect(ids(await manager.get('/api/care/tasks?view=upcoming&scope=mine'))).not.toContain(a.id);
    expect((await guide.get('/api/care/tasks?scope=store')).statusCode).toBe(403);
  });

  it('pages with a cursor on (due day, id)', async () => {
    const made = [];
    for (let i = 0; i < 5; i++) made.push(await task({ assigneeId: managerId, dueOn: addDays(today, 20 + (i % 2)) }));
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const res = await manager.get(`/api/care/tasks?view=upcoming&limit=2${cursor ? `&cursor=${cursor}` : ''}`);
      expect(res.statusCode, res.body).toBe(200);
      const page = res.json();
      expect(page.items.length).toBeLessThanOrEqual(2);
      seen.push(...page.items.map((x: { id: string }) => x.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(new Set(seen).size).toBe(seen.length);
    for (const m of made) expect(seen).toContain(m.id);
    const days = (await manager.get('/api/care/tasks?view=upcoming&limit=100'))
      .json()
      .items.map((x: { dueOn: string }) => x.dueOn);
    expect([...days].sort()).toEqual(days);
  });

  it('lists a task escalated to the manager among hers', async () => {
    const x = await task({ assigneeId: guide2Id, dueOn: addDays(today, -5) });
    expect(ids(await manager.get('/api/care/tasks?view=overdue'))).not.toContain(x.id);
    await t.database.db
      .update(careTasks)
      .set({ escalatedAt: new Date(), escalatedTo: managerId })
      .where(eq(careTasks.id, x.id));
    const res = await manager.get('/api/care/tasks?view=overdue');
    expect(ids(res)).toContain(x.id);
    expect(res.json().items.find((i: { id: string }) => i.id === x.id)).toMatchObject({
      escalatedTo: { id: managerId, name: 'mgr' },
      assignee: { id: guide2Id },
    });
  });

  it('keeps stores apart: another store’s task is not listed and is 404', async () => {
    const b = await task({ storeId: storeB, assigneeId: otherGuideId, dueOn: todayB });
    expect(ids(await otherGuide.get('/api/care/tasks'))).toEqual([b.id]);
    expect(ids(await manager.get('/api/care/tasks?scope=store'))).not.toContain(b.id);
    expect((await manager.get(`/api/care/tasks/${b.id}`)).statusCode).toBe(404);
    expect(
      (await guide.post(`/api/care/tasks/${b.id}/snooze`, { version: 1, until: addDays(todayB, 2) })).statusCode,
    ).toBe(404);
    // A colleague's task is not a staff member's business either.
    const mine = await task();
    expect((await guide2.get(`/api/care/tasks/${mine.id}`)).statusCode).toBe(404);
    expect((await manager.get(`/api/care/tasks?storeId=${storeB}`)).statusCode).toBe(400);
  });
});

describe('one task', () => {
  it('shows why, her essentials with masked contacts, what she bought and suggested messages in her language', async () => {
    const c = await customer();
    const receipt = await owner.post('/api/purchases', {
      storeId: t.mainStoreId,
      customerId: c.id,
      receiptNo: `R-${Math.random().toString(36).slice(2, 8)}`,
      occurredAt: new Date(Date.now() - 7 * 86_400_000).toISOString(),
      lines: [{ productName: '羊绒大衣', size: 'M', quantity: 1, unitListPrice: 300000 }],
    });
    const x = await task({ customerId: c.id });
    const res = await guide.get(`/api/care/tasks/${x.id}`);
    expect(res.statusCode, res.body).toBe(200);
    const d = res.json();
    expect(d.reasons[0]).toMatchObject({ ruleId: 'birthday', params: { date: today } });
    expect(d.customerFile).toMatchObject({
      id: c.id,
      displayName: '王丽华',
      profile: { clothingSize: 'M', notes: '喜欢素色' },
    });
    expect(d.customerFile.phones[0].masked).toMatch(/\*/);
    expect(d.customerFile.email).toBeNull();
    expect(receipt.statusCode, receipt.body).toBe(201);
    expect(d.recentPurchases[0]).toMatchObject({ productName: '羊绒大衣', size: 'M' });
    expect(d.suggestions.length).toBeGreaterThan(0);
    expect(d.suggestions[0].locale).toBe('zh-CN');
    expect(d.suggestions[0].text).toContain('王女士');
    expect(d.suggestions[0].text).not.toContain('{');
  });

  it('names her tier in a thank-you that mentions it', async () => {
    const c = await customer();
    await t.database.db.update(customers).set({ tier: 'gold' }).where(eq(customers.id, c.id));
    const x = await task({ customerId: c.id, rule: 'spend_threshold_thanks', category: 'thank_you', params: {} });
    const d = (await guide.get(`/api/care/tasks/${x.id}`)).json();
    const texts = d.suggestions.map((s: { text: string }) => s.text);
    expect(texts.some((text: string) => text.includes('作为我们的黄金会员'))).toBe(true);
  });

  it('suggests in her own language when her file has one, else the store’s; queued messages follow it', async () => {
    const ja = await customer(t.mainStoreId, { language: 'ja' });
    const d = (await guide.get(`/api/care/tasks/${(await task({ customerId: ja.id })).id}`)).json();
    expect(d.suggestions.length).toBeGreaterThan(0);
    expect(d.suggestions.map((s: { locale: string }) => s.locale)).toEqual(d.suggestions.map(() => 'ja'));
    expect(d.suggestions.every((s: { templateId: string }) => s.templateId.startsWith('default:ja:birthday:'))).toBe(
      true,
    );
    expect(d.suggestions[0].text).toContain('王様');
    expect(d.customerFile.language).toBe('ja');

    // Her language is English in a Japanese store.
    const en = await customer(storeB, { language: 'en', givenName: 'Emily' });
    const e = (
      await otherGuide.get(
        `/api/care/tasks/${(await task({ storeId: storeB, customerId: en.id, assigneeId: otherGuideId, dueOn: todayB })).id}`,
      )
    ).json();
    expect(new Set(e.suggestions.map((s: { locale: string }) => s.locale))).toEqual(new Set(['en']));
    expect(e.suggestions[0].text).toMatch(/birthday/i);

    // Without one of her own, the store's language.
    const store = await customer(storeB);
    const s = (
      await otherGuide.get(
        `/api/care/tasks/${(await task({ storeId: storeB, customerId: store.id, assigneeId: otherGuideId, dueOn: todayB })).id}`,
      )
    ).json();
    expect(new Set(s.suggestions.map((x: { locale: string }) => x.locale))).toEqual(new Set(['ja']));

    // A message queued for her (from the task sheet, which sends no locale) is in her language too.
    const queued = await guide.post('/api/outbox', {
      customerId: ja.id,
      channel: 'email',
      subject: d.suggestions[0].subject ?? 'お誕生日おめでとうございます',
      body: d.suggestions[0].text,
    });
    expect(queued.statusCode, queued.body).toBe(201);
    expect(queued.json().locale).toBe('ja');
  });

  it('mentions the birthday-month benefit of a gold customer, in her language; not without a benefit', async () => {
    const gold = await customer();
    await t.database.db.update(customers).set({ tier: 'gold' }).where(eq(customers.id, gold.id));
    const d = (await guide.get(`/api/care/tasks/${(await task({ customerId: gold.id })).id}`)).json();
    const benefit = d.suggestions.find(
      (s: { templateId: string }) => s.templateId === 'default:zh-CN:birthday:benefit',
    );
    expect(benefit?.text).toContain('（生日月享75折）');
    expect(benefit?.text).not.toContain('{');

    const goldJa = await customer(t.mainStoreId, { language: 'ja' });
    await t.database.db.update(customers).set({ tier: 'gold' }).where(eq(customers.id, goldJa.id));
    const j = (await guide.get(`/api/care/tasks/${(await task({ customerId: goldJa.id })).id}`)).json();
    expect(
      j.suggestions.find((s: { templateId: string }) => s.templateId === 'default:ja:birthday:benefit')?.text,
    ).toContain('（お誕生月は25%オフ）');

    // No tier, or a tier without a birthday-month benefit: the template that needs it is not offered.
    const none = await customer();
    const n = (await guide.get(`/api/care/tasks/${(await task({ customerId: none.id })).id}`)).json();
    expect(n.suggestions.length).toBeGreaterThan(0);
    expect(n.suggestions.map((s: { templateId: string }) => s.templateId)).not.toContain(
      'default:zh-CN:birthday:benefit',
    );
    expect(n.suggestions.some((s: { text: string }) => s.text.includes('折'))).toBe(false);
    const plain = await owner.post('/api/loyalty/tiers', {
      key: 'friend',
      rank: 9,
      labels: { 'zh-CN': '朋友', 'zh-TW': '朋友', ja: 'フレンド', en: 'Friend' },
      qualification: { visits: 1000 },
      benefits: { birthdayMonthPricePercent: null },
      isActive: false,
    });
    expect(plain.statusCode, plain.body).toBe(201);
    const friend = await customer();
    await t.database.db.update(customers).set({ tier: 'friend' }).where(eq(customers.id, friend.id));
    const f = (await guide.get(`/api/care/tasks/${(await task({ customerId: friend.id })).id}`)).json();
    expect(f.suggestions.length).toBeGreaterThan(0);
    expect(f.suggestions.some((s: { templateId: string }) => s.templateId.endsWith(':birthday:benefit'))).toBe(false);

    // Only birthday tasks mention it.
    const thanks = await task({
      customerId: gold.id,
      rule: 'spend_threshold_thanks',
      category: 'thank_you',
      params: {},
    });
    const th = (await guide.get(`/api/care/tasks/${thanks.id}`)).json();
    expect(th.suggestions.some((s: { text: string }) => s.text.includes('75折'))).toBe(false);
  });

  it('uses the organisation’s edited template before the default', async () => {
    const lib = (await owner.get('/api/care/templates?category=birthday&locale=zh-CN')).json().items;
    const first = lib[0];
    const edit = await owner.request({
      method: 'PATCH',
      url: `/api/care/templates/${encodeURIComponent(first.id)}`,
      payload: {
        category: 'birthday',
        locale: 'zh-CN',
        title: '我们的生日祝福',
        body: '{name}，生日快乐！{guide}敬上',
      },
    });
    expect(edit.statusCode, edit.body).toBe(200);
    const x = await task();
    const d = (await guide.get(`/api/care/tasks/${x.id}`)).json();
    expect(d.suggestions.map((s: { text: string }) => s.text)).toContain('王女士，生日快乐！lin敬上');
    // Put the default back in place for the other tests.
    await t.database.db.delete(careTemplates).where(eq(careTemplates.orgId, t.orgId));
  });
});

describe('actions', () => {
  it('snoozes to a later day, never to the past, and refuses a stale version', async () => {
    const x = await task();
    const past = await guide.post(`/api/care/tasks/${x.id}/snooze`, { version: 1, until: addDays(today, -1) });
    expect(past.statusCode).toBe(400);
    expect(past.json().fields[0]).toMatchObject({ field: 'body.until', code: 'in_past' });
    const ok = await guide.post(`/api/care/tasks/${x.id}/snooze`, { version: 1, until: addDays(today, 2) });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ dueOn: addDays(today, 2), originalDueOn: today, version: 2 });
    const stale = await guide.post(`/api/care/tasks/${x.id}/snooze`, { version: 1, until: addDays(today, 3) });
    expect(stale.statusCode).toBe(409);
    expect(ids(await guide.get('/api/care/tasks?view=upcoming'))).toContain(x.id);
  });

  it('reassigns to a colleague of the store only', async () => {
    const x = await task();
    const foreign = await guide.post(`/api/care/tasks/${x.id}/reassign`, { version: 1, assigneeId: otherGuideId });
    expect(foreign.statusCode).toBe(400);
    expect(foreign.json().fields[0]).toMatchObject({ field: 'body.assigneeId', code: 'not_colleague' });
    const ok = await guide.post(`/api/care/tasks/${x.id}/reassign`, { version: 1, assigneeId: guide2Id });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ids(await guide2.get('/api/care/tasks'))).toContain(x.id);
    expect(ids(await guide.get('/api/care/tasks'))).not.toContain(x.id);
    expect((await guide.post(`/api/care/tasks/${x.id}/reassign`, { version: 2, assigneeId: guideId })).statusCode).toBe(
      404,
    );
  });

  it('completes a call with an outcome and note: on her timeline and in the staff statistics', async () => {
    const x = await task({ kind: 'call', category: 'after_purchase', rule: 'after_purchase_call' });
    const res = await guide.post(`/api/care/tasks/${x.id}/complete`, {
      version: 1,
      outcome: 'reached',
      note: '大衣很合身，提醒她干洗',
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().task).toMatchObject({ status: 'done', outcome: 'reached', note: '大衣很合身，提醒她干洗' });
    expect(res.json().task.contacts).toHaveLength(1);
    const timeline = (await guide.get(`/api/customers/${x.customerId}/timeline`)).json().items;
    expect(timeline[0]).toMatchObject({
      kind: 'contact',
      actorName: 'lin',
      text: '大衣很合身，提醒她干洗',
      details: { channel: 'call', outcome: 'reached', purpose: 'after_purchase' },
    });
    const stats = (await manager.get(`/api/contacts/stats?from=${addDays(today, -1)}&to=${addDays(today, 1)}`)).json();
    const lin = stats.rows.find((r: { userId: string }) => r.userId === guideId);
    expect(lin.contacts).toBeGreaterThanOrEqual(1);
    expect(lin.byChannel.call).toBeGreaterThanOrEqual(1);
    expect(ids(await guide.get('/api/care/tasks'))).not.toContain(x.id);
    const again = await guide.post(`/api/care/tasks/${x.id}/complete`, { version: 2, outcome: 'reached' });
    expect(again.statusCode).toBe(409);
  });

  it('links a contact already recorded from the contact sheet instead of recording it twice', async () => {
    const x = await task();
    const c = await guide.post(`/api/customers/${x.customerId}/contacts`, {
      channel: 'sms',
      outcome: 'sent',
      messageText: '王女士，生日快乐！',
      taskId: x.id,
    });
    expect(c.statusCode, c.body).toBe(201);
    const done = await guide.post(`/api/care/tasks/${x.id}/complete`, {
      version: 1,
      outcome: 'reached',
      contactId: c.json().id,
    });
    expect(done.statusCode, done.body).toBe(200);
    const rows = await t.database.db.select().from(contactLog).where(eq(contactLog.customerId, x.customerId));
    expect(rows).toHaveLength(1);
    expect(done.json().task.contactId).toBe(c.json().id);
  });

  it('a booked appointment adds a follow-up task on the chosen day', async () => {
    const x = await task({ kind: 'call' });
    const bad = await guide.post(`/api/care/tasks/${x.id}/complete`, { version: 1, outcome: 'appointment' });
    expect(bad.statusCode).toBe(400);
    const on = addDays(today, 4);
    const res = await guide.post(`/api/care/tasks/${x.id}/complete`, {
      version: 1,
      outcome: 'appointment',
      appointmentOn: on,
      note: '周六下午来店改裤长',
    });
    expect(res.statusCode, res.body).toBe(200);
    const followUp = res.json().followUpTaskId;
    expect(followUp).toBeTruthy();
    const d = (await guide.get(`/api/care/tasks/${followUp}`)).json();
    expect(d).toMatchObject({ dueOn: on, status: 'open', kind: 'visit', assignee: { id: guideId } });
    expect(d.reasons[0]).toMatchObject({ reasonKey: 'careTasks.reasons.appointment' });
    const timeline = (await guide.get(`/api/customers/${x.customerId}/timeline`)).json().items;
    expect(timeline[0].details).toMatchObject({ outcome: 'appointment_booked' });
  });

  it('an issue raised opens a complaint (summary required) and links it', async () => {
    const x = await task({ kind: 'call' });
    const bad = await guide.post(`/api/care/tasks/${x.id}/complete`, { version: 1, outcome: 'issue_raised' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().fields[0].field).toContain('complaintSummary');
    const res = await guide.post(`/api/care/tasks/${x.id}/complete`, {
      version: 1,
      outcome: 'issue_raised',
      complaintSummary: '毛衣洗后缩水',
      note: '约她带来看看',
    });
    expect(res.statusCode, res.body).toBe(200);
    const complaintId = res.json().complaintId;
    expect(res.json().task.complaintId).toBe(complaintId);
    const [row] = await t.database.db.select().from(complaints).where(eq(complaints.id, complaintId));
    expect(row).toMatchObject({ summary: '毛衣洗后缩水', status: 'open', taskId: x.id, openedBy: guideId });
    const api = await guide.get(`/api/care/complaints/${complaintId}`);
    expect(api.json()).toMatchObject({ summary: '毛衣洗后缩水', customerName: '王丽华', openedBy: { name: 'lin' } });
    expect((await otherGuide.get(`/api/care/complaints/${complaintId}`)).statusCode).toBe(404);
    const timeline = (await guide.get(`/api/customers/${x.customerId}/timeline`)).json().items;
    expect(timeline[0].details).toMatchObject({ outcome: 'issue_raised', purpose: 'complaint' });
  });

  it('cancels with a reason, at the version seen', async () => {
    const x = await task();
    expect((await guide.post(`/api/care/tasks/${x.id}/cancel`, { version: 1, reason: '' })).statusCode).toBe(400);
    expect((await guide.post(`/api/care/tasks/${x.id}/cancel`, { version: 7, reason: '已出国' })).statusCode).toBe(409);
    const ok = await guide.post(`/api/care/tasks/${x.id}/cancel`, { version: 1, reason: '已出国' });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ status: 'cancelled', note: '已出国' });
    const [row] = await t.database.db.select().from(contactLog).where(eq(contactLog.taskId, x.id));
    expect(row).toBeUndefined();
  });
});

describe('template library', () => {
  it('lists defaults by category and language', async () => {
    const res = await guide.get('/api/care/templates?category=holiday&locale=ja');
    expect(res.statusCode).toBe(200);
    const items = res.json().items;
    expect(items.length).toBeGreaterThan(0);
    expect(
      items.every(
        (x: { category: string; locale: string; isDefault: boolean }) =>
          x.category === 'holiday' && x.locale === 'ja' && x.isDefault,
      ),
    ).toBe(true);
  });

  it('refuses unknown variables field by field and warns about promotions', async () => {
    const bad = await owner.post('/api/care/templates', {
      category: 'birthday',
      locale: 'zh-CN',
      title: '错误',
      subject: '{nmae}您好',
      body: '{name}，生日快乐 {coupon}',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.headers['content-type']).toContain('application/problem+json');
    expect(bad.json().fields).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          field: 'body.body',
          code: 'unknown_variable',
          message: expect.stringContaining('{coupon}'),
        }),
        expect.objectContaining({ field: 'body.subject', code: 'unknown_variable' }),
      ]),
    );
    const promo = await owner.post('/api/care/templates', {
      category: 'miss_you',
      locale: 'zh-CN',
      title: '想念',
      body: '{name}，好久不见！店里新品到店，全场8折优惠。',
    });
    expect(promo.statusCode, promo.body).toBe(201);
    expect(promo.json().tone.map((x: { kind: string }) => x.kind)).toEqual(expect.arrayContaining(['discount']));
    const preview = await guide.post('/api/care/templates/preview', {
      category: 'miss_you',
      locale: 'zh-CN',
      title: '想念',
      body: '{name}，好久不见！全场8折。{guide}',
    });
    expect(preview.json()).toMatchObject({ text: '王女士，好久不见！全场8折。小李', issues: [] });
    expect(preview.json().tone.length).toBeGreaterThan(0);
    expect(
      (await guide.post('/api/care/templates', { category: 'birthday', locale: 'en', title: 'x', body: 'y' }))
        .statusCode,
    ).toBe(403);
  });

  it('copies a default on first edit, retires and restores it', async () => {
    const [d] = (await owner.get('/api/care/templates?category=season_change&locale=en')).json().items;
    const url = `/api/care/templates/${encodeURIComponent(d.id)}`;
    const edit = await owner.request({
      method: 'PATCH',
      url,
      payload: { category: 'season_change', locale: 'en', title: d.title, body: `${d.body} Take care.` },
    });
    expect(edit.statusCode, edit.body).toBe(200);
    const copy = edit.json().template;
    expect(copy).toMatchObject({ defaultKey: d.id, isDefault: false });
    const list = (await owner.get('/api/care/templates?category=season_change&locale=en')).json().items;
    expect(list.filter((x: { defaultKey: string }) => x.defaultKey === d.id)).toHaveLength(1);
    expect(list[0].body).toContain('Take care.');
    const retired = await owner.post(`/api/care/templates/${copy.id}/retire`);
    expect(retired.json().isActive).toBe(false);
    const after = (await owner.get('/api/care/templates?category=season_change&locale=en')).json().items;
    expect(after.map((x: { defaultKey: string }) => x.defaultKey)).not.toContain(d.id);
    const all = (await owner.get('/api/care/templates?category=season_change&locale=en&includeRetired=true')).json()
      .items;
    expect(all.find((x: { id: string }) => x.id === copy.id).isActive).toBe(false);
    expect((await owner.post(`/api/care/templates/${copy.id}/restore`)).json().isActive).toBe(true);
    // Retiring an unedited default stores a retired copy.
    const [d2] = (await owner.get('/api/care/templates?category=win_back&locale=ja')).json().items;
    const r2 = await owner.post(`/api/care/templates/${encodeURIComponent(d2.id)}/retire`);
    expect(r2.json()).toMatchObject({ defaultKey: d2.id, isActive: false });
    expect((await owner.post('/api/care/templates/default:xx/retire')).statusCode).toBe(404);
  });
});
