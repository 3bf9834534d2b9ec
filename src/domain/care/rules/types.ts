import type {
  AssigneeRole,
  ContactKind,
  HolidayId,
  Market,
  MessageCategory,
  RuleConfig,
  RuleId,
  SolarTermId,
} from '../../../contracts/care';
import type { IsoDate } from '../dates';
import type { CareFacts } from '../facts';

/** Ids and numbers a reason text needs; turned into words by `reasonParamsFor`. */
export type ReasonParams = {
  date?: IsoDate;
  holiday?: HolidayId;
  term?: SolarTermId;
  season?: string;
  year?: number;
  followUp?: string;
  amount?: number;
  currency?: string;
  step?: number;
  steps?: number;
  lunar?: { month: number; day: number; isLeapMonth: boolean };
};

/**
 * One reason to contact one customer, as a rule finds it. The key is the idempotency key: one task per
 * rule, customer and key, ever (`birthday:2027`, `holiday:mid_autumn:2027`, `after_purchase_call:<receipt>`).
 */
export type Occasion = {
  ruleId: RuleId;
  key: string;
  customerId: string;
  /**
   * The day of what the care answers — the purchase, the first purchase, the threshold crossing, the day
   * she passed the lapse threshold, the birthday, the holiday, the solar term, the planned visit. A rule
   * switched on (or run for the first time) on day S produces nothing whose occasionDate is before S.
   */
  occasionDate: IsoDate;
  /** The task appears on this day (before dueOn when the rule prepares ahead)… */
  createOn: IsoDate;
  /** …and the contact is meant to happen on this day. */
  dueOn: IsoDate;
  assignee: AssigneeRole;
  /** Ways to make the contact, in order of preference; the guards pick the first she may be reached by. */
  kinds: ContactKind[];
  category: MessageCategory;
  /** Catalogue key of the reason shown with the task (src/i18n/locales/<lng>/care.json). */
  reasonKey: string;
  reasonParams: ReasonParams;
  /** Order among occasions of the same rule (a holiday's rank); lower first. */
  rank: number;
};

export type RuleContext = {
  /** Today, store-local. */
  date: IsoDate;
  /** The store's holiday calendar; null when its country has none. */
  market: Market | null;
  timeZone: string;
  /** The later of the day the rule was switched on and the engine's first run. */
  activeSince: IsoDate;
};

export type RuleDefinition<R extends RuleId> = {
  id: R;
  /** Every occasion of the rule with dueOn in [from, to], before lead-day and back-dating filters. */
  occasionsDueBetween(
    config: RuleConfig<R>,
    facts: CareFacts,
    ctx: RuleContext,
    from: IsoDate,
    to: IsoDate,
  ): Occasion[];
  /**
   * False only when she has nothing the rule could find an occasion in, whatever the window (no
   * receipts, no referral, no visit on file…): the planner then does not ask. A rule without it is asked.
   */
  mayFind?(config: RuleConfig<R>, facts: CareFacts): boolean;
  /** How many days before dueOn the rule may create a task. */
  maxLeadDays(config: RuleConfig<R>): number;
  /** How many days of receipts and referrals the rule needs in the facts. */
  lookbackDays(config: RuleConfig<R>): number;
};
