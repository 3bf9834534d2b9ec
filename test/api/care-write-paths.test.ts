// Generation stages each batch by COPY on PostgreSQL and by array INSERTs on PGlite: both staging
// paths write the same tasks and reasons, in small batches as in one, and a second run of the day
// creates nothing. (On PGlite both runs take the INSERT path; on PostgreSQL one of them is COPY.)
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inArray, sql } from 'drizzle-orm';
import { randomUUID } from 'node:crypto';
import { rows, type Db } from '../../src/server/db/client';
import { generateCareTasks, type StagingMethod } from '../../src/server/modules/care';
import { referenceProblem } from '../../src/server/modules/care/write-batch';
import { mergeCustomers } from '../../src/server/modules/customers/customers.merge';
import { customers } from '../../src/server/db/schema';
import type { PlannedTask } from '../../src/domain/care';
import { createTestApp, type TestApp } from '../helpers/app';
import { makeCustomer, makeStore, makeUser, markFirstRun, type TestStore } from '../helpers/care';

let t: TestApp;
const db = () => t.database.db;

beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const DAY = '2027-09-15'; // Mid-Autumn: a greeting for everyone, and lunar 8/15 birthdays

/** A store with the same staff and customers as every other one made by this function. */
async function shop() {
  const store = await makeStore(db(), t.orgId);
  const guide = await makeUser(db(), t.orgId, { name: '林导购', storeIds: [store.id] });
  const manager = await makeUser(db(), t.orgId, { name: '王店长', role: 'store_manager', storeIds: [store.id] });
  await markFirstRun(db(), store, '2027-01-01');
  const customers: string[] = [];
  const add = async (o: Parameters<typeof makeCustomer>[2]) =>
    customers.push((await makeCustomer(db(), store, { ownerId: guide.id, ...o })).id);
  await add({ lunar: { month: 8, day: 15 } }); // birthday + holiday: one task, two reasons
  await add({ birthday: '1990-09-15' });
  await add({ gender: 'male', children: true });
  await add({ ownerId: null }); // no guide: the store manager
  await add({ consents: [{ channel: 'phone', granted: false }] });
  await add({ doNotContact: true });
  await add({ email: false, consents: [{ channel: 'email', granted: true }] });
  for (let i = 0; i < 30; i += 1) await add({ birthday: `1980-09-${String(10 + (i % 10)).padStart(2, '0')}` });
  return { store, guide, manager, customers };
}

type Shop = Awaited<ReturnType<typeof shop>>;

/** Everything written for a store, with its ids replaced by positions (customer, staff). */
async function written(s: Shop) {
  const who = (id: string | null) =>
    id === s.guide.id ? 'guide' : id === s.manager.id ? 'manager' : id === null ? null : 'other';
  const tasks = await rows<
    Record<string, unknown> & { id: string; customer_id: string; assignee_id: string | null; owner_key: string }
  >(
    db(),
    sql`select t.id, t.customer_id, t.owner_rule, t.owner_key, t.kind, t.category, t.channels, t.assignee_role,
               t.assignee_id, t.status, t.create_on::text as create_on, t.due_on::text as due_on,
               t.original_due_on::text as original_due_on, t.send_after, t.counts_toward_budget, t.version
        from care_tasks t where t.store_id = ${s.store.id}`,
  );
  const reasons = await rows<{ task_id: string; customer_id: string; rule_id: string; occasion_key: string }>(
    db(),
    sql`select r.task_id, r.customer_id, r.rule_id, r.occasion_key, r.due_on::text as due_on, r.params, r.org_id
        from care_task_reasons r join care_tasks t on t.id = r.task_id where t.store_id = ${s.store.id}`,
  );
  return tasks
    .map(({ id, customer_id, assignee_id, ...rest }) => ({
      customer: s.customers.indexOf(customer_id),
      assignee: who(assignee_id),
      ...rest,
      send_after: rest.send_after ? new Date(rest.send_after as string).toISOString() : null,
      reasons: reasons
        .filter((r) => r.task_id === id)
        .map(({ task_id: _t, customer_id: c, ...r }) => ({ ...r, sameCustomer: c === customer_id }))
        .sort((a, b) => a.occasion_key.localeCompare(b.occasion_key)),
    }))
    .sort((a, b) => a.customer - b.customer || String(a.owner_key).localeCompare(String(b.owner_key)));
}

const generate = (store: TestStore, staging: StagingMethod, batchSize = 5000) =>
  generateCareTasks(t.database, { orgId: t.orgId, storeId: store.id, date: DAY, source: 'api', staging, batchSize });

describe('staging paths', () => {
  it('COPY and INSERT staging write the same tasks and reasons; a second run creates nothing', async () => {
    const a = await shop();
    const b = await shop();
    const c = await shop();
    const ra = await generate(a.store, 'insert');
    const rb = await generate(b.store, 'copy');
    const rc = await generate(c.store, 'copy', 7); // several batches, some with nothing to write
    for (const r of [rb, rc]) {
      expect(r).toMatchObject({ created: ra.created, tasks: ra.tasks, suppressed: ra.suppressed, byRule: ra.byRule });
    }
    expect(ra.created).toBeGreaterThan(ra.tasks); // some tasks carry two reasons
    expect(ra.suppressed).toBeGreaterThan(0);

    const wa = await written(a);
    expect(wa).toHaveLength(ra.tasks);
    expect(wa.flatMap((x) => x.reasons)).toHaveLength(ra.created);
    expect(wa.every((x) => x.reasons.every((r) => r.sameCustomer))).toBe(true);
    expect(wa.find((x) => x.customer === 3)?.assignee).toBe('manager');
    expect(await written(b)).toEqual(wa);
    expect(await written(c)).toEqual(wa);

    for (const [s, staging] of [
      [a, 'copy'],
      [b, 'insert'],
      [c, 'copy'],
    ] as const) {
      const again = await generate(s.store, staging);
      expect(again).toMatchObject({ created: 0, tasks: 0, unchanged: ra.created });
      expect(await written(s)).toEqual(wa);
    }
  });

  it('refuses a task of another customer, a reason of another customer, a merge into a stranger’s task or an unknown assignee', () => {
    const her = randomUUID();
    const other = randomUUID();
    const guide = randomUUID();
    const ctx = { activeUserIds: new Set([guide]) };
    const history = { openTasks: [{ taskId: 'open-1', dueOn: DAY, ruleIds: [], occasionKeys: [] }] };
    const reason = (customerId: string) => ({ customerId }) as PlannedTask['reasons'][number];
    const task = (o: Partial<PlannedTask> = {}) => ({
      customerId: her,
      mergeIntoTaskId: null,
      reasons: [reason(her)],
      ...o,
    });
    expect(referenceProblem(her, task(), guide, ctx, history)).toBeNull();
    expect(referenceProblem(her, task({ mergeIntoTaskId: 'open-1' }), null, ctx, history)).toBeNull();
    expect(referenceProblem(her, task({ customerId: other, reasons: [reason(other)] }), guide, ctx, history)).toMatch(
      /task of another customer/,
    );
    expect(referenceProblem(her, task({ reasons: [reason(her), reason(other)] }), guide, ctx, history)).toMatch(
      /reason of another customer/,
    );
    expect(referenceProblem(her, task({ mergeIntoTaskId: 'someone-elses' }), guide, ctx, history)).toMatch(
      /not one of her open tasks/,
    );
    expect(referenceProblem(her, task(), randomUUID(), ctx, history)).toMatch(/not an active colleague/);
  });

  it('deleting a task deletes its reasons; a customer with care tasks cannot be deleted', async () => {
    const a = await shop();
    await generate(a.store, 'insert');
    const [task] = await rows<{ id: string; customer_id: string }>(
      db(),
      sql`select id, customer_id from care_tasks where store_id = ${a.store.id} limit 1`,
    );
    const refused = await db()
      .execute(sql`delete from customers where id = ${task!.customer_id}`)
      .then(
        () => 'deleted',
        (e: Error & { cause?: Error }) => e.cause?.message ?? e.message,
      );
    expect(refused).toMatch(/has care tasks and cannot be deleted/);
    await db()
      .transaction(async (tx) => {
        await tx.execute(sql`delete from care_tasks where id = ${task!.id}`);
        const left = await rows<{ n: number }>(
          tx as unknown as Db,
          sql`select count(*)::int as n from care_task_reasons where task_id = ${task!.id}`,
        );
        expect(left).toEqual([{ n: 0 }]);
        tx.rollback();
      })
      .catch((e: unknown) => {
        if (!(e instanceof Error && /rollback/i.test(e.message))) throw e;
      });
    const kept = await rows<{ n: number }>(
      db(),
      sql`select count(*)::int as n from care_task_reasons where task_id = ${task!.id}`,
    );
    expect(kept[0]!.n).toBeGreaterThan(0);
  });

  it('a merge moves her care tasks and their reasons to the surviving file (an occasion both had stays on its task)', async () => {
    const a = await shop();
    await generate(a.store, 'insert');
    const [keep, dup] = [a.customers[1]!, a.customers[0]!];
    const reasons = (id: string) =>
      rows<{ task_id: string; customer_id: string; occasion_key: string }>(
        db(),
        sql`select r.task_id, r.customer_id, r.occasion_key from care_task_reasons r
            join care_tasks t on t.id = r.task_id where t.customer_id = ${id} order by r.occasion_key`,
      );
    const keptBefore = await reasons(keep);
    const dupBefore = await reasons(dup);
    expect(dupBefore.length).toBeGreaterThan(1);
    const shared = new Set(keptBefore.map((r) => r.occasion_key));
    // Both had the Mid-Autumn greeting; only the first had her lunar birthday.
    expect(dupBefore.filter((r) => shared.has(r.occasion_key)).length).toBeGreaterThan(0);
    expect(dupBefore.filter((r) => !shared.has(r.occasion_key)).length).toBeGreaterThan(0);
    const files = await db()
      .select()
      .from(customers)
      .where(inArray(customers.id, [keep, dup]));
    const row = (id: string) => files.find((c) => c.id === id)!;
    await mergeCustomers(
      db(),
      { principal: null, userId: null, orgId: t.orgId, storeIds: [a.store.id] },
      row(keep),
      row(dup),
      {},
    );
    expect(await reasons(dup)).toEqual([]);
    const after = await reasons(keep);
    expect(after).toHaveLength(keptBefore.length + dupBefore.length);
    for (const r of dupBefore) {
      const moved = after.find((x) => x.task_id === r.task_id && x.occasion_key === r.occasion_key)!;
      expect(moved.customer_id).toBe(shared.has(r.occasion_key) ? dup : keep);
    }
  });
});
