// Creating, reading and changing a customer file. Every change is dated and attributed in
// customer_field_history (seed 004's "dynamic" principle) and every act is audited.
import { and, eq, isNull, sql } from 'drizzle-orm';
import type { CreateCustomerInput, Profile, UpdateCustomerInput } from '../../../contracts/customers';
import type { ProblemField } from '../../../contracts/errors';
import { normalizeMemberNo } from '../../../domain/search-keys';
import { autoReading } from './reading';
import type { Db } from '../../db/client';
import {
  customerConsents,
  customerCustomValues,
  customerFieldHistory,
  customerPhones,
  customers,
  stores,
  users,
} from '../../db/schema';
import { AppError, notFound } from '../../errors';
import type { Principal } from '../../plugins/auth';
import { profileCompleteness } from './completeness';
import { diffFields, normalizePhones, resolveCustomAnswers, type NormalizedPhoneInput } from './customers.input';
import { displayNameOf, type CustomerRow } from './customers.mapping';
import { findDuplicates } from './customers.queries';
import { writeSearchKeys } from './search-index';

export type ChangeSource = 'ui' | 'api' | 'import' | 'merge' | 'erasure';
export type Actor = { principal: Principal | null; userId: string | null; orgId: string; storeIds: string[] };

export function actorOf(p: Principal): Actor {
  return { principal: p, userId: p.kind === 'user' ? p.userId : null, orgId: p.orgId, storeIds: p.storeIds };
}

export async function getCustomerRowOrThrow(
  db: Db,
  actor: Pick<Actor, 'orgId' | 'storeIds'>,
  id: string,
): Promise<CustomerRow> {
  const [c] = await db
    .select()
    .from(customers)
    .where(and(eq(customers.orgId, actor.orgId), eq(customers.id, id), isNull(customers.mergedIntoId)));
  // Another store's customer is "not found", not "forbidden": staff must not learn she exists.
  if (!c || !actor.storeIds.includes(c.storeId)) throw notFound();
  return c;
}

async function storeOrThrow(db: Db, actor: Actor, storeId: string, field = 'body.storeId') {
  const [s] = await db
    .select()
    .from(stores)
    .where(and(eq(stores.orgId, actor.orgId), eq(stores.id, storeId)));
  if (!s || !actor.storeIds.includes(storeId))
    throw new AppError('validation_failed', {}, [{ field, code: 'unknown_store', message: 'Unknown store' }]);
  return s;
}

async function checkRefs(
  db: Db,
  actor: Actor,
  input: { ownerUserId?: string | null; referredById?: string | null },
  selfId?: string,
) {
  const errors: ProblemField[] = [];
  if (input.ownerUserId) {
    const [u] = await db
      .select({ id: users.id, isActive: users.isActive })
      .from(users)
      .where(and(eq(users.orgId, actor.orgId), eq(users.id, input.ownerUserId)));
    if (!u || !u.isActive)
      errors.push({ field: 'body.ownerUserId', code: 'unknown_user', message: 'No active staff member with this id' });
  }
  if (input.referredById) {
    const [r] = await db
      .select({ id: customers.id })
      .from(customers)
      .where(and(eq(customers.orgId, actor.orgId), eq(customers.id, input.referredById)));
    if (!r || input.referredById === selfId)
      errors.push({ field: 'body.referredById', code: 'unknown_customer', message: 'No such customer' });
  }
  if (errors.length) throw new AppError('validation_failed', {}, errors);
}

async function memberNoTaken(db: Db, orgId: string, memberNo: string, exceptId?: string) {
  const [c] = await db
    .select({ id: customers.id })
    .from(customers)
    .where(and(eq(customers.orgId, orgId), eq(customers.memberNo, memberNo)));
  return c !== undefined && c.id !== exceptId;
}

async function recordHistory(
  db: Db,
  orgId: string,
  customerId: string,
  changes: Array<{ field: string; oldValue: unknown; newValue: unknown }>,
  actor: Actor,
  source: ChangeSource,
) {
  if (!changes.length) return;
  await db.insert(customerFieldHistory).values(
    changes.map((c) => ({
      orgId,
      customerId,
      field: c.field,
      oldValue: c.oldValue as object,
      newValue: c.newValue as object,
      changedBy: actor.userId,
      source,
    })),
  );
}

async function replacePhones(db: Db, orgId: string, customerId: string, phones: NormalizedPhoneInput[]) {
  await db.delete(customerPhones).where(eq(customerPhones.customerId, customerId));
  if (phones.length) {
    await db.insert(customerPhones).values(
      phones.map((p, i) => ({
        orgId,
        customerId,
        e164: p.e164,
        label: p.label,
        reversedDigits: p.reversedDigits,
        isPrimary: i === 0,
      })),
    );
  }
}

async function writeCustomAnswers(
  db: Db,
  actor: Actor,
  customerId: string,
  custom: Record<string, unknown>,
  source: ChangeSource,
) {
  const answers = await resolveCustomAnswers(db, actor.orgId, custom);
  const existing = await db.select().from(customerCustomValues).where(eq(customerCustomValues.customerId, customerId));
  const old = new Map(existing.map((e) => [e.fieldId, e.value]));
  const changes: Array<{ field: string; oldValue: unknown; newValue: unknown }> = [];
  // A retired question keeps its answers as they are: they may be removed, not changed or newly given.
  const frozen = answers.filter(
    ({ field, value }) =>
      !field.isActive && value !== null && JSON.stringify(old.get(field.id) ?? null) !== JSON.stringify(value),
  );
  if (frozen.length)
    throw new AppError(
      'validation_failed',
      {},
      frozen.map(({ field }) => ({
        field: `body.custom.${field.key}`,
        code: 'retired',
        message: 'This question has been retired',
      })),
    );
  for (const { field, value } of answers) {
    const before = old.get(field.id) ?? null;
    if (JSON.stringify(before) === JSON.stringify(value)) continue;
    changes.push({ field: `custom.${field.key}`, oldValue: before, newValue: value });
    await db
      .delete(customerCustomValues)
      .where(and(eq(customerCustomValues.customerId, customerId), eq(customerCustomValues.fieldId, field.id)));
    if (value !== null)
      await db
        .insert(customerCustomValues)
        .values({ orgId: actor.orgId, customerId, fieldId: field.id, value: value as object, updatedBy: actor.userId });
  }
  await recordHistory(db, actor.orgId, customerId, changes, actor, source);
}

/** Recomputes the stored completeness score (shown in lists and used for the file-quality contest). */
export async function refreshCompleteness(db: Db, c: CustomerRow) {
  const [{ phones = 0, custom = 0, care = false } = {}] = (
    (await db.execute(sql`
    select (select count(*)::int from customer_phones where customer_id = ${c.id}) as phones,
           (select count(*)::int from customer_custom_values where customer_id = ${c.id}) as custom,
           exists (select 1 from customer_consents k where k.customer_id = ${c.id} and k.purpose = 'care' and k.granted
                   and not exists (select 1 from customer_consents k2 where k2.customer_id = k.customer_id and k2.channel = k.channel
                                   and k2.purpose = k.purpose and k2.recorded_at > k.recorded_at)) as care`)) as unknown as {
      rows: Array<{ phones: number; custom: number; care: boolean }>;
    }
  ).rows;
  const score = profileCompleteness(c, phones, (c.profile ?? {}) as Profile, custom, care).completeness;
  if (score !== c.completeness) await db.update(customers).set({ completeness: score }).where(eq(customers.id, c.id));
}

function lunarColumns(l: CreateCustomerInput['lunarBirthday']) {
  return l
    ? { lunarBirthMonth: l.month, lunarBirthDay: l.day, lunarBirthLeap: l.isLeapMonth, lunarBirthYear: l.year ?? null }
    : { lunarBirthMonth: null, lunarBirthDay: null, lunarBirthLeap: false, lunarBirthYear: null };
}

export async function createCustomer(
  db: Db,
  actor: Actor,
  input: CreateCustomerInput,
  source: ChangeSource = 'ui',
): Promise<CustomerRow> {
  const store = await storeOrThrow(db, actor, input.storeId);
  const { phones, errors } = normalizePhones(input.phones ?? [], store.country);
  if (errors.length) throw new AppError('validation_failed', {}, errors);
  const memberNo = input.memberNo ? normalizeMemberNo(input.memberNo) : null;
  if (memberNo && (await memberNoTaken(db, actor.orgId, memberNo))) {
    throw new AppError('member_no_taken', { memberNo }, [
      { field: 'body.memberNo', code: 'taken', message: 'Already used by another customer' },
    ]);
  }
  await checkRefs(db, actor, input);
  if (!input.allowDuplicate) {
    const dups = await findDuplicates(db, actor, {
      e164s: phones.map((p) => p.e164),
      email: input.email ?? null,
      memberNo,
    });
    if (dups.length)
      throw new AppError(
        'possible_duplicate',
        { count: dups.length },
        dups.map((d) => ({ field: 'body', code: 'duplicate', message: d.id })),
      );
  }
  const familyName = input.familyName.trim();
  const givenName = input.givenName?.trim() || null;
  const reading = input.reading?.trim() || autoReading(familyName, givenName, store.locale);
  const ownerUserId =
    input.ownerUserId ?? (actor.principal?.kind === 'user' && actor.principal.role === 'staff' ? actor.userId : null);
  return db.transaction(async (txRaw) => {
    const tx = txRaw as unknown as Db;
    const [c] = await tx
      .insert(customers)
      .values({
        orgId: actor.orgId,
        storeId: store.id,
        memberNo,
        familyName,
        givenName,
        displayName: displayNameOf(familyName, givenName, store.locale, reading),
        reading,
        gender: input.gender ?? null,
        language: input.language ?? null,
        ethnicity: input.ethnicity ?? null,
        birthday: input.birthday ?? null,
        ...lunarColumns(input.lunarBirthday),
        ageBand: input.ageBand ?? null,
        email: input.email?.trim() ?? null,
        addresses: input.addresses ?? [],
        source: input.source ?? (input.referredById ? 'referral' : source === 'import' ? 'import' : 'walk_in'),
        referredById: input.referredById ?? null,
        ownerUserId,
        profile: (input.profile ?? {}) as Record<string, unknown>,
        createdBy: actor.userId,
      })
      .returning();
    const row = c!;
    await replacePhones(tx, actor.orgId, row.id, phones);
    if (input.custom) await writeCustomAnswers(tx, actor, row.id, input.custom, source);
    if (input.consents?.length) {
      await tx.insert(customerConsents).values(
        input.consents.map((k) => ({
          orgId: actor.orgId,
          customerId: row.id,
          channel: k.channel,
          purpose: k.purpose,
          granted: k.granted,
          method: source === 'import' ? 'import' : k.method,
          note: k.note ?? null,
          recordedBy: actor.userId,
        })),
      );
    }
    await recordHistory(
      tx,
      actor.orgId,
      row.id,
      [{ field: 'created', oldValue: null, newValue: { source } }],
      actor,
      source,
    );
    await writeSearchKeys(tx, actor.orgId, row.id, row.storeId, row);
    await refreshCompleteness(tx, row);
    return row;
  });
}

const COLUMN_FIELDS = [
  'memberNo',
  'familyName',
  'givenName',
  'reading',
  'gender',
  'language',
  'ethnicity',
  'birthday',
  'ageBand',
  'email',
  'addresses',
  'source',
  'referredById',
  'ownerUserId',
  'storeId',
] as const;

export async function updateCustomer(
  db: Db,
  actor: Actor,
  id: string,
  input: UpdateCustomerInput,
  source: ChangeSource = 'ui',
): Promise<CustomerRow> {
  const before = await getCustomerRowOrThrow(db, actor, id);
  if (before.erasedAt) throw new AppError('customer_erased');
  if (input.version !== undefined && input.version !== before.version) throw new AppError('conflict');
  const store = await storeOrThrow(db, actor, input.storeId ?? before.storeId);
  const normalized = input.phones ? normalizePhones(input.phones, store.country) : null;
  if (normalized?.errors.length) throw new AppError('validation_failed', {}, normalized.errors);
  const memberNo = input.memberNo === undefined ? undefined : input.memberNo ? normalizeMemberNo(input.memberNo) : null;
  if (memberNo && (await memberNoTaken(db, actor.orgId, memberNo, id))) {
    throw new AppError('member_no_taken', { memberNo }, [
      { field: 'body.memberNo', code: 'taken', message: 'Already used by another customer' },
    ]);
  }
  await checkRefs(db, actor, input, id);

  const next: Record<string, unknown> = {};
  for (const k of COLUMN_FIELDS) if (input[k] !== undefined) next[k] = k === 'memberNo' ? memberNo : input[k];
  const changes = diffFields(before as unknown as Record<string, unknown>, next);
  const lunarBefore = before.lunarBirthMonth
    ? {
        month: before.lunarBirthMonth,
        day: before.lunarBirthDay,
        isLeapMonth: before.lunarBirthLeap,
        year: before.lunarBirthYear,
      }
    : null;
  if (input.lunarBirthday !== undefined)
    changes.push(...diffFields({ lunarBirthday: lunarBefore }, { lunarBirthday: input.lunarBirthday }));
  let profile = before.profile as Record<string, unknown>;
  if (input.profile) {
    profile = { ...profile, ...input.profile };
    for (const [k, v] of Object.entries(profile)) if (v === null || v === undefined) delete profile[k];
    changes.push(
      ...diffFields(
        before.profile as Record<string, unknown>,
        { ...Object.fromEntries(Object.keys(input.profile).map((k) => [k, profile[k] ?? null])) },
        'profile.',
      ),
    );
  }
  return db.transaction(async (txRaw) => {
    const tx = txRaw as unknown as Db;
    if (normalized) {
      const old = (await tx.select().from(customerPhones).where(eq(customerPhones.customerId, id))).map((p) => p.e164);
      const now = normalized.phones.map((p) => p.e164);
      if (JSON.stringify(old) !== JSON.stringify(now)) {
        changes.push({ field: 'phones', oldValue: old, newValue: now });
        await replacePhones(tx, actor.orgId, id, normalized.phones);
      }
    }
    const familyName = (next.familyName as string | undefined) ?? before.familyName;
    const givenName = next.givenName !== undefined ? (next.givenName as string | null) || null : before.givenName;
    const [row] = await tx
      .update(customers)
      .set({
        ...(next as Partial<typeof customers.$inferInsert>),
        ...(input.lunarBirthday !== undefined ? lunarColumns(input.lunarBirthday) : {}),
        displayName: displayNameOf(
          familyName,
          givenName,
          store.locale,
          next.reading !== undefined ? (next.reading as string | null) : before.reading,
        ),
        profile,
        version: sql`${customers.version} + 1`,
        updatedAt: new Date(),
      })
      .where(and(eq(customers.id, id), eq(customers.version, before.version)))
      .returning();
    if (!row) throw new AppError('conflict');
    if (input.custom) await writeCustomAnswers(tx, actor, id, input.custom, source);
    await recordHistory(tx, actor.orgId, id, changes, actor, source);
    await writeSearchKeys(tx, actor.orgId, id, row.storeId, row);
    await refreshCompleteness(tx, row);
    return row;
  });
}
