// One customer, one day: every rule's occasions, through the guards, into tasks. The engine calls this
// for each customer its SQL pre-selection finds (see the report for the selection helpers) and writes
// the tasks with one row per occasion key (unique per customer), so a re-run creates nothing new.
import type { AssigneeRole, CareSettings, ContactKind, Market, MessageCategory, RuleId } from '../../contracts/care';
import type { SuppressionReason } from '../../contracts/care';
import { addDays, toEpochDay, type IsoDate } from './dates';
import type { CareFacts, Channel } from './facts';
import {
  careChannels,
  chooseContact,
  consentedChannels,
  contactCounts,
  firstSendTimeOn,
  fitsBudget,
  isExempt,
  type ContactRecord,
  type OpenTask,
} from './guards';
import { careLeadDays, compareOccasions, occasionsOn, RULE_PRECEDENCE, upcomingOccasions } from './rules';
import type { Occasion, RuleContext } from './rules/types';

export type CareHistory = {
  /** Contacts made in the last `windowDays` (older ones are ignored). */
  contacts: ContactRecord[];
  /** Her open care tasks (planned, snoozed to a new due date, not done, not cancelled). */
  openTasks: OpenTask[];
  /** Every occasion key she ever had a task for, open, done or cancelled. */
  handledKeys: Iterable<string>;
};

export type PlanInput = {
  /** Today, store-local. */
  date: IsoDate;
  customer: CareFacts;
  settings: CareSettings;
  store: { market: Market | null; timeZone: string };
  /**
   * Per rule, the later of the day it was switched on and the engine's first run. A rule missing here
   * counts as switched on today, so nothing already past is ever created.
   */
  activeSince: Partial<Record<RuleId, IsoDate>>;
  history: CareHistory;
};

export type PlannedTask = {
  customerId: string;
  /** Append the reasons to this open task (same customer, same due day) instead of creating one. */
  mergeIntoTaskId: string | null;
  /** The rule and occasion that own the task: the first of `reasons`. */
  ownerRule: RuleId;
  ownerKey: string;
  createOn: IsoDate;
  dueOn: IsoDate;
  kind: ContactKind;
  /** Channels she may be reached by for this kind, in order of preference. */
  channels: Channel[];
  assignee: AssigneeRole;
  category: MessageCategory;
  /** Every reason, owner first, in precedence order; each key is one idempotency row. */
  reasons: Occasion[];
  /** False when an exempt reason (after-purchase care, referral) makes the contact happen anyway. */
  countsTowardBudget: boolean;
  /** For a message sent automatically: the first instant on the due day outside quiet hours (ISO). */
  sendAfter: string | null;
};

export type Suppression = {
  customerId: string;
  ruleId: RuleId;
  occasionKey: string;
  dueOn: IsoDate;
  reason: SuppressionReason;
};

export type CarePlan = {
  tasks: PlannedTask[];
  /** Occasion keys that already have a task: nothing to do (the CLI's `unchanged`). */
  unchanged: string[];
  suppressed: Suppression[];
};

/** Position of a rule in the precedence order (0 = strongest): a reason that outranks a task's owner takes it over. */
export function rulePrecedence(ruleId: RuleId): number {
  return RULE_PRECEDENCE.indexOf(ruleId);
}

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

/**
 * Plans one customer's care for one day. Steps, in order:
 * 1. every enabled rule's occasions open today (lead days; never before the rule's activeSince);
 * 2. occasions that already have a task → `unchanged`;
 * 3. deceased or do-not-contact → everything suppressed; no care consent on any channel → suppressed;
 * 4. per occasion, the first contact kind she can be reached by (per-channel consent and contact details),
 *    else suppressed `no_allowed_channel`;
 * 5. occasions due the same day become one task, owned by the strongest reason (RULE_PRECEDENCE); an
 *    open task due that day takes them in (`mergeIntoTaskId`) at no extra contact;
 * 6. contact budget, strongest task first: a task with an exempt reason passes and does not count;
 *    otherwise at most `maxContacts` counted contacts in any `windowDays` window, counting contacts made,
 *    open tasks, tasks planned in this run and stronger occasions already known to be coming (so a
 *    holiday greeting does not use up the room her birthday will need next week).
 */
export function planCustomerCare(input: PlanInput): CarePlan {
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
  const events: number[] = [
    ...history.contacts.filter((c) => contactCounts(c, budget)).map((c) => toEpochDay(c.date)),
    // An overdue open task still has its contact ahead of it.
    ...history.openTasks.filter((t) => !isExempt(t.ruleIds, budget)).map((t) => Math.max(toEpochDay(t.dueOn), today)),
  ];
  const openByDay = new Map<IsoDate, OpenTask>();
  for (const t of history.openTasks) if (!openByDay.has(t.dueOn)) openByDay.set(t.dueOn, t);
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
