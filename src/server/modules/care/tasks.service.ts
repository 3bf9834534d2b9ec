// Reading care tasks: a guide's (or a store's) list for today, upcoming and overdue, one task with
// its reasons, and the reasons as readable text in a locale. Lists are keyset-paginated on
// (due_on, id) and served by care_tasks_assignee_due_idx / care_tasks_store_due_idx.
import { sql, type SQL } from 'drizzle-orm';
import type { Locale } from '../../../contracts/common';
import type { RuleId } from '../../../contracts/care';
import { reasonParamsFor, type ReasonParams } from '../../../domain/care';
import { appText } from '../../../i18n/server';
import { rows, type Db } from '../../db/client';
import { AppError } from '../../errors';
import { decodeCursor, encodeCursor } from '../../pagination';

export type TaskView = 'today' | 'upcoming' | 'overdue';
export type TaskScope = 'mine' | 'store';

export type Viewer = {
  userId: string;
  role: string;
  /** Stores the viewer may see (owner and hq: every store; pass them all). */
  storeIds: string[];
  locale?: Locale;
};

export type TaskReason = {
  ruleId: RuleId;
  occasionKey: string;
  dueOn: string;
  reasonKey: string;
  params: ReasonParams;
  /** The reason in the viewer's (or the store's) language. */
  text: string;
};

export type CareTaskItem = {
  id: string;
  storeId: string;
  customerId: string;
  memberNo: string | null;
  customerName: string;
  tier: string | null;
  ownerRule: RuleId;
  ownerKey: string;
  kind: string;
  category: string;
  channels: string[];
  assigneeRole: string;
  assigneeId: string | null;
  assigneeName: string | null;
  status: string;
  createOn: string;
  dueOn: string;
  originalDueOn: string;
  sendAfter: string | null;
  escalatedAt: string | null;
  escalatedTo: string | null;
  outcome: string | null;
  note: string | null;
  completedAt: string | null;
  version: number;
  reasons: TaskReason[];
};

export type ListTasksQuery = {
  orgId: string;
  viewer: Viewer;
  view: TaskView;
  scope: TaskScope;
  /** For scope 'store' (required when the viewer has several stores). */
  storeId?: string;
  /** Today in the store's calendar. */
  date: string;
  cursor?: string;
  limit?: number;
  /** Also list tasks done or cancelled (today view: what she already did today). */
  includeClosed?: boolean;
  locale?: Locale;
};

type TaskRow = {
  id: string;
  store_id: string;
  customer_id: string;
  member_no: string | null;
  customer_name: string;
  tier: string | null;
  owner_rule: string;
  owner_key: string;
  kind: string;
  category: string;
  channels: string[];
  assignee_role: string;
  assignee_id: string | null;
  assignee_name: string | null;
  status: string;
  create_on: string;
  due_on: string;
  original_due_on: string;
  send_after: Date | string | null;
  escalated_at: Date | string | null;
  escalated_to: string | null;
  outcome: string | null;
  note: string | null;
  completed_at: Date | string | null;
  version: number;
  store_locale: string;
};

const iso = (v: Date | string | null) => (v == null ? null : new Date(v).toISOString());

/** A reason as text: the catalogue key with its params turned into words of the locale. */
export function reasonText(locale: Locale, reasonKey: string, params: ReasonParams): string {
  return appText(locale, reasonKey, reasonParamsFor(params, locale));
}

const SELECT = sql`
  select t.id, t.store_id, t.customer_id, c.member_no, c.display_name as customer_name, c.tier,
         t.owner_rule, t.owner_key, t.kind, t.category, t.channels, t.assignee_role, t.assignee_id,
         u.display_name as assignee_name, t.status, t.create_on::text as create_on, t.due_on::text as due_on,
         t.original_due_on::text as original_due_on, t.send_after, t.escalated_at, t.escalated_to, t.outcome, t.note,
         t.completed_at, t.version, s.locale as store_locale
  from care_tasks t
  join customers c on c.id = t.customer_id
  join stores s on s.id = t.store_id
  left join users u on u.id = t.assignee_id`;

async function withReasons(db: Db, found: TaskRow[], locale: Locale | undefined): Promise<CareTaskItem[]> {
  if (!found.length) return [];
  const reasons = await rows<{
    task_id: string;
    rule_id: string;
    occasion_key: string;
    due_on: string;
    params: Record<string, unknown>;
  }>(
    db,
    sql`select task_id, rule_id, occasion_key, due_on::text as due_on, params from care_task_reasons
        where task_id = any(${`{${found.map((f) => f.id).join(',')}}`}::uuid[]) order by created_at, id`,
  );
  const byTask = new Map<string, typeof reasons>();
  for (const r of reasons) byTask.set(r.task_id, [...(byTask.get(r.task_id) ?? []), r]);
  return found.map((t) => {
    const lng = (locale ?? t.store_locale) as Locale;
    const rs = (byTask.get(t.id) ?? []).map((r): TaskReason => {
      const { reasonKey, ...params } = r.params as { reasonKey?: string } & ReasonParams;
      const key = reasonKey ?? `care.rules.${r.rule_id}`;
      return {
        ruleId: r.rule_id as RuleId,
        occasionKey: r.occasion_key,
        dueOn: r.due_on,
        reasonKey: key,
        params,
        text: reasonText(lng, key, params),
      };
    });
    // The owner's reason first.
    rs.sort((a, b) => (a.occasionKey === t.owner_key ? -1 : b.occasionKey === t.owner_key ? 1 : 0));
    return {
      id: t.id,
      storeId: t.store_id,
      customerId: t.customer_id,
      memberNo: t.member_no,
      customerName: t.customer_name,
      tier: t.tier,
      ownerRule: t.owner_rule as RuleId,
      ownerKey: t.owner_key,
      kind: t.kind,
      category: t.category,
      channels: t.channels ?? [],
      assigneeRole: t.assignee_role,
      assigneeId: t.assignee_id,
      assigneeName: t.assignee_name,
      status: t.status,
      createOn: t.create_on,
      dueOn: t.due_on,
      originalDueOn: t.original_due_on,
      sendAfter: iso(t.send_after),
      escalatedAt: iso(t.escalated_at),
      escalatedTo: t.escalated_to,
      outcome: t.outcome,
      note: t.note,
      completedAt: iso(t.completed_at),
      version: t.version,
      reasons: rs,
    };
  });
}

const SEES_ALL = new Set(['owner', 'hq']);

/**
 * A guide's or a store's tasks: today (due today), upcoming (due later, already created) or overdue
 * (open, due before today), ordered by due day (overdue: oldest first) then id. A guide sees her own
 * tasks and those escalated to her; scope 'store' needs a manager (or owner/hq) of that store.
 */
export async function listTasks(
  db: Db,
  q: ListTasksQuery,
): Promise<{ items: CareTaskItem[]; nextCursor: string | null }> {
  const limit = Math.min(Math.max(q.limit ?? 50, 1), 200);
  // Conditions on a care_tasks row aliased x; each branch below is one range of an index.
  const cond: SQL[] = [sql`x.org_id = ${q.orgId}`];
  const closed = q.includeClosed && q.view === 'today';
  cond.push(closed ? sql`x.status in ('open', 'done', 'cancelled')` : sql`x.status = 'open'`);
  if (q.view === 'today') cond.push(sql`x.due_on = ${q.date}::date`);
  else if (q.view === 'upcoming') cond.push(sql`x.due_on > ${q.date}::date`);
  else cond.push(sql`x.due_on < ${q.date}::date`);
  const after = decodeCursor(q.cursor);
  if (after) cond.push(sql`(x.due_on, x.id) > (${after.k}::date, ${after.id}::uuid)`);

  const branch = (extra: SQL) =>
    sql`(select x.id from care_tasks x where ${sql.join([...cond, extra], sql` and `)}
         order by x.due_on, x.id limit ${limit + 1})`;
  let ids: SQL;
  if (q.scope === 'mine') {
    const store = q.storeId ? sql` and x.store_id = ${q.storeId}` : sql``;
    // Her own tasks, and those escalated to her (a manager): two index ranges, merged.
    ids = sql`${branch(sql`x.assignee_id = ${q.viewer.userId}${store}`)} union ${branch(
      sql`x.escalated_to = ${q.viewer.userId}${store}`,
    )}`;
  } else {
    const storeId = q.storeId ?? (q.viewer.storeIds.length === 1 ? q.viewer.storeIds[0] : undefined);
    if (!storeId) {
      throw new AppError('validation_failed', {}, [
        { field: 'query.storeId', code: 'required', message: 'Choose a store' },
      ]);
    }
    const manager =
      SEES_ALL.has(q.viewer.role) || q.viewer.role === 'store_manager' || q.viewer.role === 'regional_manager';
    if (!manager || (!SEES_ALL.has(q.viewer.role) && !q.viewer.storeIds.includes(storeId))) {
      throw new AppError('forbidden');
    }
    ids = branch(sql`x.store_id = ${storeId}`);
  }
  const found = await rows<TaskRow>(
    db,
    sql`${SELECT} where t.id in (${ids}) order by t.due_on, t.id limit ${limit + 1}`,
  );
  const items = await withReasons(db, found.slice(0, limit), q.locale ?? q.viewer.locale);
  const last = items.at(-1);
  return { items, nextCursor: found.length > limit && last ? encodeCursor(last.dueOn, last.id) : null };
}

/** One task with its reasons, or undefined (callers check the viewer's access to its store). */
export async function getTask(
  db: Db,
  orgId: string,
  taskId: string,
  locale?: Locale,
): Promise<CareTaskItem | undefined> {
  const found = await rows<TaskRow>(db, sql`${SELECT} where t.org_id = ${orgId} and t.id = ${taskId}`);
  return (await withReasons(db, found, locale))[0];
}

/** Every task due on a day in a store (any status), for the CLI and reports, ordered by assignee then customer. */
export async function tasksDueOn(
  db: Db,
  orgId: string,
  storeId: string,
  date: string,
  locale?: Locale,
): Promise<CareTaskItem[]> {
  const found = await rows<TaskRow>(
    db,
    sql`${SELECT} where t.org_id = ${orgId} and t.store_id = ${storeId} and t.due_on = ${date}::date
        order by u.display_name nulls last, c.display_name, t.id`,
  );
  return withReasons(db, found, locale);
}
