// Generation of care tasks: for each store, for one store-local day, every pre-selected customer goes
// through planCustomerCare (all rules and guards) and the plans are written a batch at a time
// (write-batch.ts).
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
import { and, asc, eq, sql } from 'drizzle-orm';
import { RULE_IDS } from '../../../contracts/care';
import {
  isKeyCustomer,
  localDateOf,
  planCustomerCare,
  type CareFacts,
  type CareHistory,
  type CarePlan,
  type IsoDate,
} from '../../../domain/care';
import type { Database, Db } from '../../db/client';
import { careRuns } from '../../db/schema';
import { withJobLock } from '../../jobs/scheduler';
import { loadBatchDetails, loadCandidateBatch } from './facts.loader';
import { candidatePredicate, loadRunContext, loadStores, type StoreRow } from './run-context';
import { activeSinceFor, getCareSettings } from './settings.service';
import { writePlans, zeroRuleCounts, type PlanOfCustomer, type RuleCounts, type StagingMethod } from './write-batch';

export { zeroRuleCounts, type RuleCounts, type StagingMethod };

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
