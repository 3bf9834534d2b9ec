// What messaging adds to her timeline (customers.queries.ts findTimeline): every contact, and the
// outbox messages that have not become one (queued, being sent, failed, cancelled).
import { desc, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { contactLog, outbox, users } from '../../db/schema';

export type MessagingTimelineItem = {
  id: string;
  at: string;
  kind: 'contact' | 'message';
  actorName: string | null;
  text: string | null;
  field: null;
  details: Record<string, unknown>;
};

const excerpt = (s: string, n = 280) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

export async function messagingTimelineItems(
  db: Db,
  customerId: string,
  limit: number,
): Promise<MessagingTimelineItem[]> {
  const [contacts, messages] = await Promise.all([
    db
      .select({ c: contactLog, by: users.displayName })
      .from(contactLog)
      .leftJoin(users, eq(users.id, contactLog.userId))
      .where(eq(contactLog.customerId, customerId))
      .orderBy(desc(contactLog.contactedAt))
      .limit(limit),
    db
      .select({ m: outbox, by: users.displayName })
      .from(outbox)
      .leftJoin(users, eq(users.id, outbox.createdBy))
      .where(sql`${outbox.customerId} = ${customerId} and ${outbox.status} <> 'sent'`)
      .orderBy(desc(outbox.createdAt))
      .limit(limit),
  ]);
  return [
    ...contacts.map(({ c, by }) => ({
      id: c.id,
      at: c.contactedAt.toISOString(),
      kind: 'contact' as const,
      actorName: by ?? null,
      text: c.note,
      field: null,
      details: {
        channel: c.channel,
        purpose: c.purpose,
        outcome: c.outcome,
        messageText: c.messageText ? excerpt(c.messageText) : null,
        // Sent by the outbox for nobody in particular (the care engine); a guide's e-mail names her.
        automatic: c.outboxMessageId !== null && c.userId === null,
        taskId: c.taskId,
      },
    })),
    ...messages.map(({ m, by }) => ({
      id: m.id,
      at: m.createdAt.toISOString(),
      kind: 'message' as const,
      actorName: by ?? null,
      text: m.subject,
      field: null,
      details: {
        channel: m.channel,
        purpose: m.purpose,
        status: m.status,
        cancelReason: m.cancelReason,
        notBefore: m.notBefore.toISOString(),
        messageText: excerpt(m.body),
      },
    })),
  ];
}
