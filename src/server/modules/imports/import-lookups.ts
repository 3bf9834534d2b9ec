// Everything the import needs to know about stored customers, fetched in a few batched queries for the
// whole file (never one query per row): who has these member numbers, phones and e-mails, and for those
// customers their phones, consents and number of custom answers.
import { and, desc, eq, inArray, isNull, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { customerConsents, customerCustomValues, customerPhones, customers } from '../../db/schema';
import type { CustomerRow } from '../customers/customers.mapping';
import type { Candidate } from './row-input';

export type Existing = {
  row: CustomerRow;
  /** E.164 numbers, primary first. */
  phones: string[];
  customCount: number;
  /** Latest consent per `channel:purpose`. */
  consents: Map<string, boolean>;
};

export type Lookups = {
  byMemberNo: Map<string, string>;
  byPhone: Map<string, string[]>;
  byEmail: Map<string, string[]>;
  customers: Map<string, Existing>;
};

const CHUNK = 1000;

async function inChunks<T, R>(values: T[], fn: (chunk: T[]) => Promise<R[]>): Promise<R[]> {
  const out: R[] = [];
  for (let i = 0; i < values.length; i += CHUNK) out.push(...(await fn(values.slice(i, i + CHUNK))));
  return out;
}

const push = (map: Map<string, string[]>, key: string, id: string) => {
  const list = map.get(key);
  if (!list) map.set(key, [id]);
  else if (!list.includes(id)) list.push(id);
};

export async function lookUpCustomers(db: Db, orgId: string, candidates: Candidate[]): Promise<Lookups> {
  const live: SQL = and(eq(customers.orgId, orgId), isNull(customers.mergedIntoId), isNull(customers.erasedAt))!;
  const memberNos = [
    ...new Set(candidates.flatMap((c) => [c.memberNo, c.referredByMemberNo]).filter((m): m is string => !!m)),
  ];
  const phones = [...new Set(candidates.flatMap((c) => c.phones.map((p) => p.e164)))];
  const emails = [...new Set(candidates.map((c) => c.email).filter((e): e is string => !!e))];

  const byMemberNo = new Map<string, string>();
  const byPhone = new Map<string, string[]>();
  const byEmail = new Map<string, string[]>();
  const numbered = await inChunks(memberNos, (chunk) =>
    db
      .select({ id: customers.id, memberNo: customers.memberNo })
      .from(customers)
      .where(and(live, inArray(customers.memberNo, chunk))),
  );
  for (const r of numbered) if (r.memberNo) byMemberNo.set(r.memberNo, r.id);
  // Single-table probes on (org_id, value) indexes: no join for a planner with stale statistics to
  // turn into a nested loop. Merged or erased customers drop out when their rows are loaded.
  const phoned = await inChunks(phones, (chunk) =>
    db
      .select({ id: customerPhones.customerId, e164: customerPhones.e164 })
      .from(customerPhones)
      .where(and(eq(customerPhones.orgId, orgId), inArray(customerPhones.e164, chunk))),
  );
  for (const r of phoned) push(byPhone, r.e164, r.id);
  const mailed = await inChunks(emails, (chunk) =>
    db
      .select({ id: customers.id, email: sql<string>`lower(${customers.email})` })
      .from(customers)
      .where(and(live, inArray(sql`lower(${customers.email})`, chunk))),
  );
  for (const r of mailed) push(byEmail, r.email, r.id);

  // Referrers only need an id; the customers rows may change, so load those that rows may match.
  const matchable = new Set<string>([...phoned.map((r) => r.id), ...mailed.map((r) => r.id)]);
  for (const c of candidates) if (c.memberNo && byMemberNo.has(c.memberNo)) matchable.add(byMemberNo.get(c.memberNo)!);
  const existing = await loadExisting(db, [...matchable]);
  for (const [key, ids] of byPhone)
    byPhone.set(
      key,
      ids.filter((id) => existing.has(id)),
    );
  return { byMemberNo, byPhone, byEmail, customers: existing };
}

async function loadExisting(db: Db, ids: string[]): Promise<Map<string, Existing>> {
  const rows = await inChunks(ids, (chunk) =>
    db
      .select()
      .from(customers)
      .where(and(inArray(customers.id, chunk), isNull(customers.mergedIntoId), isNull(customers.erasedAt))),
  );
  const phones = await inChunks(ids, (chunk) =>
    db
      .select({ id: customerPhones.customerId, e164: customerPhones.e164 })
      .from(customerPhones)
      .where(inArray(customerPhones.customerId, chunk))
      .orderBy(desc(customerPhones.isPrimary), customerPhones.createdAt),
  );
  const custom = await inChunks(ids, (chunk) =>
    db
      .select({ id: customerCustomValues.customerId, n: sql<number>`count(*)::int` })
      .from(customerCustomValues)
      .where(inArray(customerCustomValues.customerId, chunk))
      .groupBy(customerCustomValues.customerId),
  );
  const consents = await inChunks(ids, (chunk) =>
    db
      .select({
        id: customerConsents.customerId,
        channel: customerConsents.channel,
        purpose: customerConsents.purpose,
        granted: customerConsents.granted,
      })
      .from(customerConsents)
      .where(inArray(customerConsents.customerId, chunk))
      .orderBy(desc(customerConsents.recordedAt)),
  );
  const map = new Map<string, Existing>(
    rows.map((row) => [row.id, { row, phones: [], customCount: 0, consents: new Map() }]),
  );
  for (const p of phones) map.get(p.id)?.phones.push(p.e164);
  for (const c of custom) {
    const e = map.get(c.id);
    if (e) e.customCount = Number(c.n);
  }
  for (const k of consents) {
    const e = map.get(k.id);
    const key = `${k.channel}:${k.purpose}`;
    if (e && !e.consents.has(key)) e.consents.set(key, k.granted);
  }
  return map;
}
