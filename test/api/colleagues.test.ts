// Staff may name the colleague who served (salon visits) without being able to list accounts: names only,
// and only for the stores they work in.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, loginAs, OWNER, type Client, type TestApp } from '../helpers/app';

let t: TestApp;
let owner: Client;
let mei: Client;
let storeB: string;
const ids: Record<string, string> = {};

async function account(email: string, displayName: string, storeIds: string[], role = 'staff') {
  const res = await owner.post('/api/users', { email, displayName, role, password: 'guide-password-1', storeIds });
  expect(res.statusCode, res.body).toBe(201);
  ids[displayName] = res.json().id;
}

beforeAll(async () => {
  t = await createTestApp();
  owner = await loginAs(t.app, OWNER.email, OWNER.password);
  storeB = (
    await owner.post('/api/stores', {
      code: 'TPE',
      name: '台北店',
      country: 'TW',
      currency: 'TWD',
      timezone: 'Asia/Taipei',
      locale: 'zh-TW',
    })
  ).json().id;
  await account('mei@test.example', '陈美', [t.mainStoreId]);
  await account('lan@test.example', '周兰', [t.mainStoreId, storeB]);
  await account('gone@test.example', '离职的人', [t.mainStoreId]);
  await account('yi@test.example', '林怡', [storeB]);
  await account('boss@test.example', '王店长', [t.mainStoreId], 'store_manager');
  await owner.patch(`/api/users/${ids['离职的人']}`, { isActive: false });
  mei = await loginAs(t.app, 'mei@test.example', 'guide-password-1');
});
afterAll(() => t.close());

describe('colleagues in my store', () => {
  it('lists the active colleagues of her store, id and name only', async () => {
    const res = await mei.get(`/api/stores/${t.mainStoreId}/colleagues`);
    expect(res.statusCode, res.body).toBe(200);
    const items = res.json().items as Array<Record<string, unknown>>;
    // The owner set up at first start works in the main store too; the one who left is not listed.
    expect(items.map((i) => i.displayName).sort()).toEqual(['Owner', '周兰', '王店长', '陈美'].sort());
    for (const i of items) expect(Object.keys(i).sort()).toEqual(['displayName', 'id']);
  });

  it('says "not found" for a store she does not work in, and still refuses her the account list', async () => {
    expect((await mei.get(`/api/stores/${storeB}/colleagues`)).statusCode).toBe(404);
    expect((await mei.get(`/api/users?storeId=${t.mainStoreId}`)).statusCode).toBe(403);
    const asOwner = await owner.get(`/api/stores/${storeB}/colleagues`);
    expect(
      asOwner
        .json()
        .items.map((i: { displayName: string }) => i.displayName)
        .sort(),
    ).toEqual(['周兰', '林怡'].sort());
  });

  it('accepts a colleague of her store as the beautician on a visit, and nobody else', async () => {
    const customer = (
      await mei.post('/api/customers', {
        storeId: t.mainStoreId,
        familyName: '黄',
        givenName: '雅',
        phones: [{ number: '13700137000' }],
      })
    ).json();
    const facial = (
      await owner.post('/api/service-items', { name: '深层补水', durationMinutes: 60, price: 38_000, currency: 'CNY' })
    ).json();
    const visit = (beauticianId: string) =>
      mei.post(`/api/customers/${customer.id}/visits`, { serviceItemIds: [facial.id], beauticianId });
    const ok = await visit(ids['周兰']!);
    expect(ok.statusCode, ok.body).toBe(201);
    expect(ok.json()).toMatchObject({ beauticianId: ids['周兰'], beauticianName: '周兰' });
    for (const other of ['林怡', '离职的人']) {
      const res = await visit(ids[other]!);
      expect(res.statusCode).toBe(400);
      expect(res.json().fields).toEqual([
        expect.objectContaining({ field: 'body.beauticianId', code: 'unknown_user' }),
      ]);
    }
  });
});
