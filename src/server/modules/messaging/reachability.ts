// Whether and where she can be reached right now: her flags, current consents and addresses, read from
// the database and judged by domain/contacts.ts. Used at enqueue time and again at send time.
import { and, eq } from 'drizzle-orm';
import {
  channelRefusal,
  type ChannelRefusal,
  type ContactChannel,
  type ContactPurpose,
} from '../../../domain/contacts';
import type { Db } from '../../db/client';
import { customerPhones, customers } from '../../db/schema';
import { currentConsents, type CustomerRow } from '../customers/customers.mapping';

export type Addresses = { email: string | null; mobile: string | null };

export async function addressesOf(db: Db, c: CustomerRow): Promise<Addresses> {
  const phones = await db.select().from(customerPhones).where(eq(customerPhones.customerId, c.id));
  // A text goes to her mobile: the primary one, else any mobile, else the primary number.
  const mobile =
    phones.find((p) => p.isPrimary && p.label === 'mobile') ??
    phones.find((p) => p.label === 'mobile') ??
    phones.find((p) => p.isPrimary) ??
    phones[0];
  return { email: c.email?.trim() || null, mobile: mobile?.e164 ?? null };
}

/** Why she may not be contacted on this channel for this purpose now (null: she may), with her addresses. */
export async function checkReachable(
  db: Db,
  c: CustomerRow,
  channel: ContactChannel,
  purpose: ContactPurpose,
): Promise<{ refusal: ChannelRefusal | null; addresses: Addresses }> {
  const [consents, addresses] = await Promise.all([currentConsents(db, c.id), addressesOf(db, c)]);
  const refusal = channelRefusal(
    {
      isDeceased: c.isDeceased,
      doNotContact: c.doNotContact,
      isErased: Boolean(c.erasedAt) || Boolean(c.mergedIntoId),
      hasEmail: Boolean(addresses.email),
      hasPhone: Boolean(addresses.mobile),
      consents,
    },
    channel,
    purpose,
  );
  return { refusal, addresses };
}

/** Her file by id inside an organisation, merged files included (the sender must see a merge). */
export async function customerInOrg(db: Db, orgId: string, customerId: string): Promise<CustomerRow | undefined> {
  const [c] = await db
    .select()
    .from(customers)
    .where(and(eq(customers.orgId, orgId), eq(customers.id, customerId)));
  return c;
}
