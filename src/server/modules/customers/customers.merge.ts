// Merging two files of the same person: the survivor keeps her id; field by field the manager chooses
// whose value stays; phones, notes, consents, history — and every row of any table that references the
// customer, including tables later modules add — move to the survivor. Nothing is deleted: the other
// file is marked merged_into and kept for the record.
import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { rows } from '../../db/client';
import { customerCustomValues, customerFieldHistory, customerPhones, customers, customFields } from '../../db/schema';
import { AppError } from '../../errors';
import { customValuesOf, type CustomerRow } from './customers.mapping';
import { refreshCompleteness, type Actor } from './customers.service';
import { writeSearchKeys } from './search-index';
import { refreshCustomerStats } from '../purchases/stats';

export const MERGE_FIELDS = [
  'memberNo',
  'familyName',
  'givenName',
  'reading',
  'gender',
  'language',
  'ethnicity',
  'birthday',
  'lunarBirthday',
  'ageBand',
  'email',
  'addresses',
  'source',
  'referredById',
  'ownerUserId',
  'isDeceased',
  'doNotContact',
] as const;

function valueOf(c: CustomerRow, field: string): unknown {
  if (field === 'lunarBirthday')
    return c.lunarBirthMonth
      ? { month: c.lunarBirthMonth, day: c.lunarBirthDay, isLeapMonth: c.lunarBirthLeap, year: c.lunarBirthYear }
      : null;
  return (c as unknown as Record<string, unknown>)[field] ?? null;
}

const isEmpty = (v: unknown) => v === null || v === undefined || v === '' || (Array.isArray(v) && v.length === 0);

export async function mergePreview(db: Db, survivor: CustomerRow, other: CustomerRow) {
  const [customA, customB, phonesA, phonesB] = await Promise.all([
    customValuesOf(db, survivor.id),
    customValuesOf(db, other.id),
    db.select({ e164: customerPhones.e164 }).from(customerPhones).where(eq(customerPhones.customerId, survivor.id)),
    db.select({ e164: customerPhones.e164 }).from(customerPhones).where(eq(customerPhones.customerId, other.id)),
  ]);
  const fields: Array<{ field: string; survivor: unknown; other: unknown; differs: boolean }> = [];
  const push = (field: string, a: unknown, b: unknown) => {
    if (isEmpty(a) && isEmpty(b)) return;
    fields.push({
      field,
      survivor: a ?? null,
      other: b ?? null,
      differs: JSON.stringify(a ?? null) !== JSON.stringify(b ?? null),
    });
  };
  for (const f of MERGE_FIELDS) push(f, valueOf(survivor, f), valueOf(other, f));
  const pa = survivor.profile as Record<string, unknown>;
  const pb = other.profile as Record<string, unknown>;
  for (const k of new Set([...Object.keys(pa), ...Object.keys(pb)])) push(`profile.${k}`, pa[k], pb[k]);
  for (const k of new Set([...Object.keys(customA), ...Object.keys(customB)]))
    push(`custom.${k}`, customA[k], customB[k]);
  return { fields, phones: { survivor: phonesA.map((p) => p.e164), other: phonesB.map((p) => p.e164) } };
}

/** Tables with a foreign key to customers(id), found in the catalogue so later modules are included. */
async function referencingColumns(db: Db): Promise<Array<{ table: string; column: string }>> {
  return rows(
    db,
    sql`
    select cl.relname as table, a.attname as column
    from pg_constraint k
    join pg_class cl on cl.oid = k.conrelid
    join pg_attribute a on a.attrelid = k.conrelid and a.attnum = k.conkey[1]
    where k.contype = 'f' and k.confrelid = 'customers'::regclass and cl.relname <> 'customers'`,
  );
}

/**
 * Tables that name a customer without a foreign key (their writers check it: docs/decisions/0010 and
 * 0013), so the catalogue does not list them: moved to the survivor like the keyed ones.
 */
const UNKEYED = [
  { table: 'care_tasks', column: 'customer_id' },
  { table: 'customer_tier_changes', column: 'customer_id' },
];

const SPECIAL = new Set(['customer_phones', 'customer_search_keys', 'customer_custom_values']);
// One row per customer, derived from her history: the other file's row goes, the survivor's is rebuilt.
const DERIVED = ['customer_stats', 'customer_metrics'];

export async function mergeCustomers(
  db: Db,
  actor: Actor,
  survivor: CustomerRow,
  other: CustomerRow,
  take: Record<string, 'survivor' | 'other'>,
) {
  if (survivor.id === other.id)
    throw new AppError('merge_invalid', {}, [
      { field: 'body.otherId', code: 'same', message: 'Choose two different customers' },
    ]);
  if (survivor.erasedAt || other.erasedAt) throw new AppError('customer_erased');
  const pick = (field: string, a: unknown, b: unknown) =>
    take[field] === 'other' || (take[field] === undefined && isEmpty(a) && !isEmpty(b)) ? b : a;

  return db.transaction(async (txRaw) => {
    const tx = txRaw as unknown as Db;
    const set: Record<string, unknown> = {};
    for (const f of MERGE_FIELDS) {
      const chosen = pick(f, valueOf(survivor, f), valueOf(other, f));
      if (JSON.stringify(chosen) === JSON.stringify(valueOf(survivor, f))) continue;
      if (f === 'lunarBirthday') {
        const l = chosen as { month: number; day: number; isLeapMonth: boolean; year: number | null } | null;
        Object.assign(set, {
          lunarBirthMonth: l?.month ?? null,
          lunarBirthDay: l?.day ?? null,
          lunarBirthLeap: l?.isLeapMonth ?? false,
          lunarBirthYear: l?.year ?? null,
        });
      } else set[f] = chosen;
    }
    const profile: Record<string, unknown> = { ...(survivor.profile as Record<string, unknown>) };
    for (const [k, v] of Object.entries(other.profile as Record<string, unknown>)) {
      const chosen = pick(`profile.${k}`, profile[k], v);
      if (chosen === undefined || chosen === null) delete profile[k];
      else profile[k] = chosen;
    }
    // The member number is unique: free it on the other file before the survivor takes it.
    await tx
      .update(customers)
      .set({ memberNo: null, mergedIntoId: survivor.id, updatedAt: new Date(), version: sql`${customers.version} + 1` })
      .where(eq(customers.id, other.id));
    if (set.familyName !== undefined || set.givenName !== undefined) {
      const family = (set.familyName as string | undefined) ?? survivor.familyName;
      const given = set.givenName !== undefined ? (set.givenName as string | null) : survivor.givenName;
      set.displayName = [family, given].filter(Boolean).join(/^[\p{Script=Latin}\s]+$/u.test(family) ? ' ' : '');
    }
    const [merged] = await tx
      .update(customers)
      .set({
        ...(set as Partial<typeof customers.$inferInsert>),
        profile,
        version: sql`${customers.version} + 1`,
        updatedAt: new Date(),
      })
      .where(eq(customers.id, survivor.id))
      .returning();

    // Phones: the union, survivor's first.
    const theirs = await tx.select().from(customerPhones).where(eq(customerPhones.customerId, other.id));
    const ours = new Set(
      (await tx.select().from(customerPhones).where(eq(customerPhones.customerId, survivor.id))).map((p) => p.e164),
    );
    for (const p of theirs) {
      if (ours.has(p.e164)) await tx.delete(customerPhones).where(eq(customerPhones.id, p.id));
      else
        await tx
          .update(customerPhones)
          .set({ customerId: survivor.id, isPrimary: false })
          .where(eq(customerPhones.id, p.id));
    }
    // Question-bank answers: per key, as chosen.
    const cvOther = await tx
      .select({ v: customerCustomValues, key: customFields.key })
      .from(customerCustomValues)
      .innerJoin(customFields, eq(customFields.id, customerCustomValues.fieldId))
      .where(eq(customerCustomValues.customerId, other.id));
    const cvOurs = new Set(
      (await tx.select().from(customerCustomValues).where(eq(customerCustomValues.customerId, survivor.id))).map(
        (v) => v.fieldId,
      ),
    );
    for (const { v, key } of cvOther) {
      if (!cvOurs.has(v.fieldId) || take[`custom.${key}`] === 'other') {
        await tx
          .delete(customerCustomValues)
          .where(and(eq(customerCustomValues.customerId, survivor.id), eq(customerCustomValues.fieldId, v.fieldId)));
        await tx.insert(customerCustomValues).values({ ...v, customerId: survivor.id });
      }
    }
    await tx.delete(customerCustomValues).where(eq(customerCustomValues.customerId, other.id));
    // Everything else that points at her: notes, consents, history, and later modules' tables.
    for (const table of DERIVED)
      await tx.execute(
        sql`delete from ${sql.identifier(table)} where org_id = ${actor.orgId} and customer_id = ${other.id}`,
      );
    for (const { table, column } of [...(await referencingColumns(tx)), ...UNKEYED]) {
      if (SPECIAL.has(table) || DERIVED.includes(table)) continue;
      await tx.execute(
        sql`update ${sql.identifier(table)} set ${sql.identifier(column)} = ${survivor.id} where ${sql.identifier(column)} = ${other.id}`,
      );
    }
    // Her care tasks' reasons follow their tasks (a reason is of its task's customer). An occasion both
    // files were already cared for (one reason per customer and occasion) keeps the other file's reason
    // on its task under her old id: both contacts happened, and the survivor's stays the one that counts.
    await tx.execute(sql`
      update care_task_reasons r set customer_id = ${survivor.id}
      where r.org_id = ${actor.orgId} and r.customer_id = ${other.id}
        and not exists (select 1 from care_task_reasons s
                        where s.org_id = r.org_id and s.customer_id = ${survivor.id} and s.occasion_key = r.occasion_key)`);
    await tx.update(customers).set({ referredById: survivor.id }).where(eq(customers.referredById, other.id));
    await tx.insert(customerFieldHistory).values({
      orgId: actor.orgId,
      customerId: survivor.id,
      field: 'merged',
      oldValue: null,
      newValue: { mergedId: other.id, fields: Object.keys(set) },
      changedBy: actor.userId,
      source: 'merge',
    });
    await writeSearchKeys(tx, actor.orgId, other.id, other.storeId, null);
    await writeSearchKeys(tx, actor.orgId, survivor.id, merged!.storeId, merged!);
    await refreshCompleteness(tx, merged!);
    await refreshCustomerStats(tx, survivor.id);
    return merged!;
  });
}
