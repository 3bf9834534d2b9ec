// The customer's rights and our duties: reveal a contact (audited), export everything we hold,
// erase on request (anonymise; sales stay aggregated), flags, consent.
import { careDataOf, eraseCareData } from '../care/erasure';
import { and, eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { consentInputSchema } from '../../../contracts/customers';
import type { Db } from '../../db/client';
import {
  customerConsents,
  customerCustomValues,
  customerFieldHistory,
  customerNotes,
  customerPhones,
  customers,
} from '../../db/schema';
import { AppError, notFound } from '../../errors';
import { currentConsents, customValuesOf, type CustomerRow } from './customers.mapping';
import { findHistory } from './customers.queries';
import type { Actor } from './customers.service';
import { writeSearchKeys } from './search-index';
import { eraseMessagingData, messagingDataOf } from '../messaging/erasure';
import { eraseRepairPhotos, repairPhotosOfCustomer } from '../after-sales/repair-photos';

export async function revealContact(
  db: Db,
  c: CustomerRow,
  field: 'phone' | 'email',
  phoneId?: string,
): Promise<string> {
  if (c.erasedAt) throw new AppError('customer_erased');
  if (field === 'email') {
    if (!c.email) throw notFound();
    return c.email;
  }
  const phones = await db.select().from(customerPhones).where(eq(customerPhones.customerId, c.id));
  const phone = phoneId ? phones.find((p) => p.id === phoneId) : (phones.find((p) => p.isPrimary) ?? phones[0]);
  if (!phone) throw notFound();
  return phone.e164;
}

export async function recordConsent(
  db: Db,
  actor: Actor,
  customerId: string,
  input: z.infer<typeof consentInputSchema>,
) {
  await db.insert(customerConsents).values({
    orgId: actor.orgId,
    customerId,
    channel: input.channel,
    purpose: input.purpose,
    granted: input.granted,
    method: input.method,
    note: input.note ?? null,
    recordedBy: actor.userId,
  });
}

export async function setFlags(
  db: Db,
  actor: Actor,
  c: CustomerRow,
  flags: { isDeceased?: boolean; doNotContact?: boolean },
) {
  const changes = Object.entries(flags)
    .filter(([k, v]) => v !== undefined && c[k as 'isDeceased' | 'doNotContact'] !== v)
    .map(([k, v]) => ({
      orgId: actor.orgId,
      customerId: c.id,
      field: k,
      oldValue: c[k as 'isDeceased' | 'doNotContact'],
      newValue: v,
      changedBy: actor.userId,
      source: 'ui',
    }));
  await db
    .update(customers)
    .set({ ...flags, version: sql`${customers.version} + 1`, updatedAt: new Date() })
    .where(eq(customers.id, c.id));
  if (changes.length) await db.insert(customerFieldHistory).values(changes);
}

export async function addNote(db: Db, actor: Actor, c: CustomerRow, body: string, kind = 'note') {
  const [n] = await db
    .insert(customerNotes)
    .values({ orgId: actor.orgId, customerId: c.id, storeId: c.storeId, authorId: actor.userId, kind, body })
    .returning();
  return n!;
}

/** Everything we hold about her, as one JSON document (her right of access). */
export async function exportCustomerData(db: Db, c: CustomerRow) {
  const [phones, consents, consentHistory, custom, notes, history, messaging, repairPhotos, care] = await Promise.all([
    db.select().from(customerPhones).where(eq(customerPhones.customerId, c.id)),
    currentConsents(db, c.id),
    db.select().from(customerConsents).where(eq(customerConsents.customerId, c.id)),
    customValuesOf(db, c.id),
    db.select().from(customerNotes).where(eq(customerNotes.customerId, c.id)),
    findHistory(db, c.id),
    messagingDataOf(db, c.id),
    repairPhotosOfCustomer(db, c.id),
    careDataOf(db, c.orgId, c.id),
  ]);
  return {
    exportedAt: new Date().toISOString(),
    customer: {
      ...c,
      lunarBirthday: c.lunarBirthMonth
        ? { month: c.lunarBirthMonth, day: c.lunarBirthDay, isLeapMonth: c.lunarBirthLeap, year: c.lunarBirthYear }
        : null,
    },
    phones: phones.map((p) => ({ number: p.e164, label: p.label, isPrimary: p.isPrimary, addedAt: p.createdAt })),
    consents,
    consentHistory: consentHistory.map((k) => ({
      channel: k.channel,
      purpose: k.purpose,
      granted: k.granted,
      method: k.method,
      note: k.note,
      recordedAt: k.recordedAt,
    })),
    customAnswers: custom,
    notes: notes.map((n) => ({ kind: n.kind, body: n.body, at: n.createdAt })),
    changeHistory: history,
    contacts: messaging.contacts,
    messages: messaging.messages,
    repairPhotos,
    careTasks: care.careTasks,
    complaints: care.complaints,
  };
}

export const ERASED_NAME = '—';

/**
 * Erasure on request: every personal value is removed or overwritten; the row stays (anonymous) so
 * purchases and statistics keep their totals. Consent rows stay as proof, without notes.
 */
export async function eraseCustomer(db: Db, actor: Actor, c: CustomerRow) {
  if (c.erasedAt) throw new AppError('customer_erased');
  await db.transaction(async (txRaw) => {
    const tx = txRaw as unknown as Db;
    await tx.delete(customerPhones).where(eq(customerPhones.customerId, c.id));
    await tx.delete(customerCustomValues).where(eq(customerCustomValues.customerId, c.id));
    await tx.update(customerNotes).set({ body: '' }).where(eq(customerNotes.customerId, c.id));
    await tx
      .update(customerFieldHistory)
      .set({ oldValue: null, newValue: null })
      .where(eq(customerFieldHistory.customerId, c.id));
    await tx.update(customerConsents).set({ note: null }).where(eq(customerConsents.customerId, c.id));
    await eraseMessagingData(tx, c.id);
    await eraseRepairPhotos(tx, c.id);
    await eraseCareData(tx, c.id);
    await writeSearchKeys(tx, actor.orgId, c.id, c.storeId, null);
    await tx
      .update(customers)
      .set({
        memberNo: null,
        familyName: ERASED_NAME,
        givenName: null,
        displayName: ERASED_NAME,
        reading: null,
        gender: null,
        language: null,
        ethnicity: null,
        birthday: null,
        lunarBirthMonth: null,
        lunarBirthDay: null,
        lunarBirthLeap: false,
        lunarBirthYear: null,
        ageBand: null,
        email: null,
        addresses: [],
        profile: {},
        completeness: 0,
        doNotContact: true,
        erasedAt: new Date(),
        version: sql`${customers.version} + 1`,
        updatedAt: new Date(),
      })
      .where(and(eq(customers.id, c.id), eq(customers.orgId, actor.orgId)));
    await tx
      .insert(customerFieldHistory)
      .values({ orgId: actor.orgId, customerId: c.id, field: 'erased', changedBy: actor.userId, source: 'erasure' });
  });
}
