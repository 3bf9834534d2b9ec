// Her rights reach the care work: on erasure her open tasks are cancelled (nobody is asked to call an
// anonymous file), what guides noted on her tasks and complaints is blanked, and her tags are removed;
// the rows stay, anonymous, so the staff statistics and the run counts keep their totals. For her right
// of access, her tasks and complaints as stored.
import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { careTasks, complaints, customerTagAssignments } from '../../db/schema';

export async function eraseCareData(tx: Db, customerId: string): Promise<void> {
  await tx
    .update(careTasks)
    .set({
      status: sql`case when ${careTasks.status} = 'open' then 'cancelled' else ${careTasks.status} end`,
      note: null,
      updatedAt: new Date(),
      version: sql`${careTasks.version} + 1`,
    })
    .where(eq(careTasks.customerId, customerId));
  await tx.update(complaints).set({ summary: '—' }).where(eq(complaints.customerId, customerId));
  await tx.delete(customerTagAssignments).where(eq(customerTagAssignments.customerId, customerId));
}

export async function careDataOf(db: Db, orgId: string, customerId: string) {
  const [tasks, raised] = await Promise.all([
    db
      .select({
        rule: careTasks.ownerRule,
        kind: careTasks.kind,
        dueOn: careTasks.dueOn,
        status: careTasks.status,
        outcome: careTasks.outcome,
        note: careTasks.note,
        completedAt: careTasks.completedAt,
      })
      .from(careTasks)
      .where(and(eq(careTasks.orgId, orgId), eq(careTasks.customerId, customerId))),
    db
      .select({ summary: complaints.summary, status: complaints.status, at: complaints.createdAt })
      .from(complaints)
      .where(and(eq(complaints.orgId, orgId), eq(complaints.customerId, customerId))),
  ]);
  return { careTasks: tasks, complaints: raised };
}
