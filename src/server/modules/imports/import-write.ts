// Applying planned rows, one transaction per batch, with multi-row inserts: the same rows, history,
// search keys, consents and completeness score that createCustomer / updateCustomer write one by one.
import { inArray } from 'drizzle-orm';
import type { Profile } from '../../../contracts/customers';
import type { RejectedRow } from '../../../contracts/imports';
import type { Db } from '../../db/client';
import { customerConsents, customerFieldHistory, customerPhones, customers, customerSearchKeys } from '../../db/schema';
import { profileCompleteness } from '../customers/completeness';
import { displayNameOf, type CustomerRow } from '../customers/customers.mapping';
import type { Actor } from '../customers/customers.service';
import { autoReading } from '../customers/reading';
import { searchKeysOf } from '../customers/search-index';
import { bulkInsert, bulkUpdateVersioned } from './bulk-sql';
import { consentsForNew, type ConsentWrite } from './import-diff';
import type { PlannedCreate, PlannedUpdate } from './import-plan';

export type WriteContext = { actor: Actor; storeId: string; localeOf: (storeId: string) => string };

const CUSTOMER_KEYS = [
  'id',
  'orgId',
  'storeId',
  'memberNo',
  'familyName',
  'givenName',
  'displayName',
  'reading',
  'gender',
  'language',
  'birthday',
  'lunarBirthMonth',
  'lunarBirthDay',
  'lunarBirthLeap',
  'lunarBirthYear',
  'email',
  'addresses',
  'source',
  'referredById',
  'profile',
  'completeness',
  'createdBy',
] as const;
const PHONE_KEYS = ['orgId', 'customerId', 'e164', 'label', 'reversedDigits', 'isPrimary'] as const;
const HISTORY_KEYS = ['orgId', 'customerId', 'field', 'oldValue', 'newValue', 'changedBy', 'source'] as const;
const CONSENT_KEYS = ['orgId', 'customerId', 'channel', 'purpose', 'granted', 'method', 'recordedBy'] as const;
const SEARCH_KEY_KEYS = ['orgId', 'customerId', 'storeId', 'key', 'rank'] as const;

const hasCare = (consents: Array<Pick<ConsentWrite, 'purpose' | 'granted'>>) =>
  consents.some((k) => k.purpose === 'care' && k.granted);

function newRow(p: PlannedCreate, ctx: WriteContext): typeof customers.$inferInsert {
  const c = p.candidate;
  const locale = ctx.localeOf(ctx.storeId);
  const row = {
    id: p.id,
    orgId: ctx.actor.orgId,
    storeId: ctx.storeId,
    memberNo: c.memberNo,
    familyName: c.familyName,
    givenName: c.givenName,
    displayName: displayNameOf(c.familyName, c.givenName, locale, c.reading),
    reading: c.reading ?? autoReading(c.familyName, c.givenName, locale),
    gender: c.gender,
    language: c.language,
    birthday: c.birthday,
    lunarBirthMonth: c.lunarBirthday?.month ?? null,
    lunarBirthDay: c.lunarBirthday?.day ?? null,
    lunarBirthLeap: c.lunarBirthday?.isLeapMonth ?? false,
    lunarBirthYear: c.lunarBirthday?.year ?? null,
    email: c.email,
    addresses: c.address ? [{ text: c.address.text, postalCode: c.address.postalCode }] : [],
    source: p.referredById ? 'referral' : 'import',
    referredById: p.referredById,
    profile: c.profile as Record<string, unknown>,
    createdBy: ctx.actor.userId,
  } satisfies typeof customers.$inferInsert;
  const score = profileCompleteness(
    { ...row, ethnicity: null, ageBand: null },
    c.phones.length,
    c.profile as Profile,
    0,
    hasCare(consentsForNew(c)),
  ).completeness;
  return { ...row, completeness: score };
}

const UPDATE_KEYS = [
  'memberNo',
  'familyName',
  'givenName',
  'displayName',
  'reading',
  'gender',
  'language',
  'birthday',
  'lunarBirthMonth',
  'lunarBirthDay',
  'lunarBirthLeap',
  'lunarBirthYear',
  'email',
  'addresses',
  'referredById',
  'profile',
  'completeness',
] as const;

// The row as it will be after the update, with its display name and completeness score recomputed.
function afterState(u: PlannedUpdate, ctx: WriteContext): CustomerRow {
  const before = u.existing.row;
  const after = { ...before, ...u.patch.columns, profile: u.patch.profile ?? before.profile } as CustomerRow;
  const care =
    [...u.existing.consents].some(([key, granted]) => key.endsWith(':care') && granted) || hasCare(u.patch.consents);
  after.displayName = displayNameOf(after.familyName, after.givenName, ctx.localeOf(before.storeId), after.reading);
  after.completeness = profileCompleteness(
    after,
    u.existing.phones.length + u.patch.addPhones.length,
    after.profile as Profile,
    u.existing.customCount,
    care,
  ).completeness;
  return after;
}

/** Writes one batch. Returns rows refused because someone changed the customer since the file was read. */
export async function writeBatch(
  db: Db,
  ctx: WriteContext,
  creates: PlannedCreate[],
  updates: PlannedUpdate[],
): Promise<RejectedRow[]> {
  const { actor } = ctx;
  const orgId = actor.orgId;
  const conflicts: RejectedRow[] = [];
  await db.transaction(async (txRaw) => {
    const tx = txRaw as unknown as Db;
    const phones: Array<typeof customerPhones.$inferInsert> = [];
    const history: Array<typeof customerFieldHistory.$inferInsert> = [];
    const consents: Array<typeof customerConsents.$inferInsert> = [];
    const keys: Array<typeof customerSearchKeys.$inferInsert> = [];
    const addKeys = (id: string, storeId: string, c: Parameters<typeof searchKeysOf>[0]) => {
      for (const k of searchKeysOf(c)) keys.push({ orgId, customerId: id, storeId, ...k });
    };
    const addConsents = (customerId: string, list: ConsentWrite[]) => {
      for (const k of list)
        consents.push({
          orgId,
          customerId,
          channel: k.channel,
          purpose: k.purpose,
          granted: k.granted,
          method: 'import',
          recordedBy: actor.userId,
        });
    };

    const rows = creates.map((p) => newRow(p, ctx));
    await bulkInsert(tx, customers, CUSTOMER_KEYS, rows);
    creates.forEach((p, i) => {
      const row = rows[i]!;
      p.candidate.phones.forEach((ph, j) =>
        phones.push({
          orgId,
          customerId: p.id,
          e164: ph.e164,
          label: ph.label,
          reversedDigits: ph.reversedDigits,
          isPrimary: j === 0,
        }),
      );
      history.push({
        orgId,
        customerId: p.id,
        field: 'created',
        oldValue: null,
        newValue: { source: 'import' },
        changedBy: actor.userId,
        source: 'import',
      });
      addConsents(p.id, consentsForNew(p.candidate));
      addKeys(p.id, ctx.storeId, {
        familyName: row.familyName,
        givenName: row.givenName ?? null,
        reading: row.reading ?? null,
        memberNo: row.memberNo ?? null,
        email: row.email ?? null,
      });
    });

    // Updates: the whole new state of each row in one statement; a row whose version moved since the
    // file was read (someone edited her meanwhile) is left alone and reported.
    const afterOf = new Map(updates.map((u) => [u.id, afterState(u, ctx)]));
    const done = new Set(await bulkUpdateVersioned(tx, customers, UPDATE_KEYS, [...afterOf.values()]));
    const updated = updates.filter((u) => done.has(u.id));
    for (const u of updates)
      if (!done.has(u.id))
        conflicts.push({
          line: u.candidate.line,
          field: 'row',
          message: 'Someone changed this customer during the import; import the file again',
          code: 'changed_meanwhile',
        });
    for (const u of updated) {
      const after = afterOf.get(u.id)!;
      u.patch.addPhones.forEach((ph, j) =>
        phones.push({
          orgId,
          customerId: u.id,
          e164: ph.e164,
          label: ph.label,
          reversedDigits: ph.reversedDigits,
          isPrimary: u.existing.phones.length === 0 && j === 0,
        }),
      );
      for (const ch of u.patch.changes)
        history.push({
          orgId,
          customerId: u.id,
          field: ch.field,
          oldValue: ch.oldValue,
          newValue: ch.newValue,
          changedBy: actor.userId,
          source: 'import',
        });
      addConsents(u.id, u.patch.consents);
      addKeys(u.id, after.storeId, after);
    }
    if (updated.length)
      await tx.delete(customerSearchKeys).where(
        inArray(
          customerSearchKeys.customerId,
          updated.map((u) => u.id),
        ),
      );
    await bulkInsert(tx, customerPhones, PHONE_KEYS, phones);
    await bulkInsert(tx, customerFieldHistory, HISTORY_KEYS, history);
    await bulkInsert(tx, customerConsents, CONSENT_KEYS, consents);
    await bulkInsert(tx, customerSearchKeys, SEARCH_KEY_KEYS, keys);
  });
  return conflicts;
}
