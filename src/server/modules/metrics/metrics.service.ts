// The metrics engine (ADR 0004): customer_metrics for one customer when a purchase arrives
// (refreshCustomerMetrics, inside the receipt's transaction) and for a whole organisation by the nightly
// job and `keqing recompute` (recomputeAll). Both run the same SQL (metrics.sql.ts); the full run also
// stores the thresholds (quintiles, Pareto cuts) and the CLV models the incremental refresh reuses.
import { eq, sql } from 'drizzle-orm';
import { DEFAULT_CLASS_SETTINGS, classSettingsSchema, type ClassSettings } from '../../../contracts/metrics';
import { bgnbdAliveExpectation, type BgNbdParams } from '../../../domain/clv';
import type { Database, Db } from '../../db/client';
import { recomputeTiers } from '../loyalty';
import { rows } from '../../db/client';
import { classificationSettings, type ClvModelParams } from '../../db/schema';
import {
  aggSql,
  catBitsSql,
  catIdxSql,
  catsFromBitsSql,
  catsSql,
  computedCapsSql,
  custSql,
  gKeysSql,
  gSql,
  linesSql,
  storedCapsSql,
  type Caps,
  type GTerm,
  type Home,
  type Scope,
} from './metrics.sql';
import { finalSelectSql, thresholdsSql, upsertSql } from './metrics-rows.sql';
import { UNIT_DAYS, fitModels, sampleMod, type ModelSummary } from './clv-models';
import { hasOwnPartition, writeOrgPartition, type PartitionTimings } from './metrics-partition';

/** Memory for the recompute's sorts and hash aggregates (PostgreSQL; its own transaction only). */
export const METRICS_WORK_MEM = process.env.KEQING_RECOMPUTE_WORK_MEM ?? '256MB';

export async function getClassSettings(
  db: Db,
  orgId: string,
): Promise<{ settings: ClassSettings; row: typeof classificationSettings.$inferSelect | null }> {
  const [row] = await db.select().from(classificationSettings).where(eq(classificationSettings.orgId, orgId));
  if (!row) return { settings: DEFAULT_CLASS_SETTINGS, row: null };
  // Stored settings were valid when saved; a newer field missing from an old row takes its default.
  const parsed = classSettingsSchema.safeParse({ ...DEFAULT_CLASS_SETTINGS, ...row.settings });
  return { settings: parsed.success ? parsed.data : DEFAULT_CLASS_SETTINGS, row };
}

/** Alive-expectation terms E[Y(t) | alive, x, T] for 90 and 365 days, per (currency, x, T days). */
function gTerms(keys: { currency: string; x: number; t: number }[], models: Map<string, BgNbdParams>): GTerm[] {
  const out: GTerm[] = [];
  const h90 = 90 / UNIT_DAYS;
  const h365 = 365 / UNIT_DAYS;
  for (const k of keys) {
    const p = models.get(k.currency);
    if (!p) continue;
    const T = k.t / UNIT_DAYS;
    out.push({
      currency: k.currency,
      x: k.x,
      t: k.t,
      g90: bgnbdAliveExpectation(p.r + k.x, p.alpha + T, p.a, p.b + k.x, h90),
      g365: bgnbdAliveExpectation(p.r + k.x, p.alpha + T, p.a, p.b + k.x, h365),
    });
  }
  return out;
}

async function okModels(db: Db, orgId: string): Promise<Map<string, BgNbdParams>> {
  const list = await rows<{ currency: string; params: ClvModelParams }>(
    db,
    sql`select currency, params from clv_models where org_id = ${orgId} and status = 'ok'`,
  );
  return new Map(list.map((m) => [m.currency, m.params]));
}

const num = (v: unknown) => Number(v);

/** More categories than bits in a bigint: her categories then need a pass of their own. */
async function hasManyCategories(db: Db, orgId: string): Promise<boolean> {
  const [r] = await rows<{ n: number }>(
    db,
    sql`select count(*)::int as n from product_categories where org_id = ${orgId}`,
  );
  return num(r?.n) > 63;
}

/** One currency and one time zone for every store of the organisation (then constants in the passes). */
async function uniformHome(db: Db, orgId: string): Promise<Home> {
  const [r] = await rows<{ currencies: number; zones: number; currency: string; timezone: string }>(
    db,
    sql`select count(distinct currency)::int as currencies, count(distinct timezone)::int as zones,
               min(currency) as currency, min(timezone) as timezone
        from stores where org_id = ${orgId}`,
  );
  return r && num(r.currencies) === 1 && num(r.zones) === 1 ? { currency: r.currency, timezone: r.timezone } : null;
}

/** The spend caps per currency (stored by the last full run, or computed by it), as constants. */
async function capsOf(tx: Db, query: ReturnType<typeof sql>): Promise<Caps> {
  const list = await rows<{ currency: string; cap: number | string | null }>(tx, query);
  return Object.fromEntries(list.filter((c) => c.cap !== null).map((c) => [c.currency, Number(c.cap)]));
}

/**
 * Brings the customer_metrics rows of these customers up to date in one set-based statement, classed
 * against the thresholds and CLV model the last full run stored. Called from afterReceipts in the
 * receipt's transaction; a few customers (a sale) or thousands (an import) at once.
 */
export async function refreshCustomerMetrics(
  tx: Db,
  orgId: string,
  customerIds: string[],
  options: { asOf?: string; bulkFrom?: number } = {},
): Promise<void> {
  const ids = [...new Set(customerIds)];
  if (!ids.length) return;
  const { settings } = await getClassSettings(tx, orgId);
  const scope: Scope = { orgId, asOf: options.asOf ?? null, ids };
  const manyCats = await hasManyCategories(tx, orgId);
  const home = await uniformHome(tx, orgId);
  if (ids.length >= (options.bulkFrom ?? BULK_REFRESH_FROM))
    return refreshInTempTables(tx, scope, settings, manyCats, home);
  const caps = await capsOf(tx, storedCapsSql(orgId));
  const base = sql`_m_cust as (${custSql(scope)}), _m_catidx as (${catIdxSql(orgId)}),
    _m_lf as (${linesSql(scope, home, settings, sql`select id, bit from _m_catidx`)}),
    _m_agg as (${aggSql(scope, home, settings, caps)})`;
  const models = await okModels(tx, orgId);
  const keys = models.size
    ? (await rows<{ currency: string; x: number; t: number }>(tx, sql`with ${base} ${gKeysSql}`)).map((k) => ({
        currency: k.currency,
        x: num(k.x),
        t: num(k.t),
      }))
    : [];
  const terms = gTerms(keys, models);
  await tx.execute(sql`
    with ${base},
      _m_cats as (${manyCats ? catsSql(scope) : catsFromBitsSql}),
      _m_g as (${gSql(terms)})
    ${upsertSql(finalSelectSql(orgId, settings, manyCats))}`);
}

/**
 * From this many customers (an import) the refresh runs over analysed temporary tables, as the full
 * recompute does, instead of CTEs: the planner has no row counts for a CTE and, guessing one row per
 * relation, joins thousands of customers by nested loops (minutes for 60,000 customers).
 */
export const BULK_REFRESH_FROM = 500;

async function refreshInTempTables(
  tx: Db,
  scope: Scope,
  settings: ClassSettings,
  manyCats: boolean,
  home: Home,
): Promise<void> {
  const orgId = scope.orgId;
  const made: string[] = [];
  const temp = async (name: string, body: ReturnType<typeof sql>) => {
    await tx.execute(sql`create temporary table ${sql.raw(name)} on commit drop as ${body}`);
    await tx.execute(sql.raw(`analyze ${name}`));
    made.push(name);
  };
  await temp('_m_cust', custSql(scope));
  await tx.execute(sql`create index on _m_cust (customer_id)`);
  await temp('_m_catidx', catIdxSql(orgId));
  await temp('_m_lf', linesSql(scope, home, settings, sql`select id, bit from _m_catidx`));
  await temp('_m_agg', aggSql(scope, home, settings, await capsOf(tx, storedCapsSql(orgId))));
  const models = await okModels(tx, orgId);
  const keys = models.size
    ? (await rows<{ currency: string; x: number; t: number }>(tx, gKeysSql)).map((k) => ({
        currency: k.currency,
        x: num(k.x),
        t: num(k.t),
      }))
    : [];
  await temp('_m_cats', manyCats ? catsSql(scope) : catsFromBitsSql);
  await temp('_m_g', gSql(gTerms(keys, models)));
  await tx.execute(upsertSql(finalSelectSql(orgId, settings, manyCats)));
  // Dropped now, not at commit: the same transaction may refresh again (or recompute).
  await tx.execute(sql.raw(`drop table ${made.join(', ')}`));
}

export type RecomputeResult = {
  customers: number;
  partitions: number;
  models: ModelSummary[];
  ms: number;
  steps: Record<string, number>;
};
export type RecomputeOptions = {
  asOf?: string;
  onProgress?: (step: string, detail?: Record<string, unknown>) => void;
  /** From this many customers the organisation gets a partition of its own (default PARTITION_FROM). */
  partitionFrom?: number;
};

/**
 * From this many customers a full run writes the organisation's own partition of customer_metrics,
 * built anew and swapped in (ADR 0012); below, its rows are upserted in the default partition — a
 * boutique's few thousand rows take milliseconds, and a table per boutique is not worth its keep.
 * Once an organisation has a partition, every full run rebuilds it.
 */
export const PARTITION_FROM = 50_000;

/**
 * Planner settings for a pass over the receipts in (customer, time) index order: no sort of them all
 * (each customer's few rows are sorted as they come, an incremental sort) and parallel workers merged
 * in her order, which PostgreSQL does not choose on its own costs (ADR 0011).
 */
const BY_CUSTOMER_IN_PARALLEL = { enable_sort: 'off', parallel_setup_cost: '0', parallel_tuple_cost: '0' };

/** `set local` each setting (the transaction's own), or back to its default. */
async function setLocal(tx: Db, settings: Record<string, string>, { reset = false } = {}): Promise<void> {
  for (const [name, value] of Object.entries(settings))
    await tx.execute(sql.raw(reset ? `set local ${name} to default` : `set local ${name} = ${value}`));
}

/**
 * Steps run after the metrics of an organisation are recomputed, in order: the VIP tiers (an upgrade
 * a rule now grants; downgrades wait for the yearly review). Each gets the database (its own
 * transaction is its business) and must be idempotent, like the recompute itself.
 */
export type RecomputeStep = {
  name: string;
  run(database: Database, orgId: string, context: { asOf?: string; metrics: RecomputeResult }): Promise<unknown>;
  /** The tables this run of the step rewrote in bulk, given what it returned (to be vacuumed). */
  rewrote?(result: unknown): string[];
};
export const afterRecomputeSteps: RecomputeStep[] = [
  {
    name: 'tiers',
    // One set-based statement over every customer: the recompute's memory, in a transaction of its own.
    run: (d, orgId, { asOf }) =>
      d.db.transaction(async (tx) => {
        await batchSettings(d, tx);
        // Most customers may move up at once (a first run): customers scanned in their order and joined
        // by hash to the upgrades, not one index probe per upgrade.
        if (d.kind === 'postgres') await tx.execute(sql`set local enable_nestloop = off`);
        // A million customers' activity grouped by sorting, not in hash tables that spill (7.4–7.8 s
        // against 9.4–10.6 s for the qualification of 1M customers, ADR 0012).
        if (d.kind === 'postgres') await tx.execute(sql`set local enable_hashagg = off`);
        // Her window's receipts from their (customer, time) index, sorted within each customer only and
        // in parallel workers, rather than one sort of them all (on the kept 1M benchmark database the
        // qualification took 9.6–12.0 s instead of 13.0–14.7 s, the same tiers).
        if (d.kind === 'postgres') await setLocal(tx, BY_CUSTOMER_IN_PARALLEL);
        return recomputeTiers(tx, orgId, { asOf: asOf ? new Date(asOf) : undefined });
      }),
    rewrote: (r) => ((r as { upgraded?: number }).upgraded ? ['customers', 'customer_tier_changes'] : []),
  },
];

type Row = Record<string, unknown>;

/** PostgreSQL settings of a recompute transaction: memory for its sorts and hash aggregates, no JIT. */
async function batchSettings(database: Database, tx: Db): Promise<void> {
  if (database.kind !== 'postgres') return;
  if (!/^\d+(kB|MB|GB)$/.test(METRICS_WORK_MEM)) throw new Error('KEQING_RECOMPUTE_WORK_MEM: use e.g. 256MB');
  await tx.execute(sql.raw(`set local work_mem = '${METRICS_WORK_MEM}'`));
  // The statements are wide and run once: compiling them (JIT) costs more than it saves.
  await tx.execute(sql`set local jit = off`);
}

/**
 * Recomputes customer_metrics for every customer of the organisation, set-based on the database: one
 * pass over the receipts and salon visits into per-day aggregates and one over the lines into
 * per-customer facts (temporary tables; on PostgreSQL both may run in parallel workers), window
 * functions for the quintiles and the Pareto split, the CLV fit per currency on a bounded sample of the
 * RFM summary computed in SQL, then one bulk upsert. One transaction: readers see the old rows or the
 * new ones, and a run cut short leaves nothing half-done. Then the afterRecomputeSteps (and a vacuum
 * where no autovacuum runs).
 */
export async function recomputeAll(
  database: Database,
  orgId: string,
  options: RecomputeOptions = {},
): Promise<RecomputeResult> {
  const started = Date.now();
  const steps: Record<string, number> = {};
  let mark = Date.now();
  const step = (name: string, detail?: Record<string, unknown>) => {
    steps[name] = Date.now() - mark;
    mark = Date.now();
    options.onProgress?.(name, { ms: steps[name], ...detail });
  };
  const asOf = options.asOf ?? null;
  const pg = database.kind === 'postgres';
  const result = await database.db.transaction(async (tx) => {
    await batchSettings(database, tx);
    const { settings } = await getClassSettings(tx, orgId);
    const scope: Scope = { orgId, asOf, ids: null };
    const temp = async (name: string, body: ReturnType<typeof sql>) => {
      await tx.execute(sql`create temporary table ${sql.raw(name)} on commit drop as ${body}`);
      await tx.execute(sql.raw(`analyze ${name}`));
    };
    await temp('_m_cust', custSql(scope));
    await tx.execute(sql`create index on _m_cust (customer_id)`);
    step('customers');
    const home = await uniformHome(tx, orgId);
    await temp('_m_catidx', catIdxSql(orgId));
    const bits = await rows<{ id: string; bit: string }>(tx, sql`select id, bit::text as bit from _m_catidx`);
    await temp('_m_lf', linesSql(scope, home, settings, catBitsSql(bits)));
    step('lines');
    // The spend caps first (her capped repeat spend is summed with her other aggregates), from the
    // buyers' hash sample the models are fitted on.
    const buyers = await rows<{ currency: string; n: number }>(
      tx,
      sql`select cu.currency, count(*)::int as n from _m_lf lf join _m_cust cu on cu.customer_id = lf.customer_id
          where lf.sold group by cu.currency`,
    );
    const sample = Object.fromEntries(buyers.map((b) => [b.currency, sampleMod(num(b.n))]));
    const caps =
      settings.clv.spendCapQuantile === null
        ? {}
        : await capsOf(tx, computedCapsSql(scope, home, settings.clv.spendCapQuantile, sample));
    step('clv caps');
    // The days are grouped as her receipts come out of their (customer, time) index, read alone and in
    // parallel (ADR 0011): no hash table of millions of (customer, day) groups, which spills, and no
    // sort of every receipt, which spills too — only a sort of each customer's few days, merged from
    // the workers in her order. Left to its costs, PostgreSQL reads the table and sorts it all (about
    // 5 s more for 4M receipts).
    const dayPass = { enable_hashagg: 'off', ...BY_CUSTOMER_IN_PARALLEL };
    if (pg) await setLocal(tx, dayPass);
    await temp('_m_agg', aggSql(scope, home, settings, caps));
    if (pg) await setLocal(tx, dayPass, { reset: true });
    step('aggregates');
    const manyCats = await hasManyCategories(tx, orgId);
    await temp('_m_cats', manyCats ? catsSql(scope) : catsFromBitsSql);
    step('categories');
    await tx.execute(sql`delete from classification_thresholds where org_id = ${orgId}`);
    await tx.execute(thresholdsSql(orgId, asOf, settings));
    const [{ partitions } = { partitions: 0 }] = await rows<{ partitions: number }>(
      tx,
      sql`select count(*)::int as partitions from classification_thresholds where org_id = ${orgId}`,
    );
    step('thresholds', { partitions });
    const models = await fitModels(tx, orgId, asOf, settings, { sample, caps });
    step('clv fit', { models });
    const ok = await okModels(tx, orgId);
    const keys = ok.size
      ? (await rows<Row>(tx, gKeysSql)).map((k) => ({ currency: String(k.currency), x: num(k.x), t: num(k.t) }))
      : [];
    await temp('_m_g', gSql(gTerms(keys, ok)));
    step('clv terms', { terms: keys.length });
    // The final select joins a million rows to a few small relations: hash joins, not a sort of them all
    // for a merge join with the (currency, x, T) terms.
    if (pg) await tx.execute(sql`set local enable_mergejoin = off`);
    const [{ customers } = { customers: 0 }] = await rows<{ customers: number }>(
      tx,
      sql`select count(*)::int as customers from _m_cust`,
    );
    const replaces = await hasOwnPartition(tx, orgId);
    const own = replaces || num(customers) >= (options.partitionFrom ?? PARTITION_FROM);
    let timings: PartitionTimings | undefined;
    if (own) {
      // The organisation's partition built anew and swapped in (rows of merged customers are not in it).
      timings = await writeOrgPartition(tx, orgId, finalSelectSql(orgId, settings, manyCats), {
        postgres: pg,
        replaces,
      });
    } else {
      await tx.execute(upsertSql(finalSelectSql(orgId, settings, manyCats)));
      // Rows of customers no longer in scope (merged): one hash anti-join, not a lookup per row.
      if (pg) await tx.execute(sql`set local enable_nestloop = off`);
      await tx.execute(sql`
        delete from customer_metrics m where m.org_id = ${orgId}
          and not exists (select 1 from _m_cust c where c.customer_id = m.customer_id)`);
    }
    step('write', { customers, partition: own, ...timings });
    return { customers: num(customers), partitions: num(partitions), models, rewrote: !own };
  });
  const { rewrote, ...figures } = result;
  const metrics: RecomputeResult = { ...figures, ms: Date.now() - started, steps };
  // An organisation's own partition of customer_metrics is new each run: nothing to vacuum there.
  const tables = rewrote ? ['customer_metrics'] : [];
  for (const s of afterRecomputeSteps) {
    const out = await s.run(database, orgId, { asOf: options.asOf, metrics });
    tables.push(...(s.rewrote?.(out) ?? []));
    step(s.name);
  }
  if (tables.length && (await vacuumNeeded(database))) {
    for (const t of tables) await database.db.execute(sql.raw(`vacuum (analyze) ${t}`));
    step('vacuum', { tables });
  }
  return metrics;
}

/**
 * A tier pass that moves many customers rewrites their rows (on a first run, every customer's): a
 * million dead rows. Nothing reclaims them where autovacuum does not run — PGlite (single-user, no
 * launcher) and servers with `autovacuum = off` (this project's CI machines) —, and the table then grows
 * by its whole size per run (when customer_metrics was still upserted, 2.8 GB after eleven runs of the
 * 1M benchmark, the write 17 → 42 s). There the recompute vacuums what its steps rewrote, after their
 * commit; where autovacuum runs, it is left to it. customer_metrics itself is a new partition each run.
 */
async function vacuumNeeded(database: Database): Promise<boolean> {
  if (database.kind !== 'postgres') return true;
  const [r] = await rows<{ on: string }>(database.db, sql`select current_setting('autovacuum') as on`);
  return r?.on !== 'on';
}
