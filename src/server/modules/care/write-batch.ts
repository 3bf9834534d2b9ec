// Writing a batch of care plans, for generate.ts's runs: each task's assignee, the checks the foreign
// keys did (docs/decisions/0010), time-ordered ids, and the staging of the batch's tasks and reasons
// (docs/decisions/0007) before the INSERT … SELECTs that write them in one transaction.
import { randomFillSync } from 'node:crypto';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { RULE_IDS, type AssigneeRole, type RuleId } from '../../../contracts/care';
import { rulePrecedence, type CareHistory, type CarePlan, type PlannedTask } from '../../../domain/care';
import { rows, type Db } from '../../db/client';
import type { LoadedCustomer } from './facts.loader';
import { uuidArray, type RunContext } from './run-context';

export type RuleCounts = Record<RuleId, number>;

export const zeroRuleCounts = (): RuleCounts => Object.fromEntries(RULE_IDS.map((id) => [id, 0])) as RuleCounts;

// ---- assignees -------------------------------------------------------------------------------------

function resolveAssignee(
  role: AssigneeRole,
  task: PlannedTask,
  customer: LoadedCustomer,
  ctx: RunContext,
): string | null {
  const active = (id: string | null | undefined) => (id && ctx.activeUserIds.has(id) ? id : null);
  const owner = active(customer.ownerUserId) ?? active(customer.lastSellerId);
  const seller = task.reasons
    .filter((o) => o.ruleId === 'after_purchase_call')
    .map((o) => active(ctx.sellerOfReceipt.get(o.key.split(':')[1] ?? '')))
    .find(Boolean);
  switch (role) {
    case 'seller':
      return seller ?? owner ?? ctx.storeManagerId;
    case 'owner_guide':
      return owner ?? ctx.storeManagerId;
    case 'store_manager':
      return ctx.storeManagerId ?? owner;
    case 'regional_manager':
      return ctx.regionalManagerId ?? ctx.storeManagerId;
  }
}

// ---- writing ----------------------------------------------------------------------------------

let lastMs = 0;
let seq = 0;
// Random bytes drawn 4 KiB at a time (one call per id was a tenth of the planning time).
const pool = Buffer.alloc(4096);
let poolAt = pool.length;

/**
 * A time-ordered UUID (version 7, RFC 9562): task and reason ids of one run are increasing, so every
 * index keyed by them (and the primary keys) grows at its end instead of at random places — a first
 * run of a big store writes a million rows of each.
 */
export function uuidv7(): string {
  const now = Date.now();
  if (now > lastMs) {
    lastMs = now;
    seq = 0;
  } else if ((seq += 1) > 4095) {
    // Same millisecond (or the clock stepped back) and the counter is full: borrow the next one.
    lastMs += 1;
    seq = 0;
  }
  if (poolAt + 16 > pool.length) {
    randomFillSync(pool);
    poolAt = 0;
  }
  const b = Buffer.from(pool.subarray(poolAt, poolAt + 16));
  poolAt += 16;
  const [ms, counter] = [lastMs, seq];
  b[0] = Math.floor(ms / 2 ** 40) & 0xff;
  b[1] = Math.floor(ms / 2 ** 32) & 0xff;
  b[2] = (ms >>> 24) & 0xff;
  b[3] = (ms >>> 16) & 0xff;
  b[4] = (ms >>> 8) & 0xff;
  b[5] = ms & 0xff;
  b[6] = 0x70 | (counter >>> 8);
  b[7] = counter & 0xff;
  b[8] = 0x80 | (b[8]! & 0x3f);
  const h = b.toString('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

const pgTextArray = (items: readonly string[]) => `{${items.join(',')}}`;

export type PlanOfCustomer = { customer: LoadedCustomer; plan: CarePlan; history: CareHistory };

type WriteCounts = { created: number; conflicts: number; tasks: number; merged: number; byRule: RuleCounts };

// ---- staging ----------------------------------------------------------------------------------------
//
// On PostgreSQL a batch's new tasks are COPied straight into care_tasks (text format, no JSON to build
// or parse: fresh ids, nothing to conflict with) and its reasons are COPied into a temporary table
// (dropped at commit), then inserted with one INSERT … SELECT … ON CONFLICT DO NOTHING. On PGlite, which
// has no COPY from a client stream, both are staged by multi-row INSERTs with one array parameter per
// column and written by INSERT … SELECT. test/api/care-write-paths.test.ts: both paths write the same rows.

type StageValue = string | boolean | null;
type StageTable = { name: string; columns: ReadonlyArray<readonly [string, string]> };

const TASK_STAGE: StageTable = {
  name: 'care_stage_tasks',
  columns: [
    ['id', 'uuid'],
    ['customer_id', 'uuid'],
    ['owner_rule', 'text'],
    ['owner_key', 'text'],
    ['kind', 'text'],
    ['category', 'text'],
    ['channels', 'text'],
    ['assignee_role', 'text'],
    ['assignee_id', 'uuid'],
    ['create_on', 'date'],
    ['due_on', 'date'],
    ['send_after', 'timestamptz'],
    ['counts', 'boolean'],
  ],
};

/** The COPY of new tasks into care_tasks itself (PostgreSQL): the staged columns with the run's ids. */
const TASK_COPY =
  'care_tasks (id, org_id, store_id, customer_id, owner_rule, owner_key, kind, category, channels, assignee_role, ' +
  'assignee_id, create_on, due_on, original_due_on, send_after, counts_toward_budget, run_id)';

const REASON_STAGE: StageTable = {
  name: 'care_stage_reasons',
  columns: [
    ['id', 'uuid'],
    ['task_id', 'uuid'],
    ['customer_id', 'uuid'],
    ['rule_id', 'text'],
    ['occasion_key', 'text'],
    ['due_on', 'date'],
    ['params', 'text'],
  ],
};

/** How a batch is staged: COPY (node-postgres) or array INSERTs (PGlite, or forced for tests). */
export type StagingMethod = 'copy' | 'insert';

function pgClientOf(tx: Db): pg.ClientBase | null {
  const client = (tx as unknown as { session?: { client?: unknown } }).session?.client;
  return client instanceof pg.Client ? client : null;
}

// COPY text format: tab-separated, \N for null, backslash escapes.
const copyText = (v: StageValue): string => {
  if (v === null) return '\\N';
  if (typeof v === 'boolean') return v ? 't' : 'f';
  return /[\\\t\n\r]/.test(v)
    ? v.replace(/[\\\t\n\r]/g, (c) => (c === '\\' ? '\\\\' : c === '\t' ? '\\t' : c === '\n' ? '\\n' : '\\r'))
    : v;
};

/** COPY … FROM STDIN into `target`: a table, or a table with its column list. */
async function copyInto(client: pg.ClientBase, target: string, rowsOf: StageValue[][]): Promise<void> {
  const stream = client.query(copyFrom(`copy ${target} from stdin`));
  const chunks: string[] = [];
  for (const r of rowsOf) chunks.push(`${r.map(copyText).join('\t')}\n`);
  await new Promise<void>((resolve, reject) => {
    stream.on('error', reject);
    stream.on('finish', resolve);
    stream.end(chunks.join(''));
  });
}

async function insertInto(tx: Db, table: StageTable, rowsOf: StageValue[][]): Promise<void> {
  for (let at = 0; at < rowsOf.length; at += 2000) {
    const part = rowsOf.slice(at, at + 2000);
    const cols = table.columns.map(([, type], i) => sql`${sql.param(part.map((r) => r[i]))}::${sql.raw(type)}[]`);
    await tx.execute(sql`insert into ${sql.raw(table.name)} select * from unnest(${sql.join(cols, sql`, `)})`);
  }
}

async function stage(tx: Db, method: StagingMethod | undefined, table: StageTable, rowsOf: StageValue[][]) {
  const cols = sql.raw(table.columns.map(([n, t]) => `${n} ${t}`).join(', '));
  await tx.execute(sql`create temp table ${sql.raw(table.name)} (${cols}) on commit drop`);
  if (!rowsOf.length) return;
  const client = method === 'insert' ? null : pgClientOf(tx);
  if (client) await copyInto(client, table.name, rowsOf);
  else await insertInto(tx, table, rowsOf);
}

/**
 * The checks the foreign keys did (docs/decisions/0010), made while the batch's rows are built, at no
 * cost per row: a task is of the customer whose plan it is (read from this organisation's customers a
 * moment before; customers are never deleted), its reasons are all hers, an open task it merges into is
 * one of hers, and its assignee is an active user of this organisation. Returns what is wrong, or null.
 * A problem is a bug in the planner or the loader, never a user's doing: the batch is not written.
 */
export function referenceProblem(
  customerId: string,
  task: Pick<PlannedTask, 'customerId' | 'mergeIntoTaskId' | 'reasons'>,
  assigneeId: string | null,
  ctx: Pick<RunContext, 'activeUserIds'>,
  history: Pick<CareHistory, 'openTasks'>,
): string | null {
  if (task.customerId !== customerId) return 'a task of another customer than the plan’s';
  if (task.reasons.some((o) => o.customerId !== customerId)) return 'a reason of another customer than its task’s';
  if (task.mergeIntoTaskId && !history.openTasks.some((o) => o.taskId === task.mergeIntoTaskId))
    return 'a merge into a task that is not one of her open tasks';
  if (assigneeId !== null && !ctx.activeUserIds.has(assigneeId)) return 'an assignee who is not an active colleague';
  return null;
}

/** Writes one batch of plans in one transaction: new tasks, their reasons, reasons merged into open tasks. */
export async function writePlans(
  db: Db,
  ctx: RunContext,
  runId: string,
  plans: PlanOfCustomer[],
  staging?: StagingMethod,
): Promise<WriteCounts> {
  const counts: WriteCounts = { created: 0, conflicts: 0, tasks: 0, merged: 0, byRule: zeroRuleCounts() };
  if (!plans.length) return counts;
  const taskRows: StageValue[][] = [];
  const reasonRows: StageValue[][] = [];
  // Per reason row (same order): its rule.
  const reasonRule: RuleId[] = [];
  const takeovers: Array<Record<string, unknown>> = [];
  const newTasks = new Set<string>();

  for (const { customer, plan, history } of plans) {
    for (const t of plan.tasks) {
      const assigneeId = resolveAssignee(t.assignee, t, customer, ctx);
      const problem = referenceProblem(customer.facts.customerId, t, assigneeId, ctx, history);
      if (problem) throw new Error(`care generation: ${problem} (${t.ownerKey}); the batch was not written`);
      const taskId = t.mergeIntoTaskId ?? uuidv7();
      if (!t.mergeIntoTaskId) {
        taskRows.push([
          taskId,
          t.customerId,
          t.ownerRule,
          t.ownerKey,
          t.kind,
          t.category,
          pgTextArray(t.channels),
          t.assignee,
          assigneeId,
          t.createOn,
          t.dueOn,
          t.sendAfter,
          t.countsTowardBudget,
        ]);
        newTasks.add(taskId);
      } else {
        const open = history.openTasks.find((o) => o.taskId === t.mergeIntoTaskId);
        const ownerRank = Math.min(...(open?.ruleIds ?? []).map(rulePrecedence));
        if (rulePrecedence(t.ownerRule) < ownerRank) {
          takeovers.push({
            id: taskId,
            owner_rule: t.ownerRule,
            owner_key: t.ownerKey,
            kind: t.kind,
            category: t.category,
            channels: pgTextArray(t.channels),
            assignee_role: t.assignee,
            assignee_id: assigneeId,
          });
        }
      }
      for (const o of t.reasons) {
        reasonRows.push([
          uuidv7(),
          taskId,
          o.customerId,
          o.ruleId,
          o.key,
          o.dueOn,
          JSON.stringify({ reasonKey: o.reasonKey, ...o.reasonParams }),
        ]);
        reasonRule.push(o.ruleId);
      }
    }
  }

  await db.transaction(async (txRaw) => {
    const tx = txRaw as unknown as Db;
    // A batch is regenerable: if the server crashes before its commit reaches the disk, the next run
    // writes it again (idempotent). So its commit does not wait for the WAL flush (a first run of a big
    // store commits two hundred batches).
    await tx.execute(sql`set local synchronous_commit = off`);
    // Open tasks that take reasons in must still be open (a guide may have completed one meanwhile):
    // locked, so they stay open until this batch is written.
    let rowsToWrite = reasonRows;
    let rulesToWrite = reasonRule;
    const targets = [...new Set(reasonRows.map((r) => r[1] as string).filter((id) => !newTasks.has(id)))];
    if (targets.length) {
      const open = await rows<{ id: string }>(
        tx,
        sql`select id from care_tasks
            where id = any(${uuidArray(targets)}) and org_id = ${ctx.orgId} and status = 'open' for update`,
      );
      const stillOpen = new Set(open.map((o) => o.id));
      const keep = reasonRows.map((r) => newTasks.has(r[1] as string) || stillOpen.has(r[1] as string));
      rowsToWrite = reasonRows.filter((_, i) => keep[i]);
      rulesToWrite = reasonRule.filter((_, i) => keep[i]);
    }
    if (!rowsToWrite.length) return;
    const client = staging === 'insert' ? null : pgClientOf(tx);
    if (client && taskRows.length) {
      // New tasks have fresh ids and nothing to conflict with: COPY them straight into the table.
      await copyInto(
        client,
        TASK_COPY,
        taskRows.map((r) => [r[0]!, ctx.orgId, ctx.store.id, ...r.slice(1, 11), r[10]!, r[11]!, r[12]!, runId]),
      );
    } else await stage(tx, staging, TASK_STAGE, taskRows);
    await stage(tx, staging, REASON_STAGE, rowsToWrite);
    if (taskRows.length && !client) {
      await tx.execute(sql`
        insert into care_tasks (id, org_id, store_id, customer_id, owner_rule, owner_key, kind, category, channels,
                                assignee_role, assignee_id, create_on, due_on, original_due_on, send_after,
                                counts_toward_budget, run_id)
        select x.id, ${ctx.orgId}, ${ctx.store.id}, x.customer_id, x.owner_rule, x.owner_key, x.kind, x.category,
               x.channels::text[], x.assignee_role, x.assignee_id, x.create_on, x.due_on, x.due_on, x.send_after,
               x.counts, ${runId}
        from care_stage_tasks x`);
    }
    // The reasons that did not go in (another run wrote the same occasion meanwhile): usually none.
    const lost = await rows<{ id: string; task_id: string }>(
      tx,
      sql`with ins as (
            insert into care_task_reasons (id, org_id, task_id, customer_id, rule_id, occasion_key, due_on, params)
            select x.id, ${ctx.orgId}, x.task_id, x.customer_id, x.rule_id, x.occasion_key, x.due_on, x.params::jsonb
            from care_stage_reasons x
            on conflict (org_id, customer_id, occasion_key) do nothing
            returning id)
          select x.id, x.task_id from care_stage_reasons x where not exists (select 1 from ins where ins.id = x.id)`,
    );
    const lostIds = new Set(lost.map((l) => l.id));

    // A new task that lost any of its reasons to a concurrent run is withdrawn whole (its reasons go
    // with it); the next run merges what is left into the task that won.
    const withdrawn = [...new Set(lost.map((l) => l.task_id).filter((id) => newTasks.has(id)))];
    if (withdrawn.length) {
      await tx.execute(sql`delete from care_tasks where id = any(${uuidArray(withdrawn)})`);
    }
    const gone = new Set(withdrawn);
    const got = new Set<string>();
    rowsToWrite.forEach((r, i) => {
      const taskId = r[1] as string;
      if (lostIds.has(r[0] as string)) return;
      got.add(taskId);
      if (gone.has(taskId)) return;
      counts.created += 1;
      counts.byRule[rulesToWrite[i]!] += 1;
      if (!newTasks.has(taskId)) counts.merged += 1;
    });
    counts.conflicts = rowsToWrite.length - counts.created;
    counts.tasks = newTasks.size - withdrawn.length;

    const merged = takeovers.filter((t) => got.has(t.id as string));
    if (merged.length) {
      await tx.execute(sql`
        update care_tasks t set owner_rule = x.owner_rule, owner_key = x.owner_key, kind = x.kind, category = x.category,
               channels = x.channels::text[], assignee_role = x.assignee_role,
               assignee_id = coalesce(x.assignee_id, t.assignee_id), version = t.version + 1, updated_at = now()
        from jsonb_to_recordset(${JSON.stringify(merged)}::jsonb) as x(
          id uuid, owner_rule text, owner_key text, kind text, category text, channels text, assignee_role text, assignee_id uuid)
        where t.id = x.id and t.status = 'open'`);
    }
  });
  return counts;
}
