// What holds the care engine back, on a real database: the guards (contact budget, consent, deceased,
// do-not-contact, one task a day), no back-dating (the first run, a rule switched on later) and the
// rule settings that record when a rule was switched on. The rules are in care-engine-rules.test.ts;
// the store and staff each test makes are in test/helpers/care-engine.ts.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { rows } from '../../src/server/db/client';
import { getCareSettings, setRuleEnabled, updateCareSettings } from '../../src/server/modules/care';
import type { TestApp } from '../helpers/app';
import { makeCustomer, makeReceipt, markFirstRun } from '../helpers/care';
import { createCareEngineTestApp, type CareEngineTestApp } from '../helpers/care-engine';

let t: TestApp;
let storeWithStaff: CareEngineTestApp['storeWithStaff'];
let run: CareEngineTestApp['run'];
let tasksOf: CareEngineTestApp['tasksOf'];
let reasonsOf: CareEngineTestApp['reasonsOf'];
let contact: CareEngineTestApp['contact'];
const db = () => t.database.db;

beforeAll(async () => {
  ({ t, storeWithStaff, run, tasksOf, reasonsOf, contact } = await createCareEngineTestApp());
});
afterAll(() => t.close());

describe('guards', () => {
  it('contact budget: 2 contacts in 30 days stop a birthday greeting, not the after-purchase call', async () => {
    const s = await storeWithStaff();
    await markFirstRun(db(), s.store, '2027-01-01');
    const greeted = await makeCustomer(db(), s.store, { birthday: '1990-03-17', ownerId: s.guide.id });
    const bought = await makeCustomer(db(), s.store, { ownerId: s.guide.id });
    for (const c of [greeted, bought]) {
      await contact(s.store, c.id, '2027-03-01');
      await contact(s.store, c.id, '2027-03-12');
    }
    await makeReceipt(db(), s.store, { customerId: bought.id, date: '2027-03-10', total: 300_000 });
    const res = await run(s.store, '2027-03-17');
    expect(await reasonsOf(greeted.id)).toEqual([]);
    expect(await tasksOf(bought.id)).toMatchObject([{ owner_rule: 'after_purchase_call' }]);
    expect(res.suppressed).toBeGreaterThanOrEqual(1);
    // A complaint follow-up does not count.
    const third = await makeCustomer(db(), s.store, { birthday: '1990-03-18', ownerId: s.guide.id });
    await contact(s.store, third.id, '2027-03-01', 'complaint');
    await contact(s.store, third.id, '2027-03-12', 'complaint');
    await run(s.store, '2027-03-18');
    expect(await reasonsOf(third.id)).toEqual(['birthday:2027']);
  });

  it('no care consent, deceased, do-not-contact: no task', async () => {
    const s = await storeWithStaff();
    await markFirstRun(db(), s.store, '2027-01-01');
    const b = { birthday: '1980-03-17', ownerId: s.guide.id };
    const refused = await makeCustomer(db(), s.store, { ...b, consents: [{ channel: 'email', granted: false }] });
    const never = await makeCustomer(db(), s.store, { ...b, consents: [] });
    const deceased = await makeCustomer(db(), s.store, { ...b, deceased: true });
    const dnc = await makeCustomer(db(), s.store, { ...b, doNotContact: true });
    const ok = await makeCustomer(db(), s.store, b);
    const res = await run(s.store, '2027-03-17');
    expect(res).toMatchObject({ created: 1, suppressed: 4 });
    for (const c of [refused, never, deceased, dnc]) expect(await tasksOf(c.id)).toEqual([]);
    expect(await reasonsOf(ok.id)).toEqual(['birthday:2027']);
    const [row] = await rows<{ suppressed: number }>(
      db(),
      sql`select suppressed from care_runs where store_id = ${s.store.id} and run_date = '2027-03-17'`,
    );
    expect(row!.suppressed).toBe(4);
  });

  it('same-day reasons make one task owned by the strongest; a later reason of that day joins it', async () => {
    const s = await storeWithStaff();
    await markFirstRun(db(), s.store, '2027-01-01');
    const c = await makeCustomer(db(), s.store, { birthday: '1990-03-17', ownerId: s.guide.id });
    await makeReceipt(db(), s.store, { customerId: c.id, date: '2027-03-10', total: 300_000, sellerId: s.seller.id });
    await run(s.store, '2027-03-17');
    const tasks = await tasksOf(c.id);
    expect(tasks).toHaveLength(1);
    expect(tasks[0]).toMatchObject({ owner_rule: 'after_purchase_call', assignee_id: s.seller.id });
    expect(tasks[0]!.keys).toHaveLength(2);
  });
});

describe('no back-dating', () => {
  it('the first run creates nothing for occasions already past', async () => {
    const s = await storeWithStaff();
    const c = await makeCustomer(db(), s.store, { birthday: '1990-03-17', ownerId: s.guide.id });
    await makeReceipt(db(), s.store, { customerId: c.id, date: '2027-03-10', total: 300_000 });
    const res = await run(s.store, '2027-03-17'); // first run ever for this store
    expect(await tasksOf(c.id)).toMatchObject([{ owner_rule: 'birthday' }]);
    expect(res.byRule.after_purchase_call).toBe(0);
  });

  it('switching a rule on creates nothing for occasions before that day', async () => {
    const s = await storeWithStaff();
    await markFirstRun(db(), s.store, '2027-01-01');
    await setRuleEnabled(db(), { orgId: t.orgId, userId: null }, 'after_purchase_call', false, { today: '2027-03-01' });
    const c = await makeCustomer(db(), s.store, { ownerId: s.guide.id });
    await makeReceipt(db(), s.store, { customerId: c.id, date: '2027-03-10', total: 300_000 });
    const later = await makeCustomer(db(), s.store, { ownerId: s.guide.id });
    await makeReceipt(db(), s.store, { customerId: later.id, date: '2027-03-18', total: 300_000 });
    await setRuleEnabled(db(), { orgId: t.orgId, userId: null }, 'after_purchase_call', true, { today: '2027-03-17' });
    await run(s.store, '2027-03-17');
    expect(await tasksOf(c.id)).toEqual([]);
    await run(s.store, '2027-03-25');
    expect(await tasksOf(later.id)).toMatchObject([{ owner_rule: 'after_purchase_call', due_on: '2027-03-25' }]);
    // Leave the organisation's settings as they were for the other tests.
    await db().execute(sql`delete from care_rule_activity where org_id = ${t.orgId}`);
    await db().execute(sql`delete from care_settings where org_id = ${t.orgId}`);
  });
});

describe('settings', () => {
  it('switching a rule on records the day; off keeps it; the defaults come from the seeds', async () => {
    const actor = { orgId: t.orgId, userId: null };
    const before = await getCareSettings(db(), t.orgId);
    expect(before.settings.rules.after_purchase_call.delayDays).toBe(7);
    expect(before.settings.escalation.afterDays).toBe(2);
    await setRuleEnabled(db(), actor, 'holiday', false, { today: '2027-04-01' });
    expect((await getCareSettings(db(), t.orgId)).activity.holiday).toEqual({
      enabled: false,
      activeSince: '2027-04-01',
    });
    const on = await setRuleEnabled(db(), actor, 'holiday', true, { today: '2027-04-05' });
    expect(on.activity.holiday).toEqual({ enabled: true, activeSince: '2027-04-05' });
    expect(on.settings.rules.holiday.enabled).toBe(true);
    await expect(
      updateCareSettings(db(), actor, { guards: { budget: { maxContacts: 0 } } } as never),
    ).rejects.toThrow();
    await db().execute(sql`delete from care_rule_activity where org_id = ${t.orgId}`);
    await db().execute(sql`delete from care_settings where org_id = ${t.orgId}`);
  });
});
