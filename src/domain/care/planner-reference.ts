// Test support only: the planner as it was written before planCustomerCare precomputed the day's
// calendar once per run (commit d131001), kept as the reference the fast planner must equal exactly
// (planner-fast.test.ts). It asks every rule through occasionsOn / upcomingOccasions for every customer.
import type { SuppressionReason } from '../../contracts/care';
import type { RuleId } from '../../contracts/care';
import { addDays, toEpochDay, type IsoDate } from './dates';
import type { Channel } from './facts';
import {
  careChannels,
  chooseContact,
  consentedChannels,
  contactCounts,
  firstSendTimeOn,
  fitsBudget,
  isExempt,
  type OpenTask,
} from './guards';
import type { CarePlan, PlanInput, Suppression } from './planner';
import { careLeadDays, compareOccasions, occasionsOn, RULE_PRECEDENCE, upcomingOccasions } from './rules';
import type { ContactKind } from '../../contracts/care';
import type { Occasion, RuleContext } from './rules/types';

function contextFor(input: PlanInput, ruleId: RuleId): RuleContext {
  const since = input.activeSince[ruleId] ?? input.date;
  return { date: input.date, market: input.store.market, timeZone: input.store.timeZone, activeSince: since };
}

function suppress(occasions: readonly Occasion[], reason: SuppressionReason): Suppression[] {
  return occasions.map((o) => ({
    customerId: o.customerId,
    ruleId: o.ruleId,
    occasionKey: o.key,
    dueOn: o.dueOn,
    reason,
  }));
}

/** The straightforward planner, as it was before the per-day precomputation (see planCustomerCare). */
export function planCustomerCareReference(input: PlanInput): CarePlan {
  const { date, customer: facts, settings, history } = input;
  const guards = settings.guards;
  const handled = new Set(history.handledKeys);

  const found = RULE_PRECEDENCE.flatMap((id) => occasionsOn(id, settings.rules[id], facts, contextFor(input, id)));
  const unchanged = found.filter((o) => handled.has(o.key)).map((o) => o.key);
  const fresh = found.filter((o) => !handled.has(o.key));
  const plan: CarePlan = { tasks: [], unchanged, suppressed: [] };
  if (fresh.length === 0) return plan;

  if (facts.isDeceased) return { ...plan, suppressed: suppress(fresh, 'deceased') };
  if (facts.doNotContact) return { ...plan, suppressed: suppress(fresh, 'do_not_contact') };
  if (consentedChannels(facts, guards.consent).length === 0) {
    return { ...plan, suppressed: suppress(fresh, 'no_care_consent') };
  }
  const allowed = careChannels(facts, guards.consent);

  // Contact kind per occasion.
  const contactOf = new Map<string, { kind: ContactKind; channels: Channel[] }>();
  const reachable: Occasion[] = [];
  for (const o of fresh) {
    const contact = chooseContact(o.kinds, allowed, guards.messageChannels);
    if (contact) {
      contactOf.set(o.key, contact);
      reachable.push(o);
    } else plan.suppressed.push(...suppress([o], 'no_allowed_channel'));
  }

  // Same due day → one task.
  const byDay = new Map<IsoDate, Occasion[]>();
  for (const o of reachable) byDay.set(o.dueOn, [...(byDay.get(o.dueOn) ?? []), o]);
  const groups = [...byDay.values()]
    .map((g) => g.sort(compareOccasions))
    .sort((a, b) => compareOccasions(a[0]!, b[0]!));

  const budget = guards.budget;
  const today = toEpochDay(date);
  const openByDay = new Map<IsoDate, OpenTask>();
  for (const t of history.openTasks) if (!openByDay.has(t.dueOn)) openByDay.set(t.dueOn, t);
  // An open task that an exempt reason of today's joins no longer counts: its contact happens anyway.
  const joinedByExempt = new Set(
    groups
      .filter((g) =>
        isExempt(
          g.map((o) => o.ruleId),
          budget,
        ),
      )
      .map((g) => openByDay.get(g[0]!.dueOn))
      .filter((t) => t !== undefined),
  );
  const events: number[] = [
    ...history.contacts.filter((c) => contactCounts(c, budget)).map((c) => toEpochDay(c.date)),
    // An overdue open task still has its contact ahead of it.
    ...history.openTasks
      .filter((t) => !isExempt(t.ruleIds, budget) && !joinedByExempt.has(t))
      .map((t) => Math.max(toEpochDay(t.dueOn), today)),
  ];
  const plannedDays = new Set<IsoDate>(openByDay.keys());
  let coming: Occasion[] | undefined;

  for (const group of groups) {
    const owner = group[0]!;
    const contact = contactOf.get(owner.key)!;
    const open = openByDay.get(owner.dueOn);
    const exempt = isExempt(
      group.map((o) => o.ruleId),
      budget,
    );
    if (!open && !exempt) {
      coming ??= comingOccasions(input, new Set([...handled, ...fresh.map((o) => o.key)]), allowed);
      const reservedDays = new Set(
        coming
          .filter((c) => compareOccasions(c, owner) < 0 && c.dueOn !== owner.dueOn && !plannedDays.has(c.dueOn))
          .map((c) => toEpochDay(c.dueOn)),
      );
      const day = toEpochDay(owner.dueOn);
      if (!fitsBudget([...events, ...reservedDays], day, budget.maxContacts, budget.windowDays)) {
        plan.suppressed.push(...suppress(group, 'contact_budget'));
        continue;
      }
      events.push(day);
    }
    plannedDays.add(owner.dueOn);
    plan.tasks.push({
      customerId: facts.customerId,
      mergeIntoTaskId: open?.taskId ?? null,
      ownerRule: owner.ruleId,
      ownerKey: owner.key,
      createOn: group.reduce((min, o) => (o.createOn < min ? o.createOn : min), owner.createOn),
      dueOn: owner.dueOn,
      kind: contact.kind,
      channels: contact.channels,
      assignee: owner.assignee,
      category: owner.category,
      reasons: group,
      countsTowardBudget: !open && !exempt,
      sendAfter:
        contact.kind === 'message'
          ? firstSendTimeOn(owner.dueOn, input.store.timeZone, guards.quietHours).toISOString()
          : null,
    });
  }
  return plan;
}

// Counted occasions already known to be coming within reach of today's budget windows, that she can be
// reached for: they reserve their day.
function comingOccasions(input: PlanInput, skipKeys: Set<string>, allowed: Channel[]): Occasion[] {
  const { settings, customer } = input;
  const horizon = addDays(input.date, careLeadDays(settings) + settings.guards.budget.windowDays - 1);
  return RULE_PRECEDENCE.filter((id) => !settings.guards.budget.exemptRules.includes(id))
    .flatMap((id) => upcomingOccasions(id, settings.rules[id], customer, contextFor(input, id), horizon))
    .filter((o) => !skipKeys.has(o.key) && chooseContact(o.kinds, allowed, settings.guards.messageChannels));
}
