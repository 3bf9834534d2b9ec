// The care planner alone, in Node, on the benchmark day of bench/care.ts (National Day 2027-10-01: a
// greeting for the whole audience, the day's solar and lunar birthdays, after-purchase calls of a week
// earlier), for synthetic customers shaped like the ones facts.loader.ts loads there. No database: the
// figure is the planning CPU per customer that the 60 s target of the whole run has to pay for.
// BENCH_PLANNER_CUSTOMERS (default 200,000) and BENCH_PLANNER_PASSES (3) scale it.
import { RULE_IDS, careSettingsSchema, type RuleId } from '../src/contracts/care';
import { addDays, planCustomerCare, type CareFacts, type CareHistory, type CarePlan } from '../src/domain/care';
import { memoisedPlanner } from '../src/server/modules/care/generate';

const DAY = '2027-10-01';

function customerId(g: number): string {
  const hex = g.toString(16).padStart(12, '0');
  return `0190a000-0000-7000-8000-${hex}`;
}

/** Customer g as bench/care.ts inserts her and toLoaded / loadBatchDetails turn her into facts. */
export function benchFacts(g: number): CareFacts {
  // bench/care.ts draws consent and receipts from hashtext(id): any well-spread hash will do here.
  const h = Math.imul(g ^ 0x5bd1e995, 0x9e3779b1) >>> 0;
  const receipt = h % 500 === 0;
  return {
    customerId: customerId(g),
    gender: g % 10 < 7 ? 'female' : 'male',
    ageBand: null,
    birthday: addDays('1950-01-01', (g * 7919) % 20000),
    lunarBirthday:
      g % 5 === 0 ? { month: 1 + ((g * 13) % 12), day: 1 + ((g * 17) % 29), isLeapMonth: false, year: null } : null,
    hasChildren: g % 3 === 0 ? true : null,
    isTeacher: null,
    isDeceased: false,
    doNotContact: false,
    consents: [{ channel: 'phone', granted: (h >>> 8) % 10 !== 0 }],
    reachable: { phone: true, email: g % 4 === 0, address: false },
    tierRank: null,
    classValue: null,
    classAbcd: null,
    lapseStatus: null,
    lastVisitOn: receipt ? '2027-09-24' : null,
    usualIntervalDays: null,
    lifetimeSpend: receipt ? { CNY: 300000 } : {},
    receipts: receipt ? [{ id: `r${g}`, date: '2027-09-24', currency: 'CNY', netTotal: 300000, categories: [] }] : [],
    referral: null,
    referralsBrought: [],
    topSpender: [],
  };
}

export async function benchPlanner(): Promise<Record<string, unknown>> {
  const n = Number(process.env.BENCH_PLANNER_CUSTOMERS ?? 200_000);
  const passes = Number(process.env.BENCH_PLANNER_PASSES ?? 3);
  const settings = careSettingsSchema.parse({});
  const activeSince = Object.fromEntries(RULE_IDS.map((r) => [r, '2027-01-01'])) as Record<RuleId, string>;
  const store = { market: 'CN' as const, timeZone: 'Asia/Shanghai' };
  const customers = Array.from({ length: n }, (_, i) => benchFacts(i + 1));
  const histories: CareHistory[] = customers.map(() => ({ contacts: [], openTasks: [], handledKeys: [] }));

  const passOnce = () => {
    // One memo per run, as generateForStore makes it.
    const plan = memoisedPlanner(
      (customer, history) => planCustomerCare({ date: DAY, customer, settings, store, activeSince, history }),
      settings.rules.vip_visit_plan,
    );
    const totals = { tasks: 0, reasons: 0, suppressed: 0, unchanged: 0 };
    const t0 = performance.now();
    for (let i = 0; i < n; i += 1) {
      const p: CarePlan = plan(customers[i]!, histories[i]!);
      totals.tasks += p.tasks.length;
      for (const t of p.tasks) totals.reasons += t.reasons.length;
      totals.suppressed += p.suppressed.length;
      totals.unchanged += p.unchanged.length;
    }
    return { ms: performance.now() - t0, totals };
  };

  passOnce(); // warm-up (JIT, the planner's caches)
  const runs = Array.from({ length: passes }, passOnce);
  const perCustomer = runs.map((r) => (r.ms * 1000) / n).sort((a, b) => a - b);
  const round = (x: number) => Math.round(x * 100) / 100;
  return {
    customers: n,
    day: DAY,
    passes,
    usPerCustomer: { best: round(perCustomer[0]!), median: round(perCustomer[Math.floor(passes / 2)]!) },
    projectedSecondsFor1M: round((perCustomer[Math.floor(passes / 2)]! * 1_000_000) / 1e6),
    plans: runs[0]!.totals,
  };
}
