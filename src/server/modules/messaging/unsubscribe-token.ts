// Unsubscribe links: a short signed token per customer, channel and purpose (plus the language the page
// should speak). 36 bytes — version, customer uuid, channel, purpose, locale, a 128-bit HMAC-SHA256 tag —
// as 48 base64url characters, short enough for the end of an SMS. The key is the organisation's, kept
// in messaging_secrets; nothing in the token is secret, but nobody can make one for another customer.
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { LOCALES, type Locale } from '../../../contracts/common';
import type { ConsentChannel, ConsentPurpose } from '../../../domain/contacts';
import type { Db } from '../../db/client';
import { messagingSecrets } from '../../db/schema';

const VERSION = 1;
const CHANNELS: readonly ConsentChannel[] = ['email', 'sms', 'phone', 'messaging', 'post'];
const PURPOSES: readonly ConsentPurpose[] = ['care', 'marketing'];
const PAYLOAD_BYTES = 1 + 16 + 3;
const TAG_BYTES = 16;
const CONTEXT = Buffer.from('keqing-unsubscribe-v1');
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export type UnsubscribeClaim = {
  customerId: string;
  channel: ConsentChannel;
  purpose: ConsentPurpose;
  locale: Locale;
};

function tag(key: Buffer, payload: Buffer): Buffer {
  return createHmac('sha256', key).update(CONTEXT).update(payload).digest().subarray(0, TAG_BYTES);
}

export function signUnsubscribeToken(key: Buffer, claim: UnsubscribeClaim): string {
  if (!UUID.test(claim.customerId)) throw new Error('customerId must be a uuid');
  const payload = Buffer.alloc(PAYLOAD_BYTES);
  payload[0] = VERSION;
  Buffer.from(claim.customerId.replace(/-/g, ''), 'hex').copy(payload, 1);
  payload[17] = CHANNELS.indexOf(claim.channel);
  payload[18] = PURPOSES.indexOf(claim.purpose);
  payload[19] = LOCALES.indexOf(claim.locale);
  if (payload[17] === 255 || payload[18] === 255 || payload[19] === 255)
    throw new Error('unknown channel/purpose/locale');
  return Buffer.concat([payload, tag(key, payload)]).toString('base64url');
}

/** The claim a token makes, before checking it (to find whose key signs it); null when malformed. */
export function parseUnsubscribeToken(token: string): { claim: UnsubscribeClaim; payload: Buffer; tag: Buffer } | null {
  if (!/^[A-Za-z0-9_-]{48}$/.test(token)) return null;
  const raw = Buffer.from(token, 'base64url');
  if (raw.length !== PAYLOAD_BYTES + TAG_BYTES || raw[0] !== VERSION) return null;
  const channel = CHANNELS[raw[17]!];
  const purpose = PURPOSES[raw[18]!];
  const locale = LOCALES[raw[19]!];
  if (!channel || !purpose || !locale) return null;
  const hex = raw.subarray(1, 17).toString('hex');
  const customerId = `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
  return {
    claim: { customerId, channel, purpose, locale },
    payload: raw.subarray(0, PAYLOAD_BYTES),
    tag: raw.subarray(PAYLOAD_BYTES),
  };
}

/** The claim if `key` signed this token, else null (constant-time comparison). */
export function verifyUnsubscribeToken(key: Buffer, token: string): UnsubscribeClaim | null {
  const parsed = parseUnsubscribeToken(token);
  if (!parsed) return null;
  return timingSafeEqual(tag(key, parsed.payload), parsed.tag) ? parsed.claim : null;
}

const keys = new Map<string, Buffer>();

/** The organisation's signing key, created on first use (every instance then reads the same row). */
export async function unsubscribeKey(db: Db, orgId: string): Promise<Buffer> {
  const cached = keys.get(orgId);
  if (cached) return cached;
  await db
    .insert(messagingSecrets)
    .values({ orgId, unsubscribeKey: randomBytes(32).toString('base64url') })
    .onConflictDoNothing();
  const [row] = await db.select().from(messagingSecrets).where(eq(messagingSecrets.orgId, orgId));
  if (!row) throw new Error('messaging secret missing after insert');
  const key = Buffer.from(row.unsubscribeKey, 'base64url');
  keys.set(orgId, key);
  return key;
}
