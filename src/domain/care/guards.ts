// The guards every rule passes: consent and reachability per channel, the contact budget, quiet hours.
import type { ContactKind, GuardsConfig, RuleId } from '../../contracts/care';
import { addDays, zonedParts, zonedTimeToInstant, type IsoDate } from './dates';
import type { CareFacts, Channel } from './facts';

// ---- consent and channels -------------------------------------------------------------------------

const REACH: Record<Channel, keyof CareFacts['reachable']> = {
  phone: 'phone',
  sms: 'phone',
  messaging: 'phone', // WeChat, LINE and WhatsApp go by her phone number
  email: 'email',
  post: 'address',
};

const ALL_CHANNELS: readonly Channel[] = ['phone', 'sms', 'messaging', 'email', 'post'];

/**
 * Channels her care consents allow, before asking whether she can be reached on them.
 * - strict: only channels with a recorded, granted care consent;
 * - any_channel (default): she granted care on some channel; then every channel she has not refused;
 * - unless_refused: every channel she has not refused.
 */
export function consentedChannels(facts: Pick<CareFacts, 'consents'>, policy: GuardsConfig['consent']): Channel[] {
  const latest = new Map<Channel, boolean>();
  for (const c of facts.consents) latest.set(c.channel, c.granted);
  let anyGranted = false;
  for (const v of latest.values()) if (v) anyGranted = true;
  return ALL_CHANNELS.filter((ch) => {
    const v = latest.get(ch);
    if (policy === 'strict') return v === true;
    if (policy === 'any_channel') return anyGranted && v !== false;
    return v !== false;
  });
}

/** Of the channels her consents allow, those she has the contact details for. */
export function reachableChannels(facts: Pick<CareFacts, 'reachable'>, consented: readonly Channel[]): Channel[] {
  return consented.filter((ch) => facts.reachable[REACH[ch]]);
}

/** Channels she may be contacted on for care and has the contact details for. */
export function careChannels(facts: CareFacts, policy: GuardsConfig['consent']): Channel[] {
  return reachableChannels(facts, consentedChannels(facts, policy));
}

/** Channels that can carry a contact kind, in order of preference. A visit is arranged by phone or message. */
export function channelsForKind(kind: ContactKind, messageChannels: readonly Channel[]): Channel[] {
  switch (kind) {
    case 'call':
      return ['phone'];
    case 'message':
      return [...messageChannels];
    case 'visit':
      return ['phone', 'messaging', 'sms'];
    case 'letter':
      return ['post', 'email'];
  }
}

/** The first kind of contact (in the rule's order) she can be reached by, with its usable channels. */
export function chooseContact(
  kinds: readonly ContactKind[],
  allowed: readonly Channel[],
  messageChannels: readonly Channel[],
): { kind: ContactKind; channels: Channel[] } | null {
  for (const kind of kinds) {
    const channels = channelsForKind(kind, messageChannels).filter((ch) => allowed.includes(ch));
    if (channels.length) return { kind, channels };
  }
  return null;
}

// ---- contact budget --------------------------------------------------------------------------------

/**
 * A contact made. `task`: completing a care task (counts unless one of its rules is exempt); `manual`: a
 * guide's own outreach, logged by hand (counts); `complaint`: a complaint follow-up (never counts);
 * `inbound`: she called or came in, or an appointment reminder she asked for (never counts).
 */
export type ContactRecord = {
  date: IsoDate;
  source: 'task' | 'manual' | 'complaint' | 'inbound';
  ruleIds?: RuleId[];
};

/** An open (planned, not done, not cancelled) care task of hers. */
export type OpenTask = { taskId: string; dueOn: IsoDate; ruleIds: RuleId[]; occasionKeys: string[] };

/** Whether a task with these reasons is exempt: one exempt reason makes the contact happen anyway. */
export function isExempt(ruleIds: readonly RuleId[], budget: GuardsConfig['budget']): boolean {
  return ruleIds.some((r) => budget.exemptRules.includes(r));
}

/** Whether a contact already made counts toward her budget. */
export function contactCounts(contact: ContactRecord, budget: GuardsConfig['budget']): boolean {
  if (contact.source === 'manual') return true;
  if (contact.source === 'task') return !isExempt(contact.ruleIds ?? [], budget);
  return false;
}

/**
 * Whether one more contact on `day` keeps every window of `windowDays` consecutive days that contains it
 * at `maxContacts` or fewer, given the days (epoch days, repeats allowed) of the contacts already made,
 * planned or reserved.
 */
export function fitsBudget(
  eventDays: readonly number[],
  day: number,
  maxContacts: number,
  windowDays: number,
): boolean {
  for (let start = day - windowDays + 1; start <= day; start += 1) {
    const end = start + windowDays - 1;
    let count = 1;
    for (const e of eventDays) if (e >= start && e <= end) count += 1;
    if (count > maxContacts) return false;
  }
  return true;
}

// ---- quiet hours -----------------------------------------------------------------------------------

const minutesOf = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/** Whether an instant falls in the store's quiet hours (which may run over midnight, 21:00–09:00). */
export function isQuietTime(instant: Date, timeZone: string, quiet: GuardsConfig['quietHours']): boolean {
  const [start, end] = [minutesOf(quiet.start), minutesOf(quiet.end)];
  if (start === end) return false;
  const m = zonedParts(instant, timeZone).minutes;
  return start < end ? m >= start && m < end : m >= start || m < end;
}

/** The earliest instant at or after `instant` outside quiet hours, in the store's time zone. */
export function nextAllowedSendTime(instant: Date, timeZone: string, quiet: GuardsConfig['quietHours']): Date {
  if (!isQuietTime(instant, timeZone, quiet)) return instant;
  const { date, minutes } = zonedParts(instant, timeZone);
  const end = minutesOf(quiet.end);
  // In quiet hours before the end on the same wall-clock day, or after the start and over midnight.
  const endDate = minutes < end ? date : addDays(date, 1);
  return zonedTimeToInstant(endDate, end, timeZone);
}

const firstSends = new Map<string, Date>();

/** The earliest automatic send on a due day: the first allowed minute of that store-local day. */
export function firstSendTimeOn(dueOn: IsoDate, timeZone: string, quiet: GuardsConfig['quietHours']): Date {
  const key = `${dueOn}|${timeZone}|${quiet.start}|${quiet.end}`;
  let at = firstSends.get(key);
  if (!at) {
    at = nextAllowedSendTime(zonedTimeToInstant(dueOn, 0, timeZone), timeZone, quiet);
    if (firstSends.size > 10_000) firstSends.clear(); // a long-running server sees many days
    firstSends.set(key, at);
  }
  return new Date(at);
}
