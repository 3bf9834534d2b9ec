// Generation of care tasks: for each store, for one store-local day, every pre-selected customer goes
// through planCustomerCare (all rules and guards) and the plans are written a batch at a time.
//
// - Idempotent: each reason row carries the occasion key, unique per customer; a batch's tasks and
//   reasons are staged (COPY on PostgreSQL, array INSERTs on PGlite) and written with one INSERT …
//   SELECT per table, the reasons ON CONFLICT DO NOTHING, and a task whose reasons were taken by
//   another run meanwhile is removed in the same transaction. A second run creates 0.
//   (docs/decisions/0007: why staging; 0010: why references are checked per batch, not by foreign keys.)
// - No back-dating: per rule, activeSince = the later of the day it was switched on and the store's
//   first run, so a first run or a rule switched on creates nothing for occasions already past.
// - Several app instances: one run per organisation and store at a time (the scheduler's advisory lock
//   on PostgreSQL, the in-process guard on PGlite); a concurrent caller waits for it, then finds the
//   tasks already there. The unique index stays the final guard.
// - Restarts: each batch is one transaction; a run cut short leaves whole batches, and a re-run fills
//   in the rest.
import { randomFillSync } from 'node:crypto';
import { and, asc, eq, sql } from 'drizzle-orm';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { RULE_IDS, type AssigneeRole, type RuleId } from '../../../contracts/care';
import {
  isKeyCustomer,
  localDateOf,
  planCustomerCare,
  type CareFacts,
  rulePrecedence,
  type CareHistory,
  type CarePlan,
  type IsoDate,
  type PlannedTask,
} from '../../../domain/care';
import { rows, type Database, type Db } from '../../db/client';
import { careRuns } from '../../db/schema';
import { withJobLock } from '../../jobs/scheduler';
import {
  candidatePredicate,
  loadBatchDetails,
  loadCandidateBatch,
  loadRunContext,
  loadStores,
  type LoadedCustomer,
  type RunContext,
  type StoreRow,
  uuidArray,
} from './facts.loader';
import { activeSinceFor, getCareSettings } from './settings.service';

export type GenerateSource = 'job' | 'cli' | 'api' | 'demo' | 'bench';

export type GenerateOptions = {
  orgId: string;
  /** One store (id); all active stores of the organisation when omitted. */
  storeId?: string;
  /** One store by code (the CLI's --store). */
  storeCode?: string;
  /** The store-local day; each store's own today when omitted. */
  date?: IsoDate;
  source: GenerateSource;
  /** Customers per batch (one transaction each). */
  batchSize?: number;
  /** How long to wait for a run of the same store that is in progress elsewhere (ms). */
  lockWaitMs?: number;
  /** How batches are staged (default: COPY on PostgreSQL, INSERTs on PGlite); tests compare the two. */
  staging?: StagingMethod;
};

export type RuleCounts = Record<RuleId, number>;

export type StoreRunResult = {
  storeId: string;
  storeCode: string;
  date: IsoDate;
  runId: string | null;
  /** Occasions that got a task (a new one or merged into an open task of that day). */
  created: number;
  /** Occasions that already had a task. */
  unchanged: number;
  /** Occasions a guard stopped (consent, do-not-contact, deceased, reachability, budget). */
  suppressed: number;
  byRule: RuleCounts;
  /** New task rows (several reasons of one day make one task). */
  tasks: number;
  /** Reasons added to an open task of the same day. */
  merged: number;
  customers: number;
  /** True when another run of this store held the lock for longer than lockWaitMs. */
  skipped: boolean;
  ms: number;
  /** Where the time went (ms): waiting for reads, planning in Node, waiting for writes. */
  phases: { read: number; plan: number; write: number };
  /**
   * How long the reads (candidates and their history) and the writes took themselves (ms): they overlap
   * the planning of the batch in between, so they may add up to more than `ms`. `analyze` is the part
   * of the writes spent refreshing statistics while a first run fills the tables.
   */
  busy: { read: number; write: number; analyze: number };
};

export type GenerateResult = Omit<StoreRunResult, 'storeId' | 'storeCode' | 'runId' | 'skipped'> & {
  stores: StoreRunResult[];
};

export const zeroRuleCounts = (): RuleCounts => Object.fromEntries(RULE_IDS.map((id) => [id, 0])) as RuleCounts;

/** Generates the tasks of one day for one store or every store of the organisation. */
export async function generateCareTasks(database: Database, opts: GenerateOptions): Promise<GenerateResult> {
  const stores = (await loadStores(database.db, opts.orgId, opts.storeCode)).filter(
    (s) => !opts.storeId || s.id === opts.storeId,
  );
  const results: StoreRunResult[] = [];
  for (const store of stores) {
    const date = opts.date ?? localDateOf(new Date(), store.timezone);
    results.push(await generateForStoreLocked(database, opts, store, date));
  }
  const total: GenerateResult = {
    date: opts.date ?? results[0]?.date ?? new Date().toISOString().slice(0, 10),
    created: 0,
    unchanged: 0,
    suppressed: 0,
    byRule: zeroRuleCounts(),
    tasks: 0,
    merged: 0,
    customers: 0,
    ms: 0,
    phases: { read: 0, plan: 0, write: 0 },
    busy: { read: 0, write: 0, analyze: 0 },
    stores: results,
  };
  for (const r of results) {
    total.created += r.created;
    total.unchanged += r.unchanged;
    total.suppressed += r.suppressed;
    total.tasks += r.tasks;
    total.merged += r.merged;
    total.customers += r.customers;
    total.ms += r.ms;
    for (const k of ['read', 'plan', 'write'] as const) total.phases[k] += r.phases[k];
    for (const k of ['read', 'write', 'analyze'] as const) total.busy[k] += r.busy[k];
    for (const id of RULE_IDS) total.byRule[id] += r.byRule[id];
  }
  return total;
}

async function generateForStoreLocked(
  database: Database,
  opts: GenerateOptions,
  store: StoreRow,
  date: IsoDate,
): Promise<StoreRunResult> {
  const lockName = `care-generate:${opts.orgId}:${store.id}`;
  const deadline = Date.now() + (opts.lockWaitMs ?? 10 * 60_000);
  for (;;) {
    const r = await withJobLock(database, lockName, () =>
      generateForStore(database.db, opts.orgId, store, date, opts.source, opts.batchSize ?? 5000, opts.staging),
    );
    if (r.ran) return r.value;
    if (Date.now() > deadline) {
      return { ...emptyResult(store, date), skipped: true };
    }
    await new Promise((res) => setTimeout(res, 200));
  }
}

function emptyResult(store: StoreRow, date: IsoDate): StoreRunResult {
  return {
    storeId: store.id,
    storeCode: store.code,
    date,
    runId: null,
    created: 0,
    unchanged: 0,
    suppressed: 0,
    byRule: zeroRuleCounts(),
    tasks: 0,
    merged: 0,
    customers: 0,
    skipped: false,
    ms: 0,
    phases: { read: 0, plan: 0, write: 0 },
    busy: { read: 0, write: 0, analyze: 0 },
  };
}

/** The first run of a store (by start time), or null. */
async function firstRunOf(db: Db, orgId: string, storeId: string): Promise<IsoDate | null> {
  const [r] = await db
    .select({ d: careRuns.runDate })
    .from(careRuns)
    .where(and(eq(careRuns.orgId, orgId), eq(careRuns.storeId, storeId)))
    .orderBy(asc(careRuns.startedAt))
    .limit(1);
  return r?.d ?? null;
}

/** One store, one day, without the lock (callers hold it). */
export async function generateForStore(
  db: Db,
  orgId: string,
  store: StoreRow,
  date: IsoDate,
  source: GenerateSource,
  batchSize = 5000,
  staging?: StagingMethod,
): Promise<StoreRunResult> {
  const started = performance.now();
  const { settings, activity } = await getCareSettings(db, orgId);
  const firstRun = (await firstRunOf(db, orgId, store.id)) ?? date;
  const activeSince = activeSinceFor(activity, firstRun);
  const [run] = await db.insert(careRuns).values({ orgId, storeId: store.id, runDate: date, source }).returning();
  const result = { ...emptyResult(store, date), runId: run!.id };

  const ctx = await loadRunContext(db, orgId, store, date, settings);
  const predicate = candidatePredicate(ctx);
  const busy = result.busy;
  const fetchBatch = async (after: string | null) => {
    const t0 = performance.now();
    const loaded = await loadCandidateBatch(db, ctx, predicate, after, batchSize);
    const history = await loadBatchDetails(db, ctx, loaded);
    busy.read += performance.now() - t0;
    return { loaded, history };
  };

  const plan1 = memoisedPlanner(
    (customer, history) =>
      planCustomerCare({
        date,
        customer,
        settings,
        store: { market: ctx.market, timeZone: store.timezone },
        activeSince,
        history,
      }),
    settings.rules.vip_visit_plan,
  );

  // Pipeline: the next batch is read while this one is planned and written.
  // Both promises get a handler at once: one may fail while the loop awaits the other, and is then
  // rethrown where it is awaited (a failed batch ends the run; the batches before it are committed).
  const handled = <T>(p: Promise<T>) => {
    p.catch(() => undefined);
    return p;
  };
  let next = handled(fetchBatch(null));
  let pendingWrite: Promise<void> = Promise.resolve();
  let batches = 0;
  const ph = result.phases;
  let mark = performance.now();
  const lap = (key: keyof typeof ph) => {
    const now = performance.now();
    ph[key] += now - mark;
    mark = now;
  };
  for (;;) {
    const batch = await next;
    lap('read');
    if (!batch.loaded.length) break;
    next = handled(fetchBatch(batch.loaded.at(-1)!.facts.customerId));
    const plans: PlanOfCustomer[] = [];
    for (let i = 0; i < batch.loaded.length; i += 1) {
      // Planning a batch takes a few hundred milliseconds of this one thread; the previous batch's write
      // is a dozen round trips (COPY chunks, statements) that each need the event loop. Yielding every
      // few hundred customers lets them go on meanwhile instead of waiting for the whole batch's plan.
      if (i > 0 && i % PLAN_SLICE === 0) await yieldToIo();
      const customer = batch.loaded[i]!;
      const plan = plan1(customer.facts, batch.history.get(customer.facts.customerId)!);
      result.unchanged += plan.unchanged.length;
      result.suppressed += plan.suppressed.length;
      if (plan.tasks.length) plans.push({ customer, plan, history: batch.history.get(customer.facts.customerId)! });
    }
    result.customers += batch.loaded.length;
    lap('plan');
    await pendingWrite;
    batches += 1;
    // A first run of a big store grows care_tasks from nothing: refresh the planner's statistics as it
    // grows (after batches 1, 2, 4, 8, …) so the history reads keep using the per-customer indexes.
    // Past 100,000 tasks the sample's proportions no longer change (the planner scales them by the
    // table's current size), and each ANALYZE of a big table costs a second.
    if ((batches & (batches - 1)) === 0 && result.tasks > 1000 && result.tasks <= 100_000) {
      const a0 = performance.now();
      await db.execute(sql`analyze care_tasks`);
      await db.execute(sql`analyze care_task_reasons`);
      busy.analyze += performance.now() - a0;
      busy.write += performance.now() - a0;
    }
    lap('write');
    const w0 = performance.now();
    pendingWrite = handled(
      writePlans(db, ctx, run!.id, plans, staging).then((w) => {
        busy.write += performance.now() - w0;
        result.created += w.created;
        result.unchanged += w.conflicts;
        result.tasks += w.tasks;
        result.merged += w.merged;
        for (const id of RULE_IDS) result.byRule[id] += w.byRule[id];
      }),
    );
  }
  await pendingWrite;
  await next.catch(() => undefined);
  lap('write');
  for (const k of Object.keys(ph) as Array<keyof typeof ph>) ph[k] = Math.round(ph[k]);
  for (const k of Object.keys(busy) as Array<keyof typeof busy>) busy[k] = Math.round(busy[k]);

  result.ms = Math.round(performance.now() - started);
  await db
    .update(careRuns)
    .set({
      created: result.created,
      unchanged: result.unchanged,
      suppressed: result.suppressed,
      byRule: result.byRule,
      finishedAt: sql`now()`,
    })
    .where(eq(careRuns.id, run!.id));
  return result;
}

// ---- planning ----------------------------------------------------------------------------------

/** Customers planned between two turns of the event loop (about 10–20 ms of work). */
const PLAN_SLICE = 250;
const yieldToIo = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * planCustomerCare with a memo for the whole-audience days: on a holiday most customers have the same
 * facts but for their id, and the plan depends on the id only through the ids it carries — except for
 * a key customer, whose visit-plan days are spread by a hash of her id (never memoised). The memo key
 * is everything else the planner reads (facts and history), so a hit gives exactly the plan the planner
 * would have made; the ids are put back.
 */
export function memoisedPlanner(
  plan: (facts: CareFacts, history: CareHistory) => CarePlan,
  vip: Parameters<typeof isKeyCustomer>[0] | null = null,
  maxEntries = 100_000,
): (facts: CareFacts, history: CareHistory) => CarePlan {
  const memo = new Map<string, CarePlan>();
  // The key costs more than a plan: when few customers share their facts (birthdays on file for
  // nearly all), lookups stop for a while and start again later to see whether it has changed; each
  // window in a row that does not pay makes the pause four times longer (up to 256 windows), one that
  // pays ends it.
  const WINDOW = 500;
  let lookups = 0;
  let hits = 0;
  let skip = 0;
  let pause = 2 * WINDOW;
  return (facts, history) => {
    if (vip && vip.enabled && isKeyCustomer(vip, facts)) return plan(facts, history);
    if (skip > 0) {
      skip -= 1;
      return plan(facts, history);
    }
    if (lookups >= WINDOW) {
      if (hits * 2 < lookups) {
        skip = pause;
        pause = Math.min(4 * pause, 256 * WINDOW);
      } else pause = 2 * WINDOW;
      lookups = 0;
      hits = 0;
    }
    lookups += 1;
    const { customerId, ...rest } = facts;
    const key = JSON.stringify([rest, history.contacts, history.openTasks, [...history.handledKeys]]);
    const hit = memo.get(key);
    if (!hit) {
      const fresh = plan(facts, history);
      if (memo.size >= maxEntries) memo.clear();
      memo.set(key, fresh);
      return fresh;
    }
    hits += 1;
    return {
      tasks: hit.tasks.map((t) => ({ ...t, customerId, reasons: t.reasons.map((o) => ({ ...o, customerId })) })),
      unchanged: hit.unchanged,
      suppressed: hit.suppressed.map((x) => ({ ...x, customerId })),
    };
  };
}

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

type PlanOfCustomer = { customer: LoadedCustomer; plan: CarePlan; history: CareHistory };

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
const TASK_COPY: StageTable = {
  name:
    'care_tasks (id, org_id, store_id, customer_id, owner_rule, owner_key, kind, category, channels, assignee_role, ' +
    'assignee_id, create_on, due_on, original_due_on, send_after, counts_toward_budget, run_id)',
  columns: [],
};

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

async function copyInto(client: pg.ClientBase, table: StageTable, rowsOf: StageValue[][]): Promise<void> {
  const stream = client.query(copyFrom(`copy ${table.name} from stdin`));
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
  if (client) await copyInto(client, table, rowsOf);
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
