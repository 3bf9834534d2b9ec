// Test support only (fast-check is a dev dependency): fixtures and generators shared by the care tests.
import fc from 'fast-check';
import { careSettingsSchema, type CareSettings, type CareSettingsInput } from '../../contracts/care';
import { addDays, type IsoDate } from './dates';
import { emptyCareFacts, type CareFacts } from './facts';

export const DEFAULTS: CareSettings = careSettingsSchema.parse({});

export function settingsWith(input: CareSettingsInput): CareSettings {
  return careSettingsSchema.parse(input);
}

/** A reachable customer who agreed to care messages by SMS and chat app, and to calls. */
export function customer(overrides: Partial<CareFacts> = {}): CareFacts {
  return {
    ...emptyCareFacts('c1'),
    gender: 'female',
    consents: [
      { channel: 'messaging', granted: true },
      { channel: 'sms', granted: true },
      { channel: 'phone', granted: true },
    ],
    reachable: { phone: true, email: true, address: true },
    ...overrides,
  };
}

const day0 = Date.UTC(2025, 0, 1) / 86_400_000;
export const dateIn = (from = 0, span = 4 * 365) =>
  fc
    .integer({ min: day0 + from, max: day0 + from + span })
    .map((d) => new Date(d * 86_400_000).toISOString().slice(0, 10));

/** Facts that exercise every rule: purchases, referrals, birthdays, lapse, value, region rank. */
export function arbitraryFacts(around: IsoDate): fc.Arbitrary<CareFacts> {
  const recent = fc.integer({ min: -40, max: 0 }).map((d) => addDays(around, d));
  return fc
    .record({
      gender: fc.constantFrom('female', 'male', 'undisclosed', null),
      ageBand: fc.constantFrom('30s', '50s', '60s', '70_plus', null),
      birthday: fc.option(dateIn(-60 * 365, 45 * 365), { nil: null }),
      lunarBirthday: fc.option(
        fc.record({
          month: fc.integer({ min: 1, max: 12 }),
          day: fc.integer({ min: 1, max: 30 }),
          isLeapMonth: fc.boolean(),
        }),
        { nil: null },
      ),
      hasChildren: fc.constantFrom(true, null),
      isTeacher: fc.constantFrom(true, false, null),
      tierRank: fc.option(fc.integer({ min: 1, max: 4 }), { nil: null }),
      classValue: fc.constantFrom('vip', 'important', 'ordinary', null),
      lapseStatus: fc.constantFrom('active', 'drifting', 'lost', null),
      lastVisitOn: fc.option(
        fc.integer({ min: -400, max: 0 }).map((d) => addDays(around, d)),
        { nil: null },
      ),
      usualIntervalDays: fc.option(fc.integer({ min: 10, max: 200 }), { nil: null }),
      receipts: fc.array(
        fc.record({
          id: fc.uuid(),
          date: recent,
          currency: fc.constantFrom('CNY', 'JPY'),
          netTotal: fc.integer({ min: -50_000, max: 900_000 }),
          categories: fc.subarray(['coat', 'knitwear', 'skincare']),
        }),
        { maxLength: 4 },
      ),
      lifetime: fc.integer({ min: 0, max: 12_000_000 }),
      referral: fc.option(fc.record({ referrerId: fc.uuid(), firstPurchaseOn: recent }), { nil: null }),
      referralsBrought: fc.array(fc.record({ customerId: fc.uuid(), firstPurchaseOn: recent }), { maxLength: 2 }),
      topSpender: fc.uniqueArray(
        fc.record({ year: fc.integer({ min: 2024, max: 2028 }), rank: fc.integer({ min: 1, max: 3 }) }),
        // One entry per year, as the loader gives them.
        { maxLength: 2, selector: (e) => e.year },
      ),
    })
    .map(({ lifetime, ...f }) =>
      customer({
        ...f,
        lifetimeSpend: {
          CNY: lifetime + f.receipts.filter((r) => r.currency === 'CNY').reduce((s, r) => s + r.netTotal, 0),
        },
      }),
    );
}

/** Settings where every rule is on, every holiday on, follow-ups configured, lead days varied. */
export function arbitrarySettings(): fc.Arbitrary<CareSettings> {
  return fc
    .record({
      lead: fc.integer({ min: 0, max: 10 }),
      maxContacts: fc.integer({ min: 1, max: 4 }),
      windowDays: fc.integer({ min: 7, max: 45 }),
    })
    .map(({ lead, maxContacts, windowDays }) =>
      settingsWith({
        rules: {
          after_purchase_call: { categoryFollowUps: { coat: [{ key: 'first_wash', delayDays: 14 }] } },
          birthday: { leadDays: lead },
          holiday: {
            leadDays: lead,
            holidays: { lantern: true, qixi: true, christmas: true, keiro_no_hi: true, winter_solstice: true },
          },
          season_change: { leadDays: Math.min(lead, 3) },
        },
        guards: { budget: { maxContacts, windowDays } },
      }),
    );
}

function benchCustomerId(g: number): string {
  const hex = g.toString(16).padStart(12, '0');
  return `0190a000-0000-7000-8000-${hex}`;
}

/**
 * Customer g of bench/care.ts (National Day 2027-10-01) as toLoaded and loadBatchDetails turn her into
 * facts: 70% women, births 1950–2004, 1 in 5 with a lunar birthday, 1 in 3 with a child, 1 in 4 with
 * e-mail, all with a phone, care consent for 90%, 1 in 500 with a receipt a week before.
 */
export function benchDayFacts(g: number): CareFacts {
  // bench/care.ts draws consent and receipts from hashtext(id): any well-spread hash will do here.
  const h = Math.imul(g ^ 0x5bd1e995, 0x9e3779b1) >>> 0;
  const receipt = h % 500 === 0;
  return {
    customerId: benchCustomerId(g),
    gender: g % 10 < 7 ? 'female' : 'male',
    ageBand: null,
    birthday: addDays('1950-01-01', (g * 7919) % 20000),
    lunarBirthday:
      g % 5 === 0 ? { month: 1 + ((g * 13) % 12), day: 1 + ((g * 17) % 29), isLeapMonth: false, year: null } : null,
    hasChildren: g % 3 === 0 ? true : null,
    isTeacher: null,
    isDeceased: false,
    doNotContact: false,
    consents: [{ channel: 'phone', granted: (h >>> 8) % 10 !== 0 }],
    reachable: { phone: true, email: g % 4 === 0, address: false },
    tierRank: null,
    classValue: null,
    classAbcd: null,
    lapseStatus: null,
    lastVisitOn: receipt ? '2027-09-24' : null,
    usualIntervalDays: null,
    lifetimeSpend: receipt ? { CNY: 300000 } : {},
    receipts: receipt ? [{ id: `r${g}`, date: '2027-09-24', currency: 'CNY', netTotal: 300000, categories: [] }] : [],
    referral: null,
    referralsBrought: [],
    topSpender: [],
  };
}
