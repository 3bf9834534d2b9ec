// Care-task lists on the phone through app.inject against a real database: today, upcoming and overdue,
// the store scope, cursor paging, escalations and keeping stores apart. Tasks are inserted directly
// (the generation engine is tested on its own).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { addDays } from '../../src/domain/care';
import { careTasks } from '../../src/server/db/schema';
import type { Client, TestApp } from '../helpers/app';
import { createCareTasksTestApp, ids, type CareTasksTestApp } from '../helpers/care-tasks';

let t: TestApp;
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
let customer: CareTasksTestApp['customer'];
let task: CareTasksTestApp['task'];

beforeAll(async () => {
  ({
    t,
    manager,
    guide,
    guide2,
    otherGuide,
    managerId,
    guideId,
    guide2Id,
    otherGuideId,
    storeB,
    today,
    todayB,
    customer,
    task,
  } = await createCareTasksTestApp());
});
afterAll(() => t.close());

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
