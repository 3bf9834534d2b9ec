// Care-task actions through app.inject against a real database: snooze, reassign, complete (with a
// contact, an appointment or a complaint) and cancel. Tasks are inserted directly (the generation engine
// is tested on its own).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { addDays } from '../../src/domain/care';
import { complaints, contactLog } from '../../src/server/db/schema';
import type { Client, TestApp } from '../helpers/app';
import { createCareTasksTestApp, ids, type CareTasksTestApp } from '../helpers/care-tasks';

let t: TestApp;
let manager: Client;
let guide: Client;
let guide2: Client;
let otherGuide: Client;
let guideId: string;
let guide2Id: string;
let otherGuideId: string;
let today: string;
let task: CareTasksTestApp['task'];

beforeAll(async () => {
  ({ t, manager, guide, guide2, otherGuide, guideId, guide2Id, otherGuideId, today, task } =
    await createCareTasksTestApp());
});
afterAll(() => t.close());

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
