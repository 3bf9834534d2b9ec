import { describe, expect, it } from 'vitest';
import {
  channelRefusal,
  consentChannelFor,
  consentPurposeFor,
  CONTACT_CHANNELS,
  countsTowardsBudget,
  isReached,
  outcomesFor,
  type Reachability,
} from './contacts';

const her = (over: Partial<Reachability> = {}): Reachability => ({
  isDeceased: false,
  doNotContact: false,
  isErased: false,
  hasEmail: true,
  hasPhone: true,
  consents: [
    { channel: 'email', purpose: 'care', granted: true },
    { channel: 'sms', purpose: 'care', granted: true },
    { channel: 'phone', purpose: 'care', granted: true },
    { channel: 'messaging', purpose: 'care', granted: false },
  ],
  ...over,
});

describe('consent mapping', () => {
  it('maps every contact channel onto a consent channel, except a visit in person', () => {
    expect(Object.fromEntries(CONTACT_CHANNELS.map((c) => [c, consentChannelFor(c)]))).toEqual({
      call: 'phone',
      sms: 'sms',
      email: 'email',
      line: 'messaging',
      whatsapp: 'messaging',
      wechat: 'messaging',
      visit: null,
      letter: 'post',
    });
  });

  it('treats after-purchase care and complaint answers as care; only promotions need marketing consent', () => {
    expect(consentPurposeFor('after_purchase')).toBe('care');
    expect(consentPurposeFor('complaint')).toBe('care');
    expect(consentPurposeFor('other')).toBe('care');
    expect(consentPurposeFor('marketing')).toBe('marketing');
  });
});

describe('channelRefusal', () => {
  it.each([
    ['email', 'care', {}, null],
    ['sms', 'birthday care by SMS', {}, null],
    ['line', 'care', {}, 'consent_required'], // she declined LINE / WeChat
    ['wechat', 'care', {}, 'consent_required'],
    ['email', 'marketing', {}, 'consent_required'], // agreed to care only
    ['email', 'care', { hasEmail: false }, 'no_address'],
    ['call', 'care', { hasPhone: false }, 'no_address'],
    ['visit', 'care', { consents: [] }, null],
    ['email', 'care', { doNotContact: true }, 'not_contactable'],
    ['visit', 'care', { isDeceased: true }, 'not_contactable'],
    ['sms', 'care', { isErased: true }, 'not_contactable'],
  ] as const)('%s for %s with %o → %s', (channel, purpose, over, expected) => {
    const p = purpose.includes('care') ? 'care' : purpose === 'marketing' ? 'marketing' : 'care';
    expect(channelRefusal(her(over), channel, p)).toBe(expected);
  });

  it('honours only the latest row: a consent followed by an opt-out is an opt-out', () => {
    // The caller passes current consents (latest per channel and purpose); a refusal there wins.
    expect(
      channelRefusal(her({ consents: [{ channel: 'email', purpose: 'care', granted: false }] }), 'email', 'care'),
    ).toBe('consent_required');
  });
});

describe('outcomes', () => {
  it('offers call outcomes for calls and visits, message outcomes for written channels', () => {
    expect(outcomesFor('call')).toEqual(['reached', 'no_answer', 'appointment_booked', 'issue_raised']);
    expect(outcomesFor('visit')).not.toContain('sent');
    expect(outcomesFor('sms')).toContain('sent');
    expect(outcomesFor('wechat')).not.toContain('no_answer');
  });

  it('counts what got through, and exempts after-purchase and complaint follow-ups from the budget', () => {
    expect(isReached('no_answer')).toBe(false);
    expect(isReached('sent')).toBe(true);
    expect(countsTowardsBudget('care', 'sent')).toBe(true);
    expect(countsTowardsBudget('care', 'no_answer')).toBe(true); // she still got a missed call
    expect(countsTowardsBudget('care', 'failed')).toBe(false);
    expect(countsTowardsBudget('after_purchase', 'reached')).toBe(false);
    expect(countsTowardsBudget('complaint', 'reached')).toBe(false);
  });
});
