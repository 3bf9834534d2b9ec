// `npm run bench`: each benchmark prints its figures next to a baseline measured in the same run.
// BENCH_ONLY=search|import|clv|recompute|tiers|segments|care|planner runs one; BENCH_CUSTOMERS / BENCH_QUERIES scale the search bench;
// BENCH_DATABASE_URL (PostgreSQL) and BENCH_PURCHASE_LINES drive the purchase-import bench.
import { benchCare } from './care';
import { benchClv } from './clv';
import { benchImportPurchases } from './import-purchases';
import { benchPlanner } from './planner';
import { benchSearch } from './search';
import { benchTiers } from './tiers';
import { benchRecompute } from './recompute';
import { benchSegments } from './segments';

const only = process.env.BENCH_ONLY;
const benches: Record<string, () => Promise<Record<string, unknown>>> = {
  search: benchSearch,
  import: benchImportPurchases,
  clv: benchClv,
  tiers: benchTiers,
  recompute: benchRecompute,
  segments: benchSegments,
  care: benchCare,
  planner: benchPlanner,
};

for (const [name, run] of Object.entries(benches)) {
  if (only && only !== name) continue;
  const started = performance.now();
  const figures = await run();
  console.log(`\n== ${name} (${((performance.now() - started) / 1000).toFixed(1)} s)`);
  console.log(JSON.stringify(figures, null, 2));
  if (name === 'search') {
    const f = figures as { pkLookup: { p95: number }; searchApi: { p95: number } };
    const verdict = f.searchApi.p95 < 50 ? 'meets' : 'MISSES';
    console.log(
      `search p95 ${f.searchApi.p95} ms vs primary-key p95 ${f.pkLookup.p95} ms (x${(f.searchApi.p95 / f.pkLookup.p95).toFixed(1)}); ${verdict} the 50 ms target`,
    );
  }
  if (name === 'import' && 'ratio' in figures) {
    const f = figures as { ratio: number; copy: { rowsPerSecond: number }; import: { rowsPerSecond: number } };
    console.log(
      `import ${f.import.rowsPerSecond} rows/s vs COPY ${f.copy.rowsPerSecond} rows/s: ratio ${f.ratio} (${f.ratio >= 0.5 ? 'meets' : 'MISSES'} the 0.5 target)`,
    );
  }
  if (name === 'recompute' && 'ratio' in figures) {
    const f = figures as { ratio: number; recomputeMs: number; baselineMs: number; customers: number; lines: number };
    console.log(
      `recompute of ${f.customers} customers / ${f.lines} lines ${f.recomputeMs} ms vs GROUP BY ${f.baselineMs} ms: ratio ${f.ratio} (${f.ratio <= 3 ? 'meets' : 'MISSES'} the 3× target)`,
    );
  }
  if (name === 'segments') {
    for (const [db, f] of Object.entries(
      figures as Record<
        string,
        { segmentCountMs?: { p50: number; p95: number }; baselineCountMs?: { p50: number }; customers?: number }
      >,
    )) {
      if (!f.segmentCountMs || !f.baselineCountMs) continue;
      console.log(
        `segments (${db}): compound segment count over ${f.customers} customers p50 ${f.segmentCountMs.p50} ms / p95 ${f.segmentCountMs.p95} ms vs count(*) p50 ${f.baselineCountMs.p50} ms; ${f.segmentCountMs.p95 < 1000 ? 'meets' : 'MISSES'} the 1 s target`,
      );
    }
  }
  if (name === 'care' && 'generateSeconds' in figures) {
    const f = figures as {
      customers: number;
      generateSeconds: number;
      phasesMs: { read: number; plan: number; write: number };
      guideList: { p95: number };
      baseline: { countCustomersMs: number; taskPkLookup: { p95: number } };
    };
    console.log(
      `care: one day for ${f.customers} customers in ${f.generateSeconds} s (waiting for reads ${f.phasesMs.read} ms, planning ${f.phasesMs.plan} ms, waiting for writes ${f.phasesMs.write} ms; count baseline ${f.baseline.countCustomersMs} ms; ${f.generateSeconds < 60 ? 'meets' : 'MISSES'} the 60 s target); guide list p95 ${f.guideList.p95} ms vs task pk p95 ${f.baseline.taskPkLookup.p95} ms (${f.guideList.p95 < 100 ? 'meets' : 'MISSES'} the 100 ms target)`,
    );
  }
  if (name === 'planner') {
    const f = figures as {
      customers: number;
      usPerCustomer: { median: number };
      cpuUsPerCustomer: { median: number };
      baselineCpuUsPerCustomer: { median: number };
      projectedSecondsFor1M: number;
    };
    console.log(
      `planner: ${f.usPerCustomer.median} µs per customer on the benchmark day (${f.projectedSecondsFor1M} s of Node CPU for 1,000,000 customers); CPU ${f.cpuUsPerCustomer.median} µs vs ${f.baselineCpuUsPerCustomer.median} µs for the planner before the day plan, same run`,
    );
  }
  if (name === 'clv') {
    const f = figures as {
      customers: number;
      fitMs: { median: number; cold: number };
      baseline: { rfmSummaryMs: number; logLikelihoodTimesEvaluationsMs: number };
    };
    console.log(
      `clv fit of ${f.customers} customers ${f.fitMs.median} ms (cold ${f.fitMs.cold} ms) vs RFM summary ${f.baseline.rfmSummaryMs} ms and log-likelihood × evaluations ${f.baseline.logLikelihoodTimesEvaluationsMs} ms; ${f.fitMs.cold < 2000 ? 'meets' : 'MISSES'} the 2 s target`,
    );
  }
}
