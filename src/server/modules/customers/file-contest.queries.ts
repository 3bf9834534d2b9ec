// The customer-file contest of seed 001: per owner guide, how many files and how rich and current they are,
// aggregated in SQL; the score and the ranking are the pure rules of domain/file-contest.ts.
import { sql, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import type { fileQualityQuerySchema } from '../../../contracts/customers';
import { CONTEST_RULES, averageCompleteness, contestScore, rankContestants } from '../../../domain/file-contest';
import { rows, type Db } from '../../db/client';

type Scope = { orgId: string; storeIds: string[] };
type Query = z.infer<typeof fileQualityQuerySchema>;

type Row = {
  user_id: string | null;
  name: string | null;
  files: number;
  total: number;
  rich: number;
  current: number;
};

/** Start of a store-local day as an instant, in each store's own time zone (`s` is the store). */
const dayStart = (day: string) => sql`(${day}::date)::timestamp at time zone s.timezone`;
const dayAfter = (day: string) => sql`(${day}::date + 1)::timestamp at time zone s.timezone`;

/** "Files created or updated in the period": created then, or any field of the file changed then. */
function periodFilter(q: Query): SQL {
  if (!q.from && !q.to) return sql``;
  const created = [
    q.from ? sql`c.created_at >= ${dayStart(q.from)}` : sql`true`,
    q.to ? sql`c.created_at < ${dayAfter(q.to)}` : sql`true`,
  ];
  const changed = [
    q.from ? sql`h.changed_at >= ${dayStart(q.from)}` : sql`true`,
    q.to ? sql`h.changed_at < ${dayAfter(q.to)}` : sql`true`,
  ];
  return sql`and ((${sql.join(created, sql` and `)})
    or exists (select 1 from customer_field_history h where h.customer_id = c.id and ${sql.join(changed, sql` and `)}))`;
}

export async function fileQuality(db: Db, scope: Scope, q: Query) {
  const storeIds = q.storeId ? scope.storeIds.filter((s) => s === q.storeId) : scope.storeIds;
  if (!storeIds.length) return [];
  const inScope = sql.join(
    storeIds.map((s) => sql`${s}::uuid`),
    sql`, `,
  );
  // Guides of these stores with no file yet are in the contest too, with nothing: that is worth seeing.
  const list = await rows<Row>(
    db,
    sql`with files as (
          select c.owner_user_id as user_id, c.completeness, c.updated_at
          from customers c join stores s on s.id = c.store_id
          where c.org_id = ${scope.orgId} and c.merged_into_id is null and c.erased_at is null
            and c.store_id in (${inScope}) ${periodFilter(q)}
        ), totals as (
          select user_id, count(*)::int as files, coalesce(sum(completeness), 0)::int as total,
                 count(*) filter (where completeness >= ${CONTEST_RULES.richThreshold})::int as rich,
                 count(*) filter (where updated_at > now() - make_interval(days => ${CONTEST_RULES.currentDays}))::int
                   as current
          from files group by user_id
        ), guides as (
          select distinct u.id as user_id from users u join user_stores us on us.user_id = u.id
          where u.org_id = ${scope.orgId} and u.is_active and u.role in ('staff', 'store_manager')
            and us.store_id in (${inScope})
        )
        select coalesce(t.user_id, g.user_id) as user_id, u.display_name as name,
               coalesce(t.files, 0)::int as files, coalesce(t.total, 0)::int as total,
               coalesce(t.rich, 0)::int as rich, coalesce(t.current, 0)::int as current
        from totals t full join guides g on g.user_id = t.user_id
        left join users u on u.id = coalesce(t.user_id, g.user_id)`,
  );
  const toTotals = (r: Row) => ({ files: r.files, totalCompleteness: r.total, currentFiles: r.current });
  const toItem = (r: Row, score: number, rank: number | null) => ({
    userId: r.user_id,
    name: r.name,
    customers: r.files,
    averageCompleteness: averageCompleteness(toTotals(r)),
    richFiles: r.rich,
    changedLast30Days: r.current,
    score,
    rank,
  });
  const unassigned = list.filter((r) => r.user_id === null);
  const ranked = rankContestants(list.filter((r) => r.user_id !== null).map((r) => ({ ...r, ...toTotals(r) })));
  return [
    ...ranked.map((r) => toItem(r, r.score, r.rank)),
    // Files without a guide are shown, last and unranked: nobody wins a prize for them.
    ...unassigned.map((r) => toItem(r, contestScore(toTotals(r)), null)),
  ];
}
