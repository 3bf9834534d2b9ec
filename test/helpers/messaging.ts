// One organisation for the messaging tests (test/api/messaging*.test.ts): the owner, a manager and two
// staff (lin, zhou) in the main store, a staff member (sato) in the Ginza store, and a helper that
// adds a customer with care consent on e-mail, SMS and phone.
import { expect } from 'vitest';
import { createTestApp, loginAs, OWNER, type Client, type TestApp, addGinzaStore, addUser } from './app';

export type MessagingTestApp = {
  t: TestApp;
  owner: Client;
  manager: Client;
  guide: Client;
  otherStoreGuide: Client;
  guideId: string;
  guide2Id: string;
  storeB: string;
  /** Adds a customer (陈静) to the main store as `as`, with care consent on every channel. */
  customer(as: Client, extra?: Record<string, unknown>): Promise<{ id: string; storeId: string }>;
};

const consentAll = [
  { channel: 'email', purpose: 'care', granted: true },
  { channel: 'sms', purpose: 'care', granted: true },
  { channel: 'phone', purpose: 'care', granted: true },
];

export async function createMessagingTestApp(): Promise<MessagingTestApp> {
  const t = await createTestApp();
  const owner = await loginAs(t.app, OWNER.email, OWNER.password);

  async function customer(as: Client, extra: Record<string, unknown> = {}) {
    const res = await as.post('/api/customers', {
      storeId: t.mainStoreId,
      familyName: '陈',
      givenName: '静',
      gender: 'female',
      email: `chen.${Math.random().toString(36).slice(2)}@example.com`,
      phones: [{ number: '13900139000' }],
      consents: consentAll,
      allowDuplicate: true,
      ...extra,
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as { id: string; storeId: string };
  }

  const user = (email: string, role: string, storeIds: string[]) => addUser(t.app, owner, email, role, storeIds);

  const storeB = await addGinzaStore(owner);
  const manager = (await user('mgr@test.example', 'store_manager', [t.mainStoreId])).client;
  const g = await user('lin@test.example', 'staff', [t.mainStoreId]);
  const g2 = await user('zhou@test.example', 'staff', [t.mainStoreId]);
  const otherStoreGuide = (await user('sato@test.example', 'staff', [storeB])).client;
  return {
    t,
    owner,
    manager,
    guide: g.client,
    otherStoreGuide,
    guideId: g.id,
    guide2Id: g2.id,
    storeB,
    customer,
  };
}
