// Care that answers a purchase: the call a week after a big receipt and usage follow-ups per category
// (seeds 000, 001, 003), the same-day thanks for a referral and the call to the new customer (000, 001),
// and the thank-you when cumulative spend passes a threshold.
import { addDays, type IsoDate } from '../dates';
import type { CareFacts, ReceiptFact } from '../facts';
import type { Occasion, RuleDefinition } from './types';

const inRange = (d: IsoDate, from: IsoDate, to: IsoDate) => d >= from && d <= to;

function hasAnyKey(record: object | undefined): boolean {
  for (const _ in record) return true;
  return false;
}

function meetsThreshold(receipt: ReceiptFact, min: Record<string, number>): boolean {
  const threshold = min[receipt.currency];
  return threshold !== undefined && receipt.netTotal >= threshold;
}

export const afterPurchaseCall: RuleDefinition<'after_purchase_call'> = {
  id: 'after_purchase_call',
  occasionsDueBetween(config, facts, _ctx, from, to) {
    const out: Occasion[] = [];
    for (const r of facts.receipts ?? []) {
      if (r.netTotal <= 0) continue; // returned in full: nothing to ask about
      const big = meetsThreshold(r, config.minReceiptTotal);
      const base = {
        ruleId: 'after_purchase_call' as const,
        customerId: facts.customerId,
        occasionDate: r.date,
        assignee: 'seller' as const,
        kinds: config.kinds,
        category: 'after_purchase' as const,
        rank: 0,
      };
      if (big) {
        const dueOn = addDays(r.date, config.delayDays);
        if (inRange(dueOn, from, to)) {
          out.push({
            ...base,
            key: `after_purchase_call:${r.id}`,
            createOn: dueOn,
            dueOn,
            reasonKey: 'care.reasons.after_purchase_call',
            reasonParams: { date: r.date },
          });
        }
      }
      const seen = new Set<string>();
      for (const category of r.categories) {
        for (const f of config.categoryFollowUps[category] ?? []) {
          if (seen.has(f.key) || (f.onlyAboveThreshold && !big)) continue;
          seen.add(f.key);
          const dueOn = addDays(r.date, f.delayDays);
          if (!inRange(dueOn, from, to)) continue;
          out.push({
            ...base,
            key: `after_purchase_call:${r.id}:${f.key}`,
            createOn: dueOn,
            dueOn,
            reasonKey: 'care.reasons.usage_follow_up',
            reasonParams: { date: r.date, followUp: f.label ?? f.key },
            rank: 1,
          });
        }
      }
    }
    return out;
  },
  mayFind: (_config, facts) => Boolean(facts.receipts?.length),
  maxLeadDays: () => 0,
  lookbackDays: (config) =>
    Math.max(config.delayDays, ...Object.values(config.categoryFollowUps).flatMap((fs) => fs.map((f) => f.delayDays))),
};

export const referralThanks: RuleDefinition<'referral_thanks'> = {
  id: 'referral_thanks',
  occasionsDueBetween(config, facts, _ctx, from, to) {
    if (!facts.referral && !facts.referralsBrought?.length) return [];
    const out: Occasion[] = [];
    const base = {
      ruleId: 'referral_thanks' as const,
      customerId: facts.customerId,
      assignee: 'owner_guide' as const,
      kinds: config.kinds,
      rank: 0,
    };
    // The new customer: thanks for trusting the brand, on the day of her first purchase.
    const ref = facts.referral;
    if (ref && inRange(ref.firstPurchaseOn, from, to)) {
      out.push({
        ...base,
        key: `referral_thanks:welcome:${ref.firstPurchaseOn}`,
        occasionDate: ref.firstPurchaseOn,
        createOn: ref.firstPurchaseOn,
        dueOn: ref.firstPurchaseOn,
        category: 'referral_welcome',
        reasonKey: 'care.reasons.referral_thanks_new',
        reasonParams: {},
      });
    }
    // The regular who brought her: thanks for her love of the brand and support of the store, that day.
    for (const b of facts.referralsBrought ?? []) {
      if (!inRange(b.firstPurchaseOn, from, to)) continue;
      out.push({
        ...base,
        key: `referral_thanks:${b.customerId}`,
        occasionDate: b.firstPurchaseOn,
        createOn: b.firstPurchaseOn,
        dueOn: b.firstPurchaseOn,
        category: 'referral_thanks',
        reasonKey: 'care.reasons.referral_thanks_referrer',
        reasonParams: {},
      });
    }
    return out;
  },
  mayFind: (_config, facts) => Boolean(facts.referral || facts.referralsBrought?.length),
  maxLeadDays: () => 0,
  lookbackDays: () => 0,
};

export const referralNewCall: RuleDefinition<'referral_new_call'> = {
  id: 'referral_new_call',
  occasionsDueBetween(config, facts, _ctx, from, to) {
    const ref = facts.referral;
    if (!ref) return [];
    const dueOn = addDays(ref.firstPurchaseOn, config.callByDays);
    if (!inRange(dueOn, from, to)) return [];
    return [
      {
        ruleId: 'referral_new_call',
        key: `referral_new_call:${ref.firstPurchaseOn}`,
        customerId: facts.customerId,
        occasionDate: ref.firstPurchaseOn,
        createOn: addDays(ref.firstPurchaseOn, Math.min(config.showFromDays, config.callByDays)),
        dueOn,
        assignee: 'owner_guide',
        kinds: config.kinds,
        category: 'after_purchase',
        reasonKey: 'care.reasons.referral_new_call',
        reasonParams: { date: ref.firstPurchaseOn },
        rank: 0,
      },
    ];
  },
  mayFind: (_config, facts) => Boolean(facts.referral),
  maxLeadDays: (config) => Math.max(0, config.callByDays - config.showFromDays),
  lookbackDays: (config) => config.callByDays,
};

/**
 * The days on which her cumulative net spend in a currency first reached each threshold, as far as the
 * receipts on hand show: spend before the oldest receipt is `lifetime − sum(receipts)`; a threshold
 * already reached by then was crossed earlier and is not reported. Several thresholds crossed on one day
 * give only the highest (one thank-you, not three).
 */
export function thresholdCrossings(
  facts: Pick<CareFacts, 'lifetimeSpend' | 'receipts'>,
  currency: string,
  thresholds: number[],
): Array<{ date: IsoDate; threshold: number }> {
  const lifetime = facts.lifetimeSpend?.[currency];
  if (lifetime === undefined) return [];
  const receipts = (facts.receipts ?? []).filter((r) => r.currency === currency);
  const byDay = new Map<IsoDate, number>();
  for (const r of receipts) byDay.set(r.date, (byDay.get(r.date) ?? 0) + r.netTotal);
  let cumulative = lifetime - receipts.reduce((s, r) => s + r.netTotal, 0);
  const pending = new Set(thresholds.filter((t) => t > cumulative));
  const out: Array<{ date: IsoDate; threshold: number }> = [];
  for (const date of [...byDay.keys()].sort()) {
    cumulative += byDay.get(date) ?? 0;
    const crossed = [...pending].filter((t) => t <= cumulative);
    if (crossed.length === 0) continue;
    for (const t of crossed) pending.delete(t);
    out.push({ date, threshold: Math.max(...crossed) });
  }
  return out;
}

export const spendThresholdThanks: RuleDefinition<'spend_threshold_thanks'> = {
  id: 'spend_threshold_thanks',
  occasionsDueBetween(config, facts, _ctx, from, to) {
    if (!hasAnyKey(facts.lifetimeSpend)) return []; // no spend on file: no crossing (most customers of a day)
    const out: Occasion[] = [];
    for (const [currency, thresholds] of Object.entries(config.thresholds)) {
      for (const c of thresholdCrossings(facts, currency, thresholds)) {
        const dueOn = addDays(c.date, config.delayDays);
        if (!inRange(dueOn, from, to)) continue;
        out.push({
          ruleId: 'spend_threshold_thanks',
          key: `spend_threshold_thanks:${currency}:${c.threshold}`,
          customerId: facts.customerId,
          occasionDate: c.date,
          createOn: dueOn,
          dueOn,
          assignee: 'owner_guide',
          kinds: config.kinds,
          category: 'thank_you',
          reasonKey: 'care.reasons.spend_threshold_thanks',
          reasonParams: { amount: c.threshold, currency },
          rank: 0,
        });
      }
    }
    return out;
  },
  mayFind: (_config, facts) => hasAnyKey(facts.lifetimeSpend),
  maxLeadDays: () => 0,
  lookbackDays: (config) => config.delayDays,
};
