// keqing tasks generate|list end to end on an embedded data folder.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/server/db/client';
import { careRuns, organizations } from '../../src/server/db/schema';
import { usesPostgres } from '../helpers/db';
import { runCli } from '../helpers/cli';
import { makeCustomer, makeReceipt, makeStore, makeUser } from '../helpers/care';

describe.skipIf(usesPostgres())('keqing tasks', () => {
  it('generates a day once (a re-run creates nothing) and lists it with readable reasons', async () => {
    const data = mkdtempSync(join(tmpdir(), 'keqing-tasks-'));
    const env = { KEQING_DATA_DIR: data };
    const boot = await runCli(['migrate'], env);
    expect(boot.code, boot.stderr).toBe(0);

    const database = await openDatabase({ dataDir: data });
    const [org] = await database.db.select().from(organizations);
    const store = await makeStore(database.db, org!.orgId, { code: 'SHA' });
    const guide = await makeUser(database.db, org!.orgId, { name: '林晓', storeIds: [store.id] });
    await database.db
      .insert(careRuns)
      .values({ orgId: org!.orgId, storeId: store.id, runDate: '2027-01-01', source: 'test' });
    await makeCustomer(database.db, store, {
      name: '陈静',
      memberNo: 'VIP001',
      birthday: '1988-03-17',
      ownerId: guide.id,
    });
    const buyer = await makeCustomer(database.db, store, { name: '李娜', memberNo: 'VIP002', ownerId: guide.id });
    await makeReceipt(database.db, store, {
      customerId: buyer.id,
      date: '2027-03-10',
      total: 320_000,
      sellerId: guide.id,
    });
    await makeCustomer(database.db, store, { name: '王芳', memberNo: 'VIP003', birthday: '1988-03-17', consents: [] });
    await database.close();

    const first = await runCli(['tasks', 'generate', '--date', '2027-03-17', '--store', 'SHA', '--json'], env);
    expect(first.code, first.stderr).toBe(0);
    const r1 = JSON.parse(first.stdout.trim().split('\n').at(-1)!);
    expect(Object.keys(r1)).toEqual(['date', 'created', 'unchanged', 'suppressed', 'byRule']);
    expect(r1).toMatchObject({ date: '2027-03-17', created: 2, unchanged: 0, suppressed: 1 });
    expect(r1.byRule).toMatchObject({ birthday: 1, after_purchase_call: 1, holiday: 0 });

    const again = await runCli(['tasks', 'generate', '--date', '2027-03-17', '--store', 'SHA', '--json'], env);
    expect(JSON.parse(again.stdout.trim().split('\n').at(-1)!)).toMatchObject({ created: 0, unchanged: 2 });

    const list = await runCli(['tasks', 'list', '--date', '2027-03-17', '--store', 'SHA', '--json'], env);
    expect(list.code, list.stderr).toBe(0);
    const items = JSON.parse(list.stdout.trim().split('\n').at(-1)!) as Array<Record<string, unknown>>;
    expect(items).toHaveLength(2);
    const chen = items.find((i) => i.member_no === 'VIP001')!;
    expect(Object.keys(chen)).toEqual(['member_no', 'customer', 'rule', 'reasons', 'due', 'assignee', 'status']);
    expect(chen).toMatchObject({
      customer: '陈静',
      rule: 'birthday',
      due: '2027-03-17',
      assignee: '林晓',
      status: 'open',
    });
    expect((chen.reasons as string[])[0]).toContain('生日');
    const li = items.find((i) => i.member_no === 'VIP002')!;
    expect(li.rule).toBe('after_purchase_call');

    const text = await runCli(['tasks', 'list', '--date', '2027-03-17', '--store', 'SHA'], env);
    expect(text.stdout).toContain('陈静');
    expect(text.stdout).toContain('林晓');

    const badDate = await runCli(['tasks', 'generate', '--date', '2027-3-17'], env);
    expect(badDate.code).toBe(2);
    const badStore = await runCli(['tasks', 'list', '--store', 'NOPE'], env);
    expect(badStore.code).toBe(2);
  }, 120_000);
});
