// What planning a day costs once rather than once per customer. For one store, settings and day: each
// rule's window, the calendar's occasions (holidays, the change of season) found once and only asked
// for her audience, her birthday's occasions found once per date of birth, the horizon of the contact
// budget and the first send time of each due day. planCustomerCare gets these here and then only works
// out what depends on her. The occasions are exactly those of occasionsOn / upcomingOccasions.
import type { CareSettings, Market, RuleId } from '../../contracts/care';
import { birthdayCalendarOf } from './birthdays';
import { addDays, type IsoDate } from './dates';
import { emptyCareFacts, matchesAudience, type Audience, type CareFacts } from './facts';
import { firstSendTimeOn } from './guards';
import { careLeadDays, compareOccasions, occasionsOn, RULE_PRECEDENCE, RULES, upcomingOccasions } from './rules';
import { holidayGreetingsBetween } from './rules/calendar-rules';
import type { Occasion, RuleContext, RuleDefinition } from './rules/types';

/** One rule's occasions for one customer: open today (`open`), or coming up to the budget's horizon. */
type Source = (facts: CareFacts) => readonly Occasion[];

export type DayPlan = {
  date: IsoDate;
  settings: CareSettings;
  market: Market | null;
  timeZone: string;
  /** The activeSince the plan was made with, and per rule its value (the day itself when missing). */
  activeSince: Partial<Record<RuleId, IsoDate>>;
  since: Record<RuleId, IsoDate>;
  /** In RULE_PRECEDENCE order. */
  open: Source[];
  /**
   * The rules that count toward the budget, in RULE_PRECEDENCE order, with their place in it (0 =
   * strongest). Not her own copies of the occasions: they are never output.
   */
  coming: Array<{ precedence: number; occasions: Source }>;
  /** `firstSendTimeOn(dueOn, timeZone, quietHours).toISOString()`. */
  sendAfter(dueOn: IsoDate): string;
};

type DayInput = {
  date: IsoDate;
  settings: CareSettings;
  store: { market: Market | null; timeZone: string };
  activeSince: Partial<Record<RuleId, IsoDate>>;
};

const NONE: readonly Occasion[] = [];
const NOBODY = emptyCareFacts('');

/** Computed on first use (and again after a throw, which then repeats as the planner would). */
function lazy<T>(make: () => T): () => T {
  let value: T | undefined;
  let made = false;
  return () => {
    if (!made) {
      value = make();
      made = true;
    }
    return value as T;
  };
}

/** Her copies of occasions found for nobody in particular. */
function hers(templates: readonly Occasion[], facts: CareFacts): readonly Occasion[] {
  if (templates.length === 0) return NONE;
  return templates.map((o) => ({ ...o, customerId: facts.customerId }));
}

// A holiday's occasions depend on her only through her id and whether she is in its audience. Filtering
// the day's sorted list by audience gives what sorting her filtered list gives (the sort is stable).
function holidaySources(ctx: RuleContext, settings: CareSettings, horizon: () => IsoDate): [Source, Source] {
  const config = settings.rules.holiday;
  if (!config.enabled) return [() => NONE, () => NONE];
  const pick = (greetings: () => Array<{ audience: Audience; occasion: Occasion }>, stamp: boolean): Source => {
    return (facts) => {
      const list = greetings();
      if (list.length === 0) return NONE;
      const out: Occasion[] = [];
      for (const g of list) {
        if (!matchesAudience(g.audience, facts, g.occasion.occasionDate)) continue;
        out.push(stamp ? { ...g.occasion, customerId: facts.customerId } : g.occasion);
      }
      return out;
    };
  };
  const open = lazy(() =>
    holidayGreetingsBetween(config, ctx, ctx.date, addDays(ctx.date, RULES.holiday.maxLeadDays(config)))
      .filter((g) => g.occasion.createOn <= ctx.date && g.occasion.occasionDate >= ctx.activeSince)
      .sort((a, b) => compareOccasions(a.occasion, b.occasion)),
  );
  const coming = lazy(() => {
    const [from, to] = [addDays(ctx.date, 1), horizon()];
    if (to < from) return [];
    return holidayGreetingsBetween(config, ctx, from, to).filter((g) => g.occasion.occasionDate >= ctx.activeSince);
  });
  return [pick(open, true), pick(coming, false)];
}

// The change of season does not depend on her at all (but for her id).
function seasonSources(ctx: RuleContext, settings: CareSettings, horizon: () => IsoDate): [Source, Source] {
  const config = settings.rules.season_change;
  const open = lazy(() => occasionsOn('season_change', config, NOBODY, ctx));
  const coming = lazy(() => upcomingOccasions('season_change', config, NOBODY, ctx, horizon()));
  return [(facts) => hers(open(), facts), () => coming()];
}

// Her birthday's occasions depend on her only through her id and the birthday the rule follows (see
// birthdayCalendarOf): the month and day of the solar one, or the lunar month, day and leap. Found once
// per such birthday (about a thousand of them).
function birthdaySources(ctx: RuleContext, settings: CareSettings, horizon: () => IsoDate): [Source, Source] {
  const config = settings.rules.birthday;
  if (!config.enabled) return [() => NONE, () => NONE];
  type Entry = { open: readonly Occasion[]; coming: () => readonly Occasion[] };
  const byBirth = new Map<string, Entry>();
  const entryOf = (facts: CareFacts): Entry => {
    const { birthday, lunarBirthday: lb } = facts;
    const calendar = birthdayCalendarOf(facts, config.prefer);
    const key =
      calendar === 'lunar' && lb
        ? `lunar|${lb.month}|${lb.day}|${lb.isLeapMonth}`
        : calendar === 'solar' && birthday
          ? `solar|${birthday.slice(5, 10)}`
          : 'none';
    let entry = byBirth.get(key);
    if (!entry) {
      const born = { ...NOBODY, birthday, lunarBirthday: lb };
      entry = {
        open: occasionsOn('birthday', config, born, ctx),
        coming: lazy(() => upcomingOccasions('birthday', config, born, ctx, horizon())),
      };
      if (byBirth.size >= 5000) byBirth.clear();
      byBirth.set(key, entry);
    }
    return entry;
  };
  return [(facts) => hers(entryOf(facts).open, facts), (facts) => entryOf(facts).coming()];
}

// Every other rule reads her receipts, referrals, visits or value: asked per customer (unless she has
// nothing it could find anything in), as occasionsOn and upcomingOccasions would, with the window
// worked out once.
function ruleSources<R extends RuleId>(id: R, ctx: RuleContext, settings: CareSettings, horizon: () => IsoDate) {
  const config = settings.rules[id];
  if (!config.enabled) return [() => NONE, () => NONE] as [Source, Source];
  const rule = RULES[id] as RuleDefinition<R>;
  const to = addDays(ctx.date, rule.maxLeadDays(config));
  const mayFind = rule.mayFind ?? (() => true);
  const open: Source = (facts) => {
    if (!mayFind(config, facts)) return NONE;
    const found = rule.occasionsDueBetween(config, facts, ctx, ctx.date, to);
    if (found.length === 0) return NONE;
    return found.filter((o) => o.createOn <= ctx.date && o.occasionDate >= ctx.activeSince).sort(compareOccasions);
  };
  const window = lazy(() => [addDays(ctx.date, 1), horizon()] as const);
  const coming: Source = (facts) => {
    if (!mayFind(config, facts)) return NONE;
    const [from, until] = window();
    if (until < from) return NONE;
    return rule.occasionsDueBetween(config, facts, ctx, from, until).filter((o) => o.occasionDate >= ctx.activeSince);
  };
  return [open, coming] as [Source, Source];
}

function makeDayPlan(input: DayInput): DayPlan {
  const { date, settings, store } = input;
  const since = {} as Record<RuleId, IsoDate>;
  for (const id of RULE_PRECEDENCE) since[id] = input.activeSince[id] ?? date;
  const horizon = lazy(() => addDays(date, careLeadDays(settings) + settings.guards.budget.windowDays - 1));
  const open: Source[] = [];
  const coming: DayPlan['coming'] = [];
  for (const [precedence, id] of RULE_PRECEDENCE.entries()) {
    const ctx: RuleContext = { date, market: store.market, timeZone: store.timeZone, activeSince: since[id] };
    const [o, c] =
      id === 'holiday'
        ? holidaySources(ctx, settings, horizon)
        : id === 'season_change'
          ? seasonSources(ctx, settings, horizon)
          : id === 'birthday'
            ? birthdaySources(ctx, settings, horizon)
            : ruleSources(id, ctx, settings, horizon);
    open.push(o);
    if (!settings.guards.budget.exemptRules.includes(id)) coming.push({ precedence, occasions: c });
  }
  const sends = new Map<IsoDate, string>();
  const quiet = settings.guards.quietHours;
  return {
    date,
    settings,
    market: store.market,
    timeZone: store.timeZone,
    activeSince: input.activeSince,
    since,
    open,
    coming,
    sendAfter(dueOn) {
      let at = sends.get(dueOn);
      if (at === undefined) {
        at = firstSendTimeOn(dueOn, store.timeZone, quiet).toISOString();
        if (sends.size >= 1000) sends.clear();
        sends.set(dueOn, at);
      }
      return at;
    },
  };
}

function matches(plan: DayPlan, input: DayInput): boolean {
  if (
    plan.date !== input.date ||
    plan.settings !== input.settings ||
    plan.market !== input.store.market ||
    plan.timeZone !== input.store.timeZone
  ) {
    return false;
  }
  if (input.activeSince === plan.activeSince) return true;
  for (const id of RULE_PRECEDENCE) if ((input.activeSince[id] ?? input.date) !== plan.since[id]) return false;
  return true;
}

// The last few days planned, most recent first: a run plans one day for all its customers.
const recent: DayPlan[] = [];

/**
 * The day's plan for these inputs. Settings (and a same activeSince object) are matched by identity:
 * they are values, made once per run and never changed in place; a changed configuration is a new object.
 */
export function dayPlanFor(input: DayInput): DayPlan {
  const first = recent[0];
  if (first && matches(first, input)) return first;
  const i = recent.findIndex((p) => matches(p, input));
  const plan = i >= 0 ? recent.splice(i, 1)[0]! : makeDayPlan(input);
  recent.unshift(plan);
  if (recent.length > 8) recent.pop();
  return plan;
}
