// Care for the relationship itself: the regional manager's yearly visit to the region's best customer
// (000, 001), the key customers' yearly visit plan (003), "long time no see" for a drifting customer and
// a win-back plan for a lost high-value one (000, 002).
import type { ContactKind, RuleConfig } from '../../../contracts/care';
import { addDays, daysInMonth, isoDate, monthDayInYear, type IsoDate } from '../dates';
import type { CareFacts } from '../facts';
import type { Occasion, RuleDefinition } from './types';

const inRange = (d: IsoDate, from: IsoDate, to: IsoDate) => d >= from && d <= to;

/** FNV-1a: a stable small hash, so a customer's planned visit day does not change between runs. */
export function stableHash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

// A call she may not take becomes a message; a visit is arranged by call or, failing that, not at all.
function withFallback(kind: ContactKind): ContactKind[] {
  if (kind === 'call') return ['call', 'message'];
  if (kind === 'visit') return ['visit', 'call'];
  return [kind];
}

export const topSpenderVisit: RuleDefinition<'top_spender_visit'> = {
  id: 'top_spender_visit',
  occasionsDueBetween(config, facts, _ctx, from, to) {
    const out: Occasion[] = [];
    for (const { year, rank } of facts.topSpender ?? []) {
      if (rank < 1 || rank > config.topN) continue;
      const dueOn = monthDayInYear(year + 1, config.visitOn);
      if (!inRange(dueOn, from, to)) continue;
      out.push({
        ruleId: 'top_spender_visit',
        key: `top_spender_visit:${year}`,
        customerId: facts.customerId,
        occasionDate: dueOn,
        createOn: addDays(dueOn, -config.leadDays),
        dueOn,
        assignee: config.assignee,
        kinds: config.kinds,
        category: 'top_spender_visit',
        reasonKey: 'care.reasons.top_spender_visit',
        reasonParams: { year },
        rank: 0,
      });
    }
    return out;
  },
  mayFind: (_config, facts) => Boolean(facts.topSpender?.length),
  maxLeadDays: (config) => config.leadDays,
  lookbackDays: () => 0,
};

/** Whether she is a key customer for the visit plan: high enough tier, or the right value or ABCD class. */
export function isKeyCustomer(config: RuleConfig<'vip_visit_plan'>, facts: CareFacts): boolean {
  return (
    (config.minTierRank !== null && facts.tierRank != null && facts.tierRank >= config.minTierRank) ||
    (facts.classValue != null && config.classValues.includes(facts.classValue)) ||
    (facts.classAbcd != null && config.classAbcd.includes(facts.classAbcd))
  );
}

/** The planned day of a visit slot: spread over the first 20 days of its month by customer. */
export function visitSlotDate(customerId: string, year: number, slot: { key: string; month: number }): IsoDate {
  const span = Math.min(20, daysInMonth(year, slot.month));
  return isoDate(year, slot.month, 1 + (stableHash(`${customerId}|${year}|${slot.key}`) % span));
}

export const vipVisitPlan: RuleDefinition<'vip_visit_plan'> = {
  id: 'vip_visit_plan',
  occasionsDueBetween(config, facts, _ctx, from, to) {
    if (!isKeyCustomer(config, facts)) return [];
    const out: Occasion[] = [];
    for (let y = Number(from.slice(0, 4)); y <= Number(to.slice(0, 4)); y += 1) {
      for (const slot of config.slots) {
        const dueOn = visitSlotDate(facts.customerId, y, slot);
        if (!inRange(dueOn, from, to)) continue;
        out.push({
          ruleId: 'vip_visit_plan',
          key: `vip_visit_plan:${y}:${slot.key}`,
          customerId: facts.customerId,
          occasionDate: dueOn,
          createOn: addDays(dueOn, -config.leadDays),
          dueOn,
          assignee: slot.assignee,
          kinds: withFallback(slot.kind),
          category: 'vip_visit',
          reasonKey: slot.kind === 'visit' ? 'care.reasons.vip_visit_plan_visit' : 'care.reasons.vip_visit_plan_call',
          reasonParams: { year: y, date: dueOn },
          rank: 0,
        });
      }
    }
    return out;
  },
  mayFind: (config, facts) => isKeyCustomer(config, facts),
  maxLeadDays: (config) => config.leadDays,
  lookbackDays: () => 0,
};

/**
 * The day she passes a lapse threshold: her last visit plus the longer of `minDays` and `multiple` times
 * her usual interval between visits (a customer who comes twice a year is not "drifting" after 90 days).
 */
export function lapseCrossing(facts: CareFacts, minDays: number, multiple: number): IsoDate | null {
  if (!facts.lastVisitOn) return null;
  const interval = facts.usualIntervalDays ?? 0;
  return addDays(facts.lastVisitOn, Math.max(minDays, Math.ceil(multiple * interval)));
}

function statusAgrees(facts: CareFacts, statuses: readonly string[]): boolean {
  // Metrics not computed yet: the day threshold alone decides.
  return facts.lapseStatus == null || statuses.includes(facts.lapseStatus);
}

export const lapsed: RuleDefinition<'lapsed'> = {
  id: 'lapsed',
  occasionsDueBetween(config, facts, _ctx, from, to) {
    const crossing = lapseCrossing(facts, config.minDays, config.intervalMultiple);
    if (!crossing || !inRange(crossing, from, to) || !statusAgrees(facts, config.statuses)) return [];
    return [
      {
        ruleId: 'lapsed',
        // One "long time no see" per absence: a new visit starts a new one.
        key: `lapsed:${facts.lastVisitOn}`,
        customerId: facts.customerId,
        occasionDate: crossing,
        createOn: crossing,
        dueOn: crossing,
        assignee: 'owner_guide',
        kinds: config.kinds,
        category: 'miss_you',
        reasonKey: 'care.reasons.lapsed',
        reasonParams: { date: facts.lastVisitOn ?? undefined },
        rank: 0,
      },
    ];
  },
  mayFind: (_config, facts) => Boolean(facts.lastVisitOn),
  maxLeadDays: () => 0,
  lookbackDays: () => 0,
};

/** High value for the win-back plan: any of the classes, the tier rank, or the lifetime spend. */
export function isHighValue(config: RuleConfig<'win_back'>, facts: CareFacts): boolean {
  if (facts.classValue != null && config.classValues.includes(facts.classValue)) return true;
  if (config.minTierRank !== null && facts.tierRank != null && facts.tierRank >= config.minTierRank) return true;
  return Object.entries(facts.lifetimeSpend ?? {}).some(([currency, amount]) => {
    const min = config.minLifetimeSpend[currency];
    return min !== undefined && amount >= min;
  });
}

export const winBack: RuleDefinition<'win_back'> = {
  id: 'win_back',
  occasionsDueBetween(config, facts, _ctx, from, to) {
    const crossing = lapseCrossing(facts, config.minDays, config.intervalMultiple);
    if (!crossing || !statusAgrees(facts, config.statuses) || !isHighValue(config, facts)) return [];
    const out: Occasion[] = [];
    config.steps.forEach((step, i) => {
      const dueOn = addDays(crossing, step.offsetDays);
      if (!inRange(dueOn, from, to)) return;
      out.push({
        ruleId: 'win_back',
        key: `win_back:${facts.lastVisitOn}:${step.key}`,
        customerId: facts.customerId,
        occasionDate: crossing,
        createOn: dueOn,
        dueOn,
        assignee: step.assignee,
        kinds: withFallback(step.kind),
        category: 'win_back',
        reasonKey: 'care.reasons.win_back',
        reasonParams: { date: facts.lastVisitOn ?? undefined, step: i + 1, steps: config.steps.length },
        rank: i,
      });
    });
    return out;
  },
  mayFind: (_config, facts) => Boolean(facts.lastVisitOn),
  maxLeadDays: () => 0,
  lookbackDays: () => 0,
};
