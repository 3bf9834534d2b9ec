// customer_metrics is partitioned by organisation (ADR 0012). A full recompute does not upsert a
// million rows into four indexes: it fills a plain table of its own with the new rows, indexes it
// (each index built once, sorted, instead of a million insertions), and swaps it in for the
// organisation's partition in the same transaction. Readers see the old partition until the commit;
// the swap itself holds the table's lock for a few catalogue updates only. Organisations that never
// had a full run keep their rows (written by the incremental refresh) in the default partition.
import { sql, type SQL } from 'drizzle-orm';
import { rows, type Db } from '../../db/client';
import { METRIC_COLUMNS } from './metrics-rows.sql';

/** The organisation id as the 32 hex digits a table name may hold (it is a uuid; anything else throws). */
function hexOf(orgId: string): string {
  const hex = orgId.replace(/-/g, '').toLowerCase();
  if (!/^[0-9a-f]{32}$/.test(hex)) throw new Error(`not an organisation id: ${orgId}`);
  return hex;
}

/** The organisation's partition of customer_metrics, once a full run has built it. */
export const partitionName = (orgId: string) => `customer_metrics_o${hexOf(orgId)}`;

/** Whether a full run has given the organisation a partition of its own. */
export async function hasOwnPartition(tx: Db, orgId: string): Promise<boolean> {
  const [found] = await rows<{ exists: boolean }>(
    tx,
    sql`select to_regclass(${partitionName(orgId)}) is not null as exists`,
  );
  return !!found?.exists;
}

/** Index name suffixes of a partition; each matches one index of the partitioned table. */
const INDEXES: { suffix: string; columns: string }[] = [
  { suffix: 'store', columns: 'org_id, store_id' },
  { suffix: 'lapse', columns: 'org_id, lapse_status' },
  { suffix: 'value', columns: 'org_id, expected_value_365, customer_id' },
];

/** How long the swap waits for readers of customer_metrics to finish, per attempt, and how often. */
export const SWAP_LOCK_TIMEOUT_MS = 3000;
export const SWAP_ATTEMPTS = 5;

/**
 * Writes `select` (the rows of customer_metrics of the organisation, METRIC_COLUMNS in order) as the
 * organisation's new partition and swaps it in. Must run inside the recompute's transaction: a run cut
 * short leaves the old partition in place and no new table behind.
 */
export async function writeOrgPartition(
  tx: Db,
  orgId: string,
  select: SQL,
  options: { postgres: boolean; /** It has a partition already (hasOwnPartition). */ replaces: boolean },
): Promise<PartitionTimings> {
  const name = partitionName(orgId);
  let mark = Date.now();
  const lap = () => {
    const ms = Date.now() - mark;
    mark = Date.now();
    return ms;
  };
  const next = `customer_metrics_n${hexOf(orgId)}`;
  // The check constraint lets ATTACH skip its scan of the million rows (it proves the partition bound).
  await tx.execute(
    sql.raw(
      `create table ${next} (like customer_metrics including defaults, constraint org_only check (org_id = '${orgId}'))`,
    ),
  );
  await tx.execute(sql`insert into ${sql.raw(next)} (${sql.raw(METRIC_COLUMNS.join(', '))}) ${select}`);
  const fillMs = lap();
  // Matching the partitioned table's indexes (and its primary key as a constraint), so ATTACH adopts
  // them instead of building its own.
  await tx.execute(sql.raw(`alter table ${next} add constraint ${next}_pkey primary key (customer_id, org_id)`));
  for (const i of INDEXES) await tx.execute(sql.raw(`create index ${next}_${i.suffix} on ${next} (${i.columns})`));
  await tx.execute(sql.raw(`analyze ${next}`));
  const indexMs = lap();

  await lockForSwap(tx, options.postgres);
  if (options.replaces) {
    await tx.execute(sql.raw(`alter table customer_metrics detach partition ${name}`));
    await tx.execute(sql.raw(`drop table ${name}`));
  } else {
    // The first full run: rows the refresh wrote so far are in the default partition.
    await tx.execute(sql`delete from customer_metrics_default where org_id = ${orgId}`);
  }
  await tx.execute(sql.raw(`alter table customer_metrics attach partition ${next} for values in ('${orgId}')`));
  await tx.execute(sql.raw(`alter table ${next} rename to ${name}`));
  await tx.execute(sql.raw(`alter index ${next}_pkey rename to ${name}_pkey`));
  for (const i of INDEXES) await tx.execute(sql.raw(`alter index ${next}_${i.suffix} rename to ${name}_${i.suffix}`));
  return { fillMs, indexMs, swapMs: lap() };
}

/** Where the write of a partition spends its time: the final select's rows, their indexes, the swap. */
export type PartitionTimings = { fillMs: number; indexMs: number; swapMs: number };

/**
 * The swap needs the partitioned table to itself (detaching a partition takes ACCESS EXCLUSIVE on it).
 * Waiting behind a long report would make every reader queue behind the recompute, so each attempt
 * gives up after SWAP_LOCK_TIMEOUT_MS (in a savepoint, the transaction survives) and tries again.
 */
export async function lockForSwap(
  tx: Db,
  postgres: boolean,
  { timeoutMs = SWAP_LOCK_TIMEOUT_MS, attempts = SWAP_ATTEMPTS } = {},
): Promise<void> {
  if (!postgres) {
    await tx.execute(sql`lock table customer_metrics in access exclusive mode`);
    return;
  }
  for (let attempt = 1; ; attempt++) {
    try {
      await tx.transaction(async (sp) => {
        await sp.execute(sql.raw(`set local lock_timeout = ${Math.max(1, Math.round(timeoutMs))}`));
        await sp.execute(sql`lock table customer_metrics in access exclusive mode`);
      });
      await tx.execute(sql`set local lock_timeout to default`);
      return;
    } catch (e) {
      const err = e as { code?: string; cause?: { code?: string } };
      const timedOut = err.code === '55P03' || err.cause?.code === '55P03';
      if (attempt >= attempts || !timedOut) throw e;
    }
  }
}
