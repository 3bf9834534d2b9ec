// One care task on the phone and the message library, through app.inject against a real database: why,
// her file, suggested messages in her language and tier, the organisation's edited templates, and the
// template library itself. Tasks are inserted directly (the generation engine is tested on its own).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { careTemplates, customers } from '../../src/server/db/schema';
import type { Client, TestApp } from '../helpers/app';
import { createCareTasksTestApp, type CareTasksTestApp } from '../helpers/care-tasks';

let t: TestApp;
let owner: Client;
let guide: Client;
let otherGuide: Client;
let otherGuideId: string;
let storeB: string;
let today: string;
let todayB: string;
let customer: CareTasksTestApp['customer'];
let task: CareTasksTestApp['task'];

beforeAll(async () => {
  ({ t, owner, guide, otherGuide, otherGuideId, storeB, today, todayB, customer, task } =
    await createCareTasksTestApp());
});
afterAll(() => t.close());

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
