// The care planner alone, in Node, on the benchmark day of bench/care.ts (National Day 2027-10-01: a
// greeting for the whole audience, the day's solar and lunar birthdays, after-purchase calls of a week
// earlier), for synthetic customers shaped like the ones facts.loader.ts loads there. No database: the
// figure is the planning CPU per customer that the 60 s target of the whole run has to pay for. The
// baseline, measured in the same run on the same customers, is the planner before the day was worked out
// once per run (planner-reference.ts, kept for planner-fast.test.ts).
// BENCH_PLANNER_CUSTOMERS (default 200,000) and BENCH_PLANNER_PASSES (3) scale it.
import { RULE_IDS, careSettingsSchema, type RuleId } from '../src/contracts/care';
import { planCustomerCare, type CareHistory, type CarePlan } from '../src/domain/care';
import { benchDayFacts } from '../src/domain/care/test-arbitraries';
import { planCustomerCareReference } from '../src/domain/care/planner-reference';
import { memoisedPlanner } from '../src/server/modules/care/generate';

const DAY = '2027-10-01';

export async function benchPlanner(): Promise<Record<string, unknown>> {
  const n = Number(process.env.BENCH_PLANNER_CUSTOMERS ?? 200_000);
  const passes = Number(process.env.BENCH_PLANNER_PASSES ?? 3);
  const settings = careSettingsSchema.parse({});
  const activeSince = Object.fromEntries(RULE_IDS.map((r) => [r, '2027-01-01'])) as Record<RuleId, string>;
  const store = { market: 'CN' as const, timeZone: 'Asia/Shanghai' };
  const customers = Array.from({ length: n }, (_, i) => benchDayFacts(i + 1));
  const histories: CareHistory[] = customers.map(() => ({ contacts: [], openTasks: [], handledKeys: [] }));

  const passOnce = (planner: typeof planCustomerCare = planCustomerCare) => {
    // One memo per run, as generateForStore makes it.
    const plan = memoisedPlanner(
      (customer, history) => planner({ date: DAY, customer, settings, store, activeSince, history }),
      settings.rules.vip_visit_plan,
    );
    const totals = { tasks: 0, reasons: 0, suppressed: 0, unchanged: 0 };
    const t0 = performance.now();
    const c0 = process.cpuUsage();
    for (let i = 0; i < n; i += 1) {
      const p: CarePlan = plan(customers[i]!, histories[i]!);
      totals.tasks += p.tasks.length;
      for (const t of p.tasks) totals.reasons += t.reasons.length;
      totals.suppressed += p.suppressed.length;
      totals.unchanged += p.unchanged.length;
    }
    const cpu = process.cpuUsage(c0);
    return { ms: performance.now() - t0, cpuUs: cpu.user + cpu.system, totals };
  };

  passOnce(); // warm-up (JIT, the planner's caches)
  const runs = Array.from({ length: passes }, () => passOnce());
  passOnce(planCustomerCareReference);
  const reference = Array.from({ length: passes }, () => passOnce(planCustomerCareReference))
    .map((r) => r.cpuUs / n)
    .sort((a, b) => a - b);
  const perCustomer = runs.map((r) => (r.ms * 1000) / n).sort((a, b) => a - b);
  const cpuPerCustomer = runs.map((r) => r.cpuUs / n).sort((a, b) => a - b);
  const round = (x: number) => Math.round(x * 100) / 100;
  return {
    customers: n,
    day: DAY,
    passes,
    usPerCustomer: { best: round(perCustomer[0]!), median: round(perCustomer[Math.floor(passes / 2)]!) },
    // Process CPU (user + system, GC included): steadier than the clock on a busy machine.
    cpuUsPerCustomer: { best: round(cpuPerCustomer[0]!), median: round(cpuPerCustomer[Math.floor(passes / 2)]!) },
    baselineCpuUsPerCustomer: { best: round(reference[0]!), median: round(reference[Math.floor(passes / 2)]!) },
    projectedSecondsFor1M: round((perCustomer[Math.floor(passes / 2)]! * 1_000_000) / 1e6),
    plans: runs[0]!.totals,
  };
}
