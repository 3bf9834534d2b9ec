// One customer, one day: every rule's occasions, through the guards, into tasks. The engine calls this
// for each customer its SQL pre-selection finds (see the report for the selection helpers) and writes
// the tasks with one row per occasion key (unique per customer), so a re-run creates nothing new.
import type { AssigneeRole, CareSettings, ContactKind, Market, MessageCategory, RuleId } from '../../contracts/care';
import type { SuppressionReason } from '../../contracts/care';
import { toEpochDay, type IsoDate } from './dates';
import type { CareFacts, Channel } from './facts';
import {
  chooseContact,
  consentedChannels,
  contactCounts,
  fitsBudget,
  isExempt,
  reachableChannels,
  type ContactRecord,
  type OpenTask,
} from './guards';
import { dayPlanFor } from './planner-day';
import { compareOccasions, RULE_PRECEDENCE } from './rules';
import type { Occasion } from './rules/types';

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

function suppress(occasions: readonly Occasion[], reason: SuppressionReason): Suppression[] {
  return occasions.map((o) => ({
    customerId: o.customerId,
    ruleId: o.ruleId,
    occasionKey: o.key,
    dueOn: o.dueOn,
    reason,
  }));
}

const NO_KEYS: ReadonlySet<string> = new Set();

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
  // What depends only on the day, store and settings is worked out once (see planner-day.ts).
  const day = dayPlanFor(input);
  const keys = history.handledKeys;
  const handled: ReadonlySet<string> = Array.isArray(keys) && keys.length === 0 ? NO_KEYS : new Set(keys);

  const found: Occasion[] = [];
  for (const source of day.open) for (const o of source(facts)) found.push(o);
  const unchanged: string[] = [];
  const fresh: Occasion[] = [];
  for (const o of found) {
    if (handled.has(o.key)) unchanged.push(o.key);
    else fresh.push(o);
  }
  const plan: CarePlan = { tasks: [], unchanged, suppressed: [] };
  if (fresh.length === 0) return plan;

  if (facts.isDeceased) return { ...plan, suppressed: suppress(fresh, 'deceased') };
  if (facts.doNotContact) return { ...plan, suppressed: suppress(fresh, 'do_not_contact') };
  const consented = consentedChannels(facts, guards.consent);
  if (consented.length === 0) return { ...plan, suppressed: suppress(fresh, 'no_care_consent') };
  const allowed = reachableChannels(facts, consented);

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
  for (const o of reachable) {
    const group = byDay.get(o.dueOn);
    if (group) group.push(o);
    else byDay.set(o.dueOn, [o]);
  }
  const groups = [...byDay.values()];
  if (reachable.length > 1) {
    for (const g of groups) g.sort(compareOccasions);
    groups.sort((a, b) => compareOccasions(a[0]!, b[0]!));
  }

  const budget = guards.budget;
  const today = toEpochDay(date);
  const openByDay = new Map<IsoDate, OpenTask>();
  for (const t of history.openTasks) if (!openByDay.has(t.dueOn)) openByDay.set(t.dueOn, t);
  const turningExempt = openTasksTurningExempt(groups, openByDay, budget);
  const events: number[] = [];
  for (const c of history.contacts) if (contactCounts(c, budget)) events.push(toEpochDay(c.date));
  // An overdue open task still has its contact ahead of it.
  for (const t of history.openTasks) {
    if (!isExempt(t.ruleIds, budget) && !turningExempt.has(t)) events.push(Math.max(toEpochDay(t.dueOn), today));
  }
  const plannedDays = new Set<IsoDate>(openByDay.keys());
  // Her coming occasions per counted rule, found when a task first needs them.
  const coming: Array<readonly Occasion[] | undefined> = [];

  for (const group of groups) {
    const owner = group[0]!;
    const contact = contactOf.get(owner.key)!;
    const open = openByDay.get(owner.dueOn);
    const exempt = isExempt(
      group.map((o) => o.ruleId),
      budget,
    );
    if (!open && !exempt) {
      // Stronger occasions coming that she can be reached for and that have no task yet (nor one found
      // today) reserve their day. Only a rule at or before the owner's in precedence can be stronger.
      const reservedDays = new Set<number>();
      const ownerPrecedence = rulePrecedence(owner.ruleId);
      day.coming.forEach((rule, i) => {
        if (rule.precedence > ownerPrecedence) return;
        for (const c of (coming[i] ??= rule.occasions(facts))) {
          if (
            compareOccasions(c, owner) < 0 &&
            c.dueOn !== owner.dueOn &&
            !plannedDays.has(c.dueOn) &&
            !handled.has(c.key) &&
            !found.some((f) => f.key === c.key) &&
            chooseContact(c.kinds, allowed, guards.messageChannels)
          ) {
            reservedDays.add(toEpochDay(c.dueOn));
          }
        }
      });
      const dueDay = toEpochDay(owner.dueOn);
      const counted = reservedDays.size ? [...events, ...reservedDays] : events;
      if (!fitsBudget(counted, dueDay, budget.maxContacts, budget.windowDays)) {
        plan.suppressed.push(...suppress(group, 'contact_budget'));
        continue;
      }
      events.push(dueDay);
    }
    plannedDays.add(owner.dueOn);
    let createOn = owner.createOn;
    for (const o of group) if (o.createOn < createOn) createOn = o.createOn;
    plan.tasks.push({
      customerId: facts.customerId,
      mergeIntoTaskId: open?.taskId ?? null,
      ownerRule: owner.ruleId,
      ownerKey: owner.key,
      createOn,
      dueOn: owner.dueOn,
      kind: contact.kind,
      channels: contact.channels,
      assignee: owner.assignee,
      category: owner.category,
      reasons: group,
      countsTowardBudget: !open && !exempt,
      sendAfter: contact.kind === 'message' ? day.sendAfter(owner.dueOn) : null,
    });
  }
  return plan;
}

/**
 * The open tasks that today's exempt reasons join (an after-purchase call merged into her VIP visit):
 * the contact then happens anyway and no longer counts. Known before the budget is checked, so that the
 * first run of the day sees the room a second run would see.
 */
function openTasksTurningExempt(
  groups: ReadonlyArray<readonly Occasion[]>,
  openByDay: ReadonlyMap<IsoDate, OpenTask>,
  budget: CareSettings['guards']['budget'],
): Set<OpenTask> {
  const turning = new Set<OpenTask>();
  for (const group of groups) {
    const open = openByDay.get(group[0]!.dueOn);
    if (
      open &&
      isExempt(
        group.map((o) => o.ruleId),
        budget,
      )
    )
      turning.add(open);
  }
  return turning;
}
