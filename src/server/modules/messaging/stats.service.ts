// Staff statistics (seeds 000/001): each employee's contacts with customers over a period — how many,
// how many got through, how many different customers, by channel and purpose — as a basis for
// promotion. One aggregate query with grouping sets over the period's rows; days are store-local.
import { sql } from 'drizzle-orm';
import type { StaffStats, StaffStatsRow } from '../../../contracts/messaging';
import { CONTACT_CHANNELS, CONTACT_PURPOSES, type ContactChannel, type ContactPurpose } from '../../../domain/contacts';
import { rows, type Db } from '../../db/client';
import type { Scope } from './contacts.service';

const REACHED = sql.raw(`('reached', 'appointment_booked', 'issue_raised', 'sent')`);

type Cell = {
  user_id: string | null;
  channel: string | null;
  purpose: string | null;
  g: number;
  contacts: number;
  reached: number;
  customers: number;
};

const zeros = <K extends string>(keys: readonly K[]) =>
  Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;

export async function staffStatistics(
  db: Db,
  scope: Scope,
  q: { from: string; to: string; storeId?: string },
): Promise<StaffStats> {
  const storeIds = q.storeId ? scope.storeIds.filter((s) => s === q.storeId) : scope.storeIds;
  const empty = {
    contacts: 0,
    reached: 0,
    customers: 0,
    byChannel: zeros(CONTACT_CHANNELS),
    byPurpose: zeros(CONTACT_PURPOSES),
  };
  if (!storeIds.length) return { from: q.from, to: q.to, storeId: q.storeId ?? null, rows: [], totals: empty };
  // grouping(user, channel, purpose): 0b001 → per user and channel, 0b010 → per user and purpose,
  // 0b011 → per user, 0b111 → everything.
  const cells = await rows<Cell>(
    db,
    sql`select cl.user_id, cl.channel, cl.purpose,
               grouping(cl.user_id, cl.channel, cl.purpose)::int as g,
               count(*)::int as contacts,
               count(*) filter (where cl.outcome in ${REACHED})::int as reached,
               count(distinct cl.customer_id)::int as customers
        from contact_log cl
        join stores s on s.id = cl.store_id
        where cl.org_id = ${scope.orgId}
          and cl.store_id in (${sql.join(
            storeIds.map((s) => sql`${s}::uuid`),
            sql`, `,
          )})
          and cl.contacted_at >= ${q.from}::date - interval '1 day'
          and cl.contacted_at < ${q.to}::date + interval '2 days'
          and (cl.contacted_at at time zone s.timezone)::date between ${q.from}::date and ${q.to}::date
        group by grouping sets ((cl.user_id, cl.channel), (cl.user_id, cl.purpose), (cl.user_id), ())`,
  );
  const userIds = [...new Set(cells.filter((c) => c.g === 3 && c.user_id).map((c) => c.user_id!))];
  const names = userIds.length
    ? await rows<{ id: string; display_name: string }>(
        db,
        sql`select id, display_name from users where id in (${sql.join(
          userIds.map((u) => sql`${u}::uuid`),
          sql`, `,
        )})`,
      )
    : [];
  const nameOf = new Map(names.map((n) => [n.id, n.display_name]));
  const byUser = new Map<string, StaffStatsRow>();
  const keyOf = (u: string | null) => u ?? 'automatic';
  let totals = empty;
  for (const c of cells) {
    if (c.g === 7) {
      totals = { ...totals, contacts: c.contacts, reached: c.reached, customers: c.customers };
      continue;
    }
    const k = keyOf(c.user_id);
    const row = byUser.get(k) ?? {
      userId: c.user_id,
      name: c.user_id ? (nameOf.get(c.user_id) ?? null) : null,
      ...empty,
      byChannel: zeros(CONTACT_CHANNELS),
      byPurpose: zeros(CONTACT_PURPOSES),
    };
    if (c.g === 3) Object.assign(row, { contacts: c.contacts, reached: c.reached, customers: c.customers });
    if (c.g === 1 && c.channel) row.byChannel[c.channel as ContactChannel] = c.contacts;
    if (c.g === 2 && c.purpose) row.byPurpose[c.purpose as ContactPurpose] = c.contacts;
    byUser.set(k, row);
  }
  for (const row of byUser.values()) {
    for (const ch of CONTACT_CHANNELS) totals.byChannel[ch] += row.byChannel[ch];
    for (const p of CONTACT_PURPOSES) totals.byPurpose[p] += row.byPurpose[p];
  }
  const list = [...byUser.values()].sort(
    (a, b) => b.contacts - a.contacts || (a.name ?? '\uffff').localeCompare(b.name ?? '\uffff'),
  );
  return { from: q.from, to: q.to, storeId: q.storeId ?? null, rows: list, totals };
}
