// Contacts with a customer (seeds 000/001: "every call, letter and visit registered", counted per
// employee): which consent a channel and purpose need, which outcomes make sense for a channel, and
// which channels she may be reached on right now. Pure: the server checks with it at enqueue and at
// send time, the web app uses it to offer only the channels she agreed to.

export const CONTACT_CHANNELS = ['call', 'sms', 'email', 'line', 'whatsapp', 'wechat', 'visit', 'letter'] as const;
export type ContactChannel = (typeof CONTACT_CHANNELS)[number];

export const CONTACT_PURPOSES = ['care', 'marketing', 'after_purchase', 'complaint', 'other'] as const;
export type ContactPurpose = (typeof CONTACT_PURPOSES)[number];

export const CONTACT_OUTCOMES = [
  'reached',
  'no_answer',
  'appointment_booked',
  'issue_raised',
  'sent',
  'failed',
] as const;
export type ContactOutcome = (typeof CONTACT_OUTCOMES)[number];

/** The channels and purposes of customer_consents (contracts/customers.ts). */
export type ConsentChannel = 'sms' | 'email' | 'phone' | 'messaging' | 'post';
export type ConsentPurpose = 'care' | 'marketing';

/** The consent row that covers a contact channel; a visit in person needs none. */
export function consentChannelFor(channel: ContactChannel): ConsentChannel | null {
  switch (channel) {
    case 'call':
      return 'phone';
    case 'sms':
      return 'sms';
    case 'email':
      return 'email';
    case 'line':
    case 'whatsapp':
    case 'wechat':
      return 'messaging';
    case 'letter':
      return 'post';
    case 'visit':
      return null;
  }
}

/**
 * After-purchase follow-ups, answers to her complaint and anything else we say to her are care, not
 * marketing: they need her care consent. Only promotions need the marketing consent.
 */
export function consentPurposeFor(purpose: ContactPurpose): ConsentPurpose {
  return purpose === 'marketing' ? 'marketing' : 'care';
}

const SPOKEN: readonly ContactOutcome[] = ['reached', 'no_answer', 'appointment_booked', 'issue_raised'];
const WRITTEN: readonly ContactOutcome[] = ['sent', 'failed', 'reached', 'appointment_booked', 'issue_raised'];

/** What can come of a contact on a channel: a call is answered or not; a message is sent, or she replies. */
export function outcomesFor(channel: ContactChannel): readonly ContactOutcome[] {
  return channel === 'call' || channel === 'visit' ? SPOKEN : WRITTEN;
}

/** Contacts that got through to her (for the staff statistics). */
export function isReached(outcome: ContactOutcome): boolean {
  return outcome === 'reached' || outcome === 'appointment_booked' || outcome === 'issue_raised' || outcome === 'sent';
}

/**
 * Outreach that counts against the care rules' contact budget: what we start, for care or marketing.
 * After-purchase care and complaint follow-ups are exempt (issue 6), and so is a failed attempt.
 */
export function countsTowardsBudget(purpose: ContactPurpose, outcome: ContactOutcome): boolean {
  return (purpose === 'care' || purpose === 'marketing' || purpose === 'other') && outcome !== 'failed';
}

export type ConsentState = { channel: string; purpose: string; granted: boolean };

export type Reachability = {
  isDeceased: boolean;
  doNotContact: boolean;
  isErased: boolean;
  hasEmail: boolean;
  hasPhone: boolean;
  /** Her current consents: the latest row per channel and purpose. */
  consents: readonly ConsentState[];
};

export type ChannelRefusal = 'not_contactable' | 'consent_required' | 'no_address';

/** Whether she may be contacted on `channel` for `purpose` now, and why not. */
export function channelRefusal(
  who: Reachability,
  channel: ContactChannel,
  purpose: ContactPurpose,
): ChannelRefusal | null {
  if (who.isDeceased || who.doNotContact || who.isErased) return 'not_contactable';
  const needs = consentChannelFor(channel);
  if (needs) {
    const wanted = consentPurposeFor(purpose);
    const granted = who.consents.some((c) => c.channel === needs && c.purpose === wanted && c.granted);
    if (!granted) return 'consent_required';
  }
  if (channel === 'email' && !who.hasEmail) return 'no_address';
  if ((channel === 'call' || channel === 'sms' || channel === 'whatsapp') && !who.hasPhone) return 'no_address';
  return null;
}
