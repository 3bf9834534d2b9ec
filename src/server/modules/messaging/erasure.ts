// Her right to erasure reaches the contact log and the outbox: what we said and noted is blanked, the
// rows stay (anonymous) so the staff statistics keep their counts; nothing queued is sent any more.
import { eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { contactLog, outbox } from '../../db/schema';

export async function eraseMessagingData(tx: Db, customerId: string): Promise<void> {
  await tx.update(contactLog).set({ note: null, messageText: null }).where(eq(contactLog.customerId, customerId));
  await tx
    .update(outbox)
    .set({
      status: sql`case when ${outbox.status} = 'queued' then 'cancelled' else ${outbox.status} end`,
      cancelReason: sql`case when ${outbox.status} = 'queued' then 'not_contactable' else ${outbox.cancelReason} end`,
      subject: null,
      body: '',
      updatedAt: new Date(),
    })
    .where(eq(outbox.customerId, customerId));
}

/** For her right of access: her contacts and messages, as stored. */
export async function messagingDataOf(db: Db, customerId: string) {
  const [contacts, messages] = await Promise.all([
    db.select().from(contactLog).where(eq(contactLog.customerId, customerId)),
    db.select().from(outbox).where(eq(outbox.customerId, customerId)),
  ]);
  return {
    contacts: contacts.map((c) => ({
      at: c.contactedAt,
      channel: c.channel,
      purpose: c.purpose,
      outcome: c.outcome,
      note: c.note,
      messageText: c.messageText,
    })),
    messages: messages.map((m) => ({
      createdAt: m.createdAt,
      channel: m.channel,
      purpose: m.purpose,
      subject: m.subject,
      body: m.body,
      status: m.status,
      sentAt: m.sentAt,
    })),
  };
}
