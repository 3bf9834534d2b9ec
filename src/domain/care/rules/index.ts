// The rule registry: one definition per rule id, their precedence (which reason owns a merged task and
// which wins the contact budget), and the per-rule entry point the engine calls.
import type { CareSettings, RuleConfig, RuleConfigs, RuleId } from '../../../contracts/care';
import { addDays } from '../dates';
import type { CareFacts } from '../facts';
import { birthday, holiday, seasonChange } from './calendar-rules';
import { afterPurchaseCall, referralNewCall, referralThanks, spendThresholdThanks } from './purchase-rules';
import { lapsed, topSpenderVisit, vipVisitPlan, winBack } from './relationship-rules';
import type { Occasion, RuleContext, RuleDefinition } from './types';

export const RULES: { [R in RuleId]: RuleDefinition<R> } = {
  after_purchase_call: afterPurchaseCall,
  referral_thanks: referralThanks,
  referral_new_call: referralNewCall,
  spend_threshold_thanks: spendThresholdThanks,
  top_spender_visit: topSpenderVisit,
  vip_visit_plan: vipVisitPlan,
  birthday,
  holiday,
  season_change: seasonChange,
  lapsed,
  win_back: winBack,
};

/**
 * Precedence, first = strongest. The first reason of a merged task owns it (its assignee, contact kind
 * and message category): an in-person visit absorbs a call, a call about her purchase absorbs a greeting,
 * a birthday absorbs a holiday. The same order decides the contact budget: a greeting never takes the
 * place of a stronger occasion that is coming (see planCustomerCare).
 */
export const RULE_PRECEDENCE: readonly RuleId[] = [
  'top_spender_visit',
  'vip_visit_plan',
  'win_back',
  'after_purchase_call',
  'referral_new_call',
  'birthday',
  'referral_thanks',
  'spend_threshold_thanks',
  'lapsed',
  'holiday',
  'season_change',
];

/** Sort order of occasions: rule precedence, then rank within the rule, then due date, then key. */
export function compareOccasions(a: Occasion, b: Occasion): number {
  return (
    RULE_PRECEDENCE.indexOf(a.ruleId) - RULE_PRECEDENCE.indexOf(b.ruleId) ||
    a.rank - b.rank ||
    a.dueOn.localeCompare(b.dueOn) ||
    a.key.localeCompare(b.key)
  );
}

function definition<R extends RuleId>(ruleId: R): RuleDefinition<R> {
  return RULES[ruleId];
}

/**
 * The occasions of one rule that are open on `ctx.date`: created on or before today (lead days) and due
 * today or later, whose occasionDate is not before `ctx.activeSince` (no back-dating). A disabled rule
 * gives nothing. Occasions are not yet guarded (consent, budget, merging): see planCustomerCare.
 */
export function occasionsOn<R extends RuleId>(
  ruleId: R,
  config: RuleConfig<R>,
  facts: CareFacts,
  ctx: RuleContext,
): Occasion[] {
  if (!config.enabled) return [];
  const rule = definition(ruleId);
  const to = addDays(ctx.date, rule.maxLeadDays(config));
  return rule
    .occasionsDueBetween(config, facts, ctx, ctx.date, to)
    .filter((o) => o.createOn <= ctx.date && o.occasionDate >= ctx.activeSince)
    .sort(compareOccasions);
}

/** Occasions of one rule due in (`ctx.date`, `to`] that are not back-dated: what is coming. */
export function upcomingOccasions<R extends RuleId>(
  ruleId: R,
  config: RuleConfig<R>,
  facts: CareFacts,
  ctx: RuleContext,
  to: string,
): Occasion[] {
  if (!config.enabled) return [];
  const from = addDays(ctx.date, 1);
  if (to < from) return [];
  return definition(ruleId)
    .occasionsDueBetween(config, facts, ctx, from, to)
    .filter((o) => o.occasionDate >= ctx.activeSince);
}

function ruleDays<R extends RuleId>(id: R, rules: RuleConfigs, what: 'lookbackDays' | 'maxLeadDays'): number {
  const config: RuleConfig<R> = rules[id];
  return config.enabled ? definition(id)[what](config) : 0;
}

/** How many days of receipts and referrals the facts must cover for these settings. */
export function careLookbackDays(settings: Pick<CareSettings, 'rules'>): number {
  return Math.max(0, ...RULE_PRECEDENCE.map((id) => ruleDays(id, settings.rules, 'lookbackDays')));
}

/** The longest lead of the enabled rules: the engine selects occasions due up to this many days ahead. */
export function careLeadDays(settings: Pick<CareSettings, 'rules'>): number {
  return Math.max(0, ...RULE_PRECEDENCE.map((id) => ruleDays(id, settings.rules, 'maxLeadDays')));
}

export type { Occasion, ReasonParams, RuleContext, RuleDefinition } from './types';
