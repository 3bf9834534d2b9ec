// The customer's side of an unsubscribe link: whose link it is (checked against her organisation's
// key), the opt-out as a new customer_consents row (append-only, method 'unsubscribe_link'), audited,
// and a greeting — the only thing the page says about her.
import { eq } from 'drizzle-orm';
import type { Locale } from '../../../contracts/common';
import { appText } from '../../../i18n/server';
import type { Db } from '../../db/client';
import { customerConsents, customers } from '../../db/schema';
import { recordAudit } from '../audit/audit.service';
import { currentConsents, type CustomerRow } from '../customers/customers.mapping';
import {
  parseUnsubscribeToken,
  unsubscribeKey,
  verifyUnsubscribeToken,
  type UnsubscribeClaim,
} from './unsubscribe-token';

export type ResolvedLink = { claim: UnsubscribeClaim; customer: CustomerRow };

export async function resolveUnsubscribeLink(db: Db, token: string): Promise<ResolvedLink | null> {
  const parsed = parseUnsubscribeToken(token);
  if (!parsed) return null;
  const [customer] = await db.select().from(customers).where(eq(customers.id, parsed.claim.customerId));
  if (!customer) return null;
  const claim = verifyUnsubscribeToken(await unsubscribeKey(db, customer.orgId), token);
  if (!claim) return null;
  // A link in an old e-mail still works after her two files were merged: it opts out the survivor.
  let current = customer;
  for (let hops = 0; current.mergedIntoId && hops < 5; hops++) {
    const [next] = await db.select().from(customers).where(eq(customers.id, current.mergedIntoId));
    if (!next) break;
    current = next;
  }
  return { claim, customer: current };
}

/** How the page greets her: family name and honorific where the language has one; nothing more. */
export function greetingFor(c: CustomerRow, locale: Locale): string {
  if (c.erasedAt) return appText(locale, 'messaging.unsubscribe.greeting.anonymous');
  const kind = c.gender === 'female' ? 'female' : c.gender === 'male' ? 'male' : 'neutral';
  return appText(locale, `messaging.unsubscribe.greeting.${kind}`, {
    family: c.familyName,
    name: c.displayName,
  });
}

/**
 * Records the opt-out once: a repeated click (or a mail client's one-click POST after the page's) adds
 * no second row. The answer is the same either way, so the page never tells what she had agreed to.
 */
export async function recordOptOut(
  db: Db,
  link: ResolvedLink,
  request: { ip: string; requestId: string; oneClick: boolean },
): Promise<void> {
  const { claim, customer } = link;
  const current = (await currentConsents(db, customer.id)).find(
    (k) => k.channel === claim.channel && k.purpose === claim.purpose,
  );
  if (current && !current.granted) return;
  await db.insert(customerConsents).values({
    orgId: customer.orgId,
    customerId: customer.id,
    channel: claim.channel,
    purpose: claim.purpose,
    granted: false,
    method: 'unsubscribe_link',
  });
  await recordAudit(db, {
    orgId: customer.orgId,
    action: 'customer.unsubscribed',
    entityType: 'customer',
    entityId: customer.id,
    storeId: customer.storeId,
    details: { channel: claim.channel, purpose: claim.purpose, method: 'unsubscribe_link', oneClick: request.oneClick },
    ip: request.ip,
    requestId: request.requestId,
  });
}
