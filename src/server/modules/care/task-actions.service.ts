// The actions on a care task — snooze, reassign, complete with an outcome (recorded on her timeline
// through messaging's contact log), cancel. Every action checks the version the guide saw (optimistic
// concurrency). The list and one task are read in task-screens.service.ts.
import { and, eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { completeBodySchema } from '../../../contracts/care-tasks';
import { CONTACT_OUTCOME_OF } from '../../../contracts/care-tasks';
import type { ContactKind } from '../../../contracts/care';
import type { ContactChannel, ContactPurpose } from '../../../domain/contacts';
import type { Db } from '../../db/client';
import { careTaskReasons, careTasks, complaints, contactLog } from '../../db/schema';
import { AppError } from '../../errors';
import type { Principal } from '../../plugins/auth';
import { getCustomerRowOrThrow } from '../customers/customers.service';
import { recordContact } from '../messaging/contacts.service';
import { isColleague } from '../org/colleagues';
import { storeToday, taskActorOf, taskOrThrow, type TaskRow } from './task-screens.service';

type CompleteInput = z.output<typeof completeBodySchema>;

/** Updates an open task at the version the guide saw; a newer version (or a closed task) is a 409. */
async function updateAt(db: Db, t: TaskRow, version: number, set: Partial<typeof careTasks.$inferInsert>) {
  if (t.status !== 'open')
    throw new AppError('conflict', {}, [
      { field: 'body.version', code: 'task_closed', message: 'This task is already closed' },
    ]);
  const [row] = await db
    .update(careTasks)
    .set({ ...set, version: sql`${careTasks.version} + 1`, updatedAt: new Date() })
    .where(and(eq(careTasks.id, t.id), eq(careTasks.version, version), eq(careTasks.status, 'open')))
    .returning();
  if (!row)
    throw new AppError('conflict', {}, [
      { field: 'body.version', code: 'stale', message: 'Someone changed this task; reload it and try again' },
    ]);
  return row;
}

export async function snoozeTask(db: Db, p: Principal, id: string, body: { version: number; until: string }) {
  const a = taskActorOf(p);
  const t = await taskOrThrow(db, a, id);
  const today = await storeToday(db, t.storeId);
  if (body.until < today)
    throw new AppError('validation_failed', {}, [
      { field: 'body.until', code: 'in_past', message: 'Choose today or a later day' },
    ]);
  if (body.until === t.dueOn)
    throw new AppError('validation_failed', {}, [
      { field: 'body.until', code: 'unchanged', message: 'The task is already due that day' },
    ]);
  // A new due day restarts the wait before escalation.
  await updateAt(db, t, body.version, { dueOn: body.until, escalatedAt: null, escalatedTo: null });
}

export async function reassignTask(db: Db, p: Principal, id: string, body: { version: number; assigneeId: string }) {
  const a = taskActorOf(p);
  const t = await taskOrThrow(db, a, id);
  if (!(await isColleague(db, a.orgId, t.storeId, body.assigneeId)))
    throw new AppError('validation_failed', {}, [
      { field: 'body.assigneeId', code: 'not_colleague', message: 'Choose a colleague of this store' },
    ]);
  await updateAt(db, t, body.version, { assigneeId: body.assigneeId, escalatedAt: null, escalatedTo: null });
}

export async function cancelTask(db: Db, p: Principal, id: string, body: { version: number; reason: string }) {
  const a = taskActorOf(p);
  const t = await taskOrThrow(db, a, id);
  await updateAt(db, t, body.version, {
    status: 'cancelled',
    note: body.reason,
    completedAt: new Date(),
    completedBy: a.userId,
  });
}

const CHANNEL_OF_KIND: Record<ContactKind, ContactChannel> = {
  call: 'call',
  visit: 'visit',
  letter: 'letter',
  message: 'sms',
};

/**
 * Completes a task: the contact lands on her timeline (messaging's contact log, counted in the staff
 * statistics) — or the one already recorded from the contact sheet is linked —; `appointment` adds a
 * follow-up task on the chosen day, `issue_raised` opens a complaint. All in one transaction.
 */
export async function completeTask(
  db: Db,
  p: Principal,
  id: string,
  body: CompleteInput,
): Promise<{ followUpTaskId: string | null; complaintId: string | null }> {
  const a = taskActorOf(p);
  const t = await taskOrThrow(db, a, id);
  const c = await getCustomerRowOrThrow(db, a, t.customerId);
  const today = await storeToday(db, t.storeId);
  if (body.outcome === 'appointment' && body.appointmentOn! < today)
    throw new AppError('validation_failed', {}, [
      { field: 'body.appointmentOn', code: 'in_past', message: 'Choose today or a later day' },
    ]);
  if (t.status !== 'open')
    throw new AppError('conflict', {}, [
      { field: 'body.version', code: 'task_closed', message: 'This task is already closed' },
    ]);
  if (t.version !== body.version)
    throw new AppError('conflict', {}, [
      { field: 'body.version', code: 'stale', message: 'Someone changed this task; reload it and try again' },
    ]);
  const purpose: ContactPurpose =
    body.outcome === 'issue_raised' ? 'complaint' : t.category === 'after_purchase' ? 'after_purchase' : 'care';
  return db.transaction(async (txRaw) => {
    const tx = txRaw as unknown as Db;
    let contactId: string;
    if (body.contactId) {
      const [linked] = await tx
        .select({ id: contactLog.id, taskId: contactLog.taskId })
        .from(contactLog)
        .where(and(eq(contactLog.orgId, a.orgId), eq(contactLog.id, body.contactId), eq(contactLog.customerId, c.id)));
      if (!linked || (linked.taskId && linked.taskId !== t.id))
        throw new AppError('validation_failed', {}, [
          {
            field: 'body.contactId',
            code: 'unknown_contact',
            message: 'This contact is not one of hers for this task',
          },
        ]);
      if (!linked.taskId) await tx.update(contactLog).set({ taskId: t.id }).where(eq(contactLog.id, linked.id));
      contactId = linked.id;
    } else {
      const row = await recordContact(tx, { orgId: a.orgId, userId: a.userId }, c, {
        channel: body.channel ?? CHANNEL_OF_KIND[t.kind as ContactKind] ?? 'call',
        purpose,
        outcome: CONTACT_OUTCOME_OF[body.outcome],
        note: body.note ?? null,
        taskId: t.id,
      });
      contactId = row.id;
    }
    const [done] = await tx
      .update(careTasks)
      .set({
        status: 'done',
        outcome: body.outcome,
        note: body.note?.trim() || null,
        contactId,
        completedAt: new Date(),
        completedBy: a.userId,
        version: sql`${careTasks.version} + 1`,
        updatedAt: new Date(),
      })
      .where(and(eq(careTasks.id, t.id), eq(careTasks.version, body.version), eq(careTasks.status, 'open')))
      .returning({ id: careTasks.id });
    if (!done)
      throw new AppError('conflict', {}, [
        { field: 'body.version', code: 'stale', message: 'Someone changed this task; reload it and try again' },
      ]);

    let followUpTaskId: string | null = null;
    if (body.outcome === 'appointment') {
      const key = `appointment:${t.id}`;
      const [f] = await tx
        .insert(careTasks)
        .values({
          orgId: t.orgId,
          storeId: t.storeId,
          customerId: t.customerId,
          ownerRule: t.ownerRule,
          ownerKey: key,
          kind: 'visit',
          category: t.category,
          channels: t.channels,
          assigneeRole: t.assigneeRole,
          assigneeId: a.userId ?? t.assigneeId,
          createOn: today,
          dueOn: body.appointmentOn!,
          originalDueOn: body.appointmentOn!,
          countsTowardBudget: false,
          note: body.note?.trim() || null,
        })
        .returning({ id: careTasks.id });
      followUpTaskId = f!.id;
      await tx.insert(careTaskReasons).values({
        orgId: t.orgId,
        taskId: f!.id,
        customerId: t.customerId,
        ruleId: t.ownerRule,
        occasionKey: key,
        dueOn: body.appointmentOn!,
        params: { reasonKey: 'careTasks.reasons.appointment', date: body.appointmentOn!, fromTask: t.id },
      });
    }
    let complaintId: string | null = null;
    if (body.outcome === 'issue_raised') {
      const [row] = await tx
        .insert(complaints)
        .values({
          orgId: t.orgId,
          storeId: t.storeId,
          customerId: t.customerId,
          taskId: t.id,
          summary: body.complaintSummary!.trim(),
          openedBy: a.userId!,
        })
        .returning({ id: complaints.id });
      complaintId = row!.id;
    }
    return { followUpTaskId, complaintId };
  });
}
