// The question-bank editor's API: sections and questions added at the end, moved one step at a time,
// relabelled, retired and brought back; answers survive retirement and block removing an option in use.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, loginAs, OWNER, type Client, type TestApp } from '../helpers/app';

let t: TestApp;
let owner: Client;
let guide: Client;
let customerId: string;

const L = (zhCN: string, zhTW: string, ja: string, en: string) => ({ 'zh-CN': zhCN, 'zh-TW': zhTW, ja, en });
type Bank = {
  sections: Array<{
    id: string;
    key: string;
    position: number;
    fields: Array<{ id: string; key: string; isActive: boolean; position: number }>;
  }>;
};
const bank = async (c: Client, inactive = true) =>
  (await c.get(`/api/custom-fields?includeInactive=${inactive}`)).json() as Bank;
const fieldsOf = (b: Bank, key: string) => b.sections.find((s) => s.key === key)!.fields.map((f) => f.key);
const fieldPaths = (res: { json(): { fields?: Array<{ field: string; code: string }> } }) =>
  (res.json().fields ?? []).map((f) => `${f.field}:${f.code}`).sort();

beforeAll(async () => {
  t = await createTestApp();
  owner = await loginAs(t.app, OWNER.email, OWNER.password);
  await owner.post('/api/users', {
    email: 'mei@test.example',
    displayName: '陈美',
    role: 'staff',
    password: 'guide-password-1',
    storeIds: [t.mainStoreId],
  });
  guide = await loginAs(t.app, 'mei@test.example', 'guide-password-1');
  customerId = (
    await guide.post('/api/customers', {
      storeId: t.mainStoreId,
      familyName: '林',
      givenName: '小雨',
      phones: [{ number: '13900139000' }],
    })
  ).json().id;
});
afterAll(() => t.close());

describe('sections', () => {
  it('adds a section at the end, relabels it and moves it up', async () => {
    const before = await bank(owner);
    const added = await owner.post('/api/custom-field-sections', {
      key: 'family_life',
      labels: L('家庭生活', '家庭生活', '家族の暮らし', 'Family life'),
    });
    expect(added.statusCode, added.body).toBe(201);
    const keys = (added.json() as Bank).sections.map((s) => s.key);
    expect(keys).toEqual([...before.sections.map((s) => s.key), 'family_life']);
    const id = (added.json() as Bank).sections.find((s) => s.key === 'family_life')!.id;

    const relabelled = await owner.patch(`/api/custom-field-sections/${id}`, {
      labels: L('家庭与生活', '家庭與生活', '家族と暮らし', 'Family and home'),
    });
    expect(relabelled.statusCode, relabelled.body).toBe(200);
    expect((relabelled.json() as Bank).sections.at(-1)).toMatchObject({ labels: { en: 'Family and home' } });

    const moved = await owner.post(`/api/custom-field-sections/${id}/move`, { direction: 'up' });
    expect(moved.statusCode, moved.body).toBe(200);
    const after = (moved.json() as Bank).sections.map((s) => s.key);
    expect(after.at(-2)).toBe('family_life');
    // Moving the first one up changes nothing.
    const first = (moved.json() as Bank).sections[0]!;
    const again = await owner.post(`/api/custom-field-sections/${first.id}/move`, { direction: 'up' });
    expect((again.json() as Bank).sections.map((s) => s.key)).toEqual(after);
  });

  it('says which field is wrong: a taken key, a missing label', async () => {
    const res = await owner.post('/api/custom-field-sections', {
      key: 'lifestyle',
      labels: { 'zh-CN': '生活', 'zh-TW': '', ja: 'くらし', en: 'Life' },
    });
    expect(res.statusCode).toBe(400);
    expect(fieldPaths(res)).toEqual(['body.labels.zh-TW:too_small']);
    const taken = await owner.post('/api/custom-field-sections', {
      key: 'lifestyle',
      labels: L('生活', '生活', 'くらし', 'Life'),
    });
    expect(fieldPaths(taken)).toEqual(['body.key:taken']);
  });
});

describe('questions', () => {
  let sectionId: string;
  let drinkId: string;

  it('adds a choice question in four languages at the end of its section', async () => {
    sectionId = (await bank(owner)).sections.find((s) => s.key === 'lifestyle')!.id;
    const res = await owner.post('/api/custom-fields', {
      sectionId,
      key: 'favourite_drink',
      type: 'choice',
      labels: L('喜欢的饮品', '喜歡的飲品', '好きな飲み物', 'Favourite drink'),
      options: [
        { value: 'tea', labels: L('茶', '茶', 'お茶', 'Tea') },
        { value: 'coffee', labels: L('咖啡', '咖啡', 'コーヒー', 'Coffee') },
      ],
    });
    expect(res.statusCode, res.body).toBe(201);
    drinkId = res.json().id;
    expect(fieldsOf(await bank(owner), 'lifestyle').at(-1)).toBe('favourite_drink');
  });

  it('checks each field of a new question and drops options from a non-choice one', async () => {
    const bad = await owner.post('/api/custom-fields', {
      sectionId,
      key: 'Bad Key',
      type: 'multi_choice',
      labels: L('颜色', '顏色', '', 'Colour'),
      options: [
        { value: 'red', labels: L('红', '紅', '赤', 'Red') },
        { value: 'red', labels: L('大红', '大紅', '真紅', 'Scarlet') },
      ],
    });
    expect(bad.statusCode).toBe(400);
    expect(fieldPaths(bad)).toEqual([
      'body.key:invalid_format',
      'body.labels.ja:too_small',
      'body.options.1.value:custom',
    ]);
    const oneOption = await owner.post('/api/custom-fields', {
      sectionId,
      key: 'only_one',
      type: 'choice',
      labels: L('一项', '一項', '一つ', 'One'),
      options: [{ value: 'aa', labels: L('甲', '甲', 'あ', 'A') }],
    });
    expect(fieldPaths(oneOption)).toEqual(['body.options:custom']);
    const text = await owner.post('/api/custom-fields', {
      sectionId,
      key: 'nickname',
      type: 'text',
      labels: L('昵称', '暱稱', 'ニックネーム', 'Nickname'),
      options: [{ value: 'xx', labels: L('甲', '甲', 'あ', 'A') }],
    });
    expect(text.statusCode, text.body).toBe(201);
    expect(text.json().options).toEqual([]);
    const unknown = await owner.post('/api/custom-fields', {
      sectionId: '00000000-0000-4000-8000-000000000000',
      key: 'orphan',
      type: 'text',
      labels: L('无', '無', 'なし', 'None'),
    });
    expect(fieldPaths(unknown)).toEqual(['body.sectionId:unknown_section']);
  });

  it('moves a question up and down one place at a time', async () => {
    const start = fieldsOf(await bank(owner), 'lifestyle');
    const i = start.indexOf('favourite_drink');
    const up = await owner.post(`/api/custom-fields/${drinkId}/move`, { direction: 'up' });
    expect(up.statusCode, up.body).toBe(200);
    const moved = fieldsOf(await bank(owner), 'lifestyle');
    expect(moved.indexOf('favourite_drink')).toBe(i - 1);
    expect(moved.slice().sort()).toEqual(start.slice().sort());
    await owner.post(`/api/custom-fields/${drinkId}/move`, { direction: 'down' });
    expect(fieldsOf(await bank(owner), 'lifestyle')).toEqual(start);
  });

  it('relabels options and adds one, but will not remove an option that answers use', async () => {
    const answered = await guide.patch(`/api/customers/${customerId}`, { custom: { favourite_drink: 'tea' } });
    expect(answered.statusCode, answered.body).toBe(200);
    const options = [
      { value: 'tea', labels: L('茶饮', '茶飲', 'お茶', 'Tea') },
      { value: 'coffee', labels: L('咖啡', '咖啡', 'コーヒー', 'Coffee') },
      { value: 'juice', labels: L('果汁', '果汁', 'ジュース', 'Juice') },
    ];
    const ok = await owner.patch(`/api/custom-fields/${drinkId}`, { options });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().options.map((o: { value: string }) => o.value)).toEqual(['tea', 'coffee', 'juice']);
    expect(ok.json().answerCount).toBe(1);
    const dropTea = await owner.patch(`/api/custom-fields/${drinkId}`, { options: options.slice(1) });
    expect(dropTea.statusCode).toBe(400);
    expect(dropTea.json().fields).toEqual([
      expect.objectContaining({
        field: 'body.options',
        code: 'option_in_use',
        message: expect.stringContaining('tea'),
      }),
    ]);
    // Coffee has no answer: it may go.
    const dropCoffee = await owner.patch(`/api/custom-fields/${drinkId}`, { options: [options[0], options[2]] });
    expect(dropCoffee.statusCode, dropCoffee.body).toBe(200);
  });

  it('retires a question: hidden from the answer form, the answer kept and frozen, then brought back', async () => {
    const retired = await owner.patch(`/api/custom-fields/${drinkId}`, { isActive: false });
    expect(retired.statusCode, retired.body).toBe(200);
    expect(retired.json().isActive).toBe(false);
    expect(fieldsOf(await bank(guide, false), 'lifestyle')).not.toContain('favourite_drink');
    expect(fieldsOf(await bank(guide, true), 'lifestyle')).toContain('favourite_drink');

    const c = (await guide.get(`/api/customers/${customerId}`)).json();
    expect(c.custom.favourite_drink).toBe('tea');
    // Saving her whole form again with the old answer is fine; changing a retired answer is not.
    const same = await guide.patch(`/api/customers/${customerId}`, { version: c.version, custom: c.custom });
    expect(same.statusCode, same.body).toBe(200);
    const changed = await guide.patch(`/api/customers/${customerId}`, { custom: { favourite_drink: 'juice' } });
    expect(changed.statusCode).toBe(400);
    expect(fieldPaths(changed)).toEqual(['body.custom.favourite_drink:retired']);

    await owner.patch(`/api/custom-fields/${drinkId}`, { isActive: true });
    const again = await guide.patch(`/api/customers/${customerId}`, { custom: { favourite_drink: 'juice' } });
    expect(again.statusCode, again.body).toBe(200);
    expect(again.json().custom.favourite_drink).toBe('juice');
  });

  it('records every change in the audit log', async () => {
    const res = await owner.get('/api/audit?action=question_bank.changed&limit=100');
    expect(res.statusCode).toBe(200);
    expect(res.json().items.length).toBeGreaterThanOrEqual(8);
  });

  it('lets only owner and head office edit; guides read', async () => {
    expect((await guide.get('/api/custom-fields')).statusCode).toBe(200);
    expect((await guide.patch(`/api/custom-fields/${drinkId}`, { isActive: false })).statusCode).toBe(403);
    expect((await guide.post(`/api/custom-fields/${drinkId}/move`, { direction: 'up' })).statusCode).toBe(403);
    expect((await guide.post(`/api/custom-field-sections/${sectionId}/move`, { direction: 'up' })).statusCode).toBe(
      403,
    );
    expect(
      (await owner.post('/api/custom-fields/00000000-0000-4000-8000-000000000000/move', { direction: 'up' }))
        .statusCode,
    ).toBe(404);
  });
});
