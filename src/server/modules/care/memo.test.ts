// The generation's memo gives exactly the plan the planner makes, for customers that share every fact
// but their id (the whole-audience holiday case) and for any facts at all.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RULE_IDS, type CareSettings, type RuleId } from '../../../contracts/care';
import { planCustomerCare, type CareFacts, type CareHistory } from '../../../domain/care';
import { arbitraryFacts, arbitrarySettings } from '../../../domain/care/test-arbitraries';
import { memoisedPlanner } from './generate';
import { uuidv7 } from './write-batch';

const SINCE = Object.fromEntries(RULE_IDS.map((r) => [r, '2026-01-01'])) as Record<RuleId, string>;
const NO_HISTORY: CareHistory = { contacts: [], openTasks: [], handledKeys: [] };

const planner = (settings: CareSettings, date: string) => (facts: CareFacts, history: CareHistory) =>
  planCustomerCare({
    date,
    customer: facts,
    settings,
    store: { market: 'CN', timeZone: 'Asia/Shanghai' },
    activeSince: SINCE,
    history,
  });

describe('memoisedPlanner', () => {
  it('matches the planner for twins that differ only by id, key customers included', () => {
    fc.assert(
      fc.property(arbitrarySettings(), arbitraryFacts('2027-09-15'), fc.uuid(), (settings, facts, otherId) => {
        const plain = planner(settings, '2027-09-15');
        const memo = memoisedPlanner(plain, settings.rules.vip_visit_plan);
        const twin = { ...facts, customerId: otherId };
        expect(memo(facts, NO_HISTORY)).toEqual(plain(facts, NO_HISTORY));
        expect(memo(twin, NO_HISTORY)).toEqual(plain(twin, NO_HISTORY));
      }),
      { numRuns: 300 },
    );
  });
});

describe('uuidv7', () => {
  it('gives valid, strictly increasing ids even within one millisecond', () => {
    const ids = Array.from({ length: 10_000 }, () => uuidv7());
    for (const id of ids) expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect([...ids].sort()).toEqual(ids);
    expect(new Set(ids).size).toBe(ids.length);
  });
});
