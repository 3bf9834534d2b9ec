import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RULE_IDS, type Market, type RuleId } from '../../contracts/care';
import { addDays } from './dates';
import type { CareFacts } from './facts';
import { careLeadDays, careLookbackDays, occasionsOn, RULES, type RuleContext } from './rules';
import { thresholdCrossings } from './rules/purchase-rules';
import { visitSlotDate } from './rules/relationship-rules';
import { arbitraryFacts, arbitrarySettings, customer, dateIn, DEFAULTS, settingsWith } from './test-arbitraries';

const ctx = (date: string, market: Market | null = 'CN', activeSince = '2020-01-01'): RuleContext => ({
  date,
  market,
  timeZone: market === 'JP' ? 'Asia/Tokyo' : 'Asia/Shanghai',
  activeSince,
});

function keysOn<R extends RuleId>(rule: R, facts: CareFacts, c: RuleContext, settings = DEFAULTS): string[] {
  return occasionsOn(rule, settings.rules[rule], facts, c).map((o) => o.key);
}

const receipt = (id: string, date: string, netTotal: number, currency = 'CNY', categories: string[] = []) => ({
  id,
  date,
  currency,
  netTotal,
  categories,
});

describe('after_purchase_call', () => {
  const facts = customer({
    receipts: [
      receipt('big', '2026-03-01', 250_000),
      receipt('small', '2026-03-01', 199_999),
      receipt('returned', '2026-03-01', 0),
      receipt('yen', '2026-03-01', 40_000, 'JPY'),
      receipt('won', '2026-03-01', 9_000_000, 'KRW'),
    ],
  });

  it('calls 7 days after a receipt of at least 2,000 (per currency), by the guide who sold it', () => {
    expect(keysOn('after_purchase_call', facts, ctx('2026-03-07'))).toEqual([]);
    const [big, yen, ...rest] = occasionsOn(
      'after_purchase_call',
      DEFAULTS.rules.after_purchase_call,
      facts,
      ctx('2026-03-08'),
    );
    expect(rest).toEqual([]);
    expect(big).toMatchObject({
      key: 'after_purchase_call:big',
      occasionDate: '2026-03-01',
      createOn: '2026-03-08',
      dueOn: '2026-03-08',
      assignee: 'seller',
      kinds: ['call', 'message'],
      category: 'after_purchase',
      reasonKey: 'care.reasons.after_purchase_call',
      reasonParams: { date: '2026-03-01' },
    });
    expect(yen?.key).toBe('after_purchase_call:yen');
    expect(keysOn('after_purchase_call', facts, ctx('2026-03-09'))).toEqual([]);
  });

  it('adds usage follow-ups per category, with their own delays (seed 003)', () => {
    const settings = settingsWith({
      rules: {
        after_purchase_call: {
          categoryFollowUps: {
            skincare: [
              { key: 'first_week', delayDays: 7, label: 'How her skin feels' },
              { key: 'refill', delayDays: 30 },
            ],
            coat: [{ key: 'first_wash', delayDays: 14, onlyAboveThreshold: true }],
          },
        },
      },
    });
    const f = customer({
      receipts: [
        receipt('r1', '2026-03-01', 50_000, 'CNY', ['skincare', 'coat']),
        receipt('r2', '2026-03-01', 300_000, 'CNY', ['coat']),
      ],
    });
    expect(keysOn('after_purchase_call', f, ctx('2026-03-08'), settings)).toEqual([
      'after_purchase_call:r2',
      'after_purchase_call:r1:first_week',
    ]);
    expect(keysOn('after_purchase_call', f, ctx('2026-03-15'), settings)).toEqual([
      'after_purchase_call:r2:first_wash',
    ]);
    expect(keysOn('after_purchase_call', f, ctx('2026-03-31'), settings)).toEqual(['after_purchase_call:r1:refill']);
    expect(careLookbackDays(settings)).toBe(30);
  });

  it('creates nothing for receipts made before the rule was switched on', () => {
    expect(keysOn('after_purchase_call', facts, ctx('2026-03-08', 'CN', '2026-03-02'))).toEqual([]);
    expect(keysOn('after_purchase_call', facts, ctx('2026-03-08', 'CN', '2026-03-01'))).toHaveLength(2);
  });
});

describe('referrals', () => {
  it('thanks the new customer and the regular who brought her on the day of her first purchase', () => {
    const newcomer = customer({ customerId: 'new', referral: { referrerId: 'old', firstPurchaseOn: '2026-04-10' } });
    const regular = customer({
      customerId: 'old',
      referralsBrought: [{ customerId: 'new', firstPurchaseOn: '2026-04-10' }],
    });
    expect(occasionsOn('referral_thanks', DEFAULTS.rules.referral_thanks, newcomer, ctx('2026-04-10'))).toMatchObject([
      { key: 'referral_thanks:welcome:2026-04-10', category: 'referral_welcome', dueOn: '2026-04-10' },
    ]);
    expect(occasionsOn('referral_thanks', DEFAULTS.rules.referral_thanks, regular, ctx('2026-04-10'))).toMatchObject([
      { key: 'referral_thanks:new', category: 'referral_thanks', dueOn: '2026-04-10' },
    ]);
    expect(keysOn('referral_thanks', regular, ctx('2026-04-11'))).toEqual([]);
  });

  it('calls the new customer within 7 days: shown from day 3, due on day 7', () => {
    const newcomer = customer({ referral: { referrerId: 'old', firstPurchaseOn: '2026-04-10' } });
    const on = (d: string) => keysOn('referral_new_call', newcomer, ctx(d));
    expect(on('2026-04-12')).toEqual([]);
    expect(on('2026-04-13')).toEqual(['referral_new_call:2026-04-10']);
    expect(on('2026-04-17')).toEqual(['referral_new_call:2026-04-10']);
    expect(on('2026-04-18')).toEqual([]);
  });
});

describe('spend_threshold_thanks', () => {
  it.each([
    ['crossed 10,000 yuan yesterday', 1_050_000, [['2026-05-09', 100_000]], [['2026-05-09', 1_000_000]]],
    [
      'crossed two thresholds at once: only the higher',
      3_100_000,
      [['2026-05-09', 2_500_000]],
      [['2026-05-09', 3_000_000]],
    ],
    ['already above before these receipts', 1_300_000, [['2026-05-09', 100_000]], []],
    [
      'crossed on the second of two days',
      1_015_000,
      [
        ['2026-05-08', 10_000],
        ['2026-05-09', 20_000],
      ],
      [['2026-05-09', 1_000_000]],
    ],
  ] as const)('%s', (_name, lifetime, receipts, expected) => {
    const f = customer({
      lifetimeSpend: { CNY: lifetime },
      receipts: receipts.map(([date, amount], i) => receipt(`r${i}`, date, amount)),
    });
    expect(
      thresholdCrossings(f, 'CNY', DEFAULTS.rules.spend_threshold_thanks.thresholds.CNY!).map((c) => [
        c.date,
        c.threshold,
      ]),
    ).toEqual(expected);
  });

  it('thanks her the day after, once per threshold', () => {
    const f = customer({ lifetimeSpend: { CNY: 1_050_000 }, receipts: [receipt('r', '2026-05-09', 100_000)] });
    expect(
      occasionsOn('spend_threshold_thanks', DEFAULTS.rules.spend_threshold_thanks, f, ctx('2026-05-10')),
    ).toMatchObject([
      { key: 'spend_threshold_thanks:CNY:1000000', kinds: ['letter', 'message', 'call'], category: 'thank_you' },
    ]);
  });
});

describe('visits', () => {
  it('sends the regional manager to the region’s top spender of the year, prepared two weeks ahead', () => {
    const f = customer({ topSpender: [{ year: 2026, rank: 1 }] });
    expect(keysOn('top_spender_visit', f, ctx('2026-12-26'))).toEqual([]);
    expect(occasionsOn('top_spender_visit', DEFAULTS.rules.top_spender_visit, f, ctx('2026-12-27'))).toMatchObject([
      { key: 'top_spender_visit:2026', dueOn: '2027-01-10', assignee: 'regional_manager', kinds: ['visit', 'call'] },
    ]);
    expect(keysOn('top_spender_visit', customer({ topSpender: [{ year: 2026, rank: 2 }] }), ctx('2027-01-10'))).toEqual(
      [],
    );
  });

  it('plans four contacts a year for key customers, spread over the month, the same on every run', () => {
    const key = customer({ customerId: 'vip-1', tierRank: 3 });
    const dates = DEFAULTS.rules.vip_visit_plan.slots.map((s) => visitSlotDate('vip-1', 2027, s));
    for (const [i, d] of dates.entries()) {
      expect(Number(d.slice(5, 7))).toBe(DEFAULTS.rules.vip_visit_plan.slots[i]!.month);
      expect(Number(d.slice(8, 10))).toBeLessThanOrEqual(20);
    }
    const found = dates.flatMap((d) => occasionsOn('vip_visit_plan', DEFAULTS.rules.vip_visit_plan, key, ctx(d)));
    expect(found.map((o) => [o.key, o.assignee, o.kinds[0]])).toEqual([
      ['vip_visit_plan:2027:spring_call', 'owner_guide', 'call'],
      ['vip_visit_plan:2027:summer_visit', 'store_manager', 'visit'],
      ['vip_visit_plan:2027:autumn_call', 'owner_guide', 'call'],
      ['vip_visit_plan:2027:winter_visit', 'store_manager', 'visit'],
    ]);
    expect(keysOn('vip_visit_plan', customer({ tierRank: 2 }), ctx(dates[0]!))).toEqual([]);
    expect(keysOn('vip_visit_plan', customer({ customerId: 'vip-1', classAbcd: 'A' }), ctx(dates[0]!))).toHaveLength(1);
  });
});

describe('birthday', () => {
  it.each([
    ['solar', { birthday: '1990-09-15' }, '2027-09-15', 'birthday:2027'],
    [
      'lunar 8/15 falls on 2027-09-15',
      { lunarBirthday: { month: 8, day: 15, isLeapMonth: false } },
      '2027-09-15',
      'birthday:lunar:2027',
    ],
    [
      'lunar preferred when both are on file',
      { birthday: '1990-03-01', lunarBirthday: { month: 8, day: 15, isLeapMonth: false } },
      '2027-09-15',
      'birthday:lunar:2027',
    ],
    ['29 February in a common year: 28 February', { birthday: '1992-02-29' }, '2027-02-28', 'birthday:2027'],
    [
      'lunar 12/3 of lunar year 2026 in January 2027',
      { lunarBirthday: { month: 12, day: 3, isLeapMonth: false } },
      '2027-01-10',
      'birthday:lunar:2026',
    ],
  ])('%s', (_name, f, date, key) => {
    expect(keysOn('birthday', customer(f), ctx(date))).toEqual([key]);
    expect(keysOn('birthday', customer(f), ctx(addDays(date, -1)))).toEqual([]);
  });

  it('appears lead days ahead, due on the day', () => {
    const s = settingsWith({ rules: { birthday: { leadDays: 3 } } });
    const f = customer({ birthday: '1990-09-15' });
    expect(keysOn('birthday', f, ctx('2027-09-11'), s)).toEqual([]);
    expect(occasionsOn('birthday', s.rules.birthday, f, ctx('2027-09-12'))).toMatchObject([
      { key: 'birthday:2027', createOn: '2027-09-12', dueOn: '2027-09-15' },
    ]);
    expect(careLeadDays(s)).toBe(14); // the visit rules prepare 14 days ahead
  });
});

describe('holiday', () => {
  const on = (f: Partial<CareFacts>, date: string, market: Market = 'CN', s = DEFAULTS) =>
    keysOn('holiday', customer(f), ctx(date, market), s);

  it.each([
    ['Mid-Autumn to everyone', {}, '2027-09-15', 'CN', ['holiday:mid_autumn:2027']],
    ['Mother’s Day to a mother', { hasChildren: true }, '2027-05-09', 'CN', ['holiday:mothers_day:2027']],
    ['no Mother’s Day when children are unknown', { hasChildren: null }, '2027-05-09', 'CN', []],
    ['no Mother’s Day to a father', { gender: 'male', hasChildren: true }, '2027-05-09', 'CN', []],
    [
      'Father’s Day (3rd Sunday of June) to a father',
      { gender: 'male', hasChildren: true },
      '2027-06-20',
      'CN',
      ['holiday:fathers_day:2027'],
    ],
    [
      'Taiwan’s Father’s Day is 8 August',
      { gender: 'male', hasChildren: true },
      '2027-08-08',
      'TW',
      ['holiday:fathers_day:2027'],
    ],
    ['Women’s Day to a woman', {}, '2027-03-08', 'CN', ['holiday:womens_day:2027']],
    ['no Women’s Day when gender is undisclosed', { gender: 'undisclosed' }, '2027-03-08', 'CN', []],
    ['Teachers’ Day to a teacher', { isTeacher: true }, '2027-09-10', 'CN', ['holiday:teachers_day:2027']],
    ['no Teachers’ Day by default otherwise', {}, '2027-09-10', 'CN', []],
    ['Taiwan’s Teachers’ Day is 28 September', { isTeacher: true }, '2027-09-28', 'TW', ['holiday:teachers_day:2027']],
    [
      'Double Ninth to a 60-year-old (by birthday)',
      { birthday: '1967-10-08' },
      '2027-10-08',
      'CN',
      ['holiday:double_ninth:2027'],
    ],
    ['not to someone turning 60 the day after', { birthday: '1967-10-09' }, '2027-10-08', 'CN', []],
    ['Double Ninth to the 60s band in China', { ageBand: '60s' }, '2027-10-08', 'CN', ['holiday:double_ninth:2027']],
    ['but not in Taiwan (65 and over)', { ageBand: '60s' }, '2027-10-08', 'TW', []],
    ['Lantern is off by default', {}, '2027-02-20', 'CN', []],
    [
      '成人の日 to the new adults of the school year',
      { birthday: '2006-06-01' },
      '2027-01-11',
      'JP',
      ['holiday:seijin_no_hi:2027'],
    ],
    ['not to those a year older', { birthday: '2005-06-01' }, '2027-01-11', 'JP', []],
    ['敬老の日 is off by default in Japan', { ageBand: '70_plus' }, '2027-09-20', 'JP', []],
    ['お正月 in Japan', {}, '2027-01-01', 'JP', ['holiday:shogatsu:2027']],
    ['no Mid-Autumn in Japan', {}, '2027-09-15', 'JP', []],
  ] as const)('%s', (_name, f, date, market, keys) => {
    expect(on(f, date, market)).toEqual(keys);
  });

  it('lets the organisation switch holidays on and off and set the elders’ age', () => {
    const s = settingsWith({
      rules: { holiday: { holidays: { keiro_no_hi: true, mid_autumn: false }, elderMinAge: 65 } },
    });
    expect(on({ ageBand: '70_plus' }, '2027-09-20', 'JP', s)).toEqual(['holiday:keiro_no_hi:2027']);
    expect(on({}, '2027-09-15', 'CN', s)).toEqual([]);
    expect(on({ ageBand: '60s' }, '2027-10-08', 'CN', s)).toEqual([]);
  });

  it('has nothing for a store without a holiday calendar', () => {
    expect(keysOn('holiday', customer(), ctx('2027-12-25', null))).toEqual([]);
  });
});

describe('season_change', () => {
  it('greets at the four beginnings, in the store’s time zone', () => {
    expect(keysOn('season_change', customer(), ctx('2027-08-08'))).toEqual(['season_change:li_qiu:2027']);
    expect(keysOn('season_change', customer(), ctx('2027-11-07'))).toEqual(['season_change:li_dong:2027']);
    expect(keysOn('season_change', customer(), ctx('2027-11-07', 'JP'))).toEqual([]);
    expect(keysOn('season_change', customer(), ctx('2027-11-08', 'JP'))).toEqual(['season_change:li_dong:2027']);
  });

  it('or on configured dates', () => {
    const s = settingsWith({ rules: { season_change: { mode: 'fixed_dates' } } });
    expect(occasionsOn('season_change', s.rules.season_change, customer(), ctx('2027-09-01'))).toMatchObject([
      { key: 'season_change:autumn:2027', reasonParams: { term: 'li_qiu', season: 'autumn' } },
    ]);
    expect(keysOn('season_change', customer(), ctx('2027-08-08'), s)).toEqual([]);
  });
});

describe('lapsed and win_back', () => {
  it.each([
    [
      '90 days after her last visit',
      { lastVisitOn: '2026-01-01', usualIntervalDays: 30 },
      '2026-04-01',
      ['lapsed:2026-01-01'],
    ],
    [
      '…or twice her usual interval, if longer',
      { lastVisitOn: '2026-01-01', usualIntervalDays: 60 },
      '2026-05-01',
      ['lapsed:2026-01-01'],
    ],
    ['not before', { lastVisitOn: '2026-01-01', usualIntervalDays: 60 }, '2026-04-01', []],
    [
      'not when metrics say she is still active',
      { lastVisitOn: '2026-01-01', lapseStatus: 'active' },
      '2026-04-01',
      [],
    ],
    ['metrics agree', { lastVisitOn: '2026-01-01', lapseStatus: 'drifting' }, '2026-04-01', ['lapsed:2026-01-01']],
    ['never visited: nothing', { lastVisitOn: null }, '2026-04-01', []],
  ] as const)('lapsed: %s', (_name, f, date, keys) => {
    expect(keysOn('lapsed', customer(f), ctx(date))).toEqual(keys);
  });

  it('runs a win-back plan for a lost high-value customer: guide message, manager call, guide call', () => {
    const f = customer({ lastVisitOn: '2026-01-01', usualIntervalDays: 30, lapseStatus: 'lost', classValue: 'vip' });
    const steps = ['2026-06-30', '2026-07-21', '2026-08-29'].map((d) =>
      occasionsOn('win_back', DEFAULTS.rules.win_back, f, ctx(d)).map((o) => [
        o.key,
        o.assignee,
        o.kinds[0],
        o.occasionDate,
      ]),
    );
    expect(steps).toEqual([
      [['win_back:2026-01-01:guide_message', 'owner_guide', 'message', '2026-06-30']],
      [['win_back:2026-01-01:manager_call', 'store_manager', 'call', '2026-06-30']],
      [['win_back:2026-01-01:guide_call', 'owner_guide', 'call', '2026-06-30']],
    ]);
    expect(keysOn('win_back', { ...f, classValue: 'ordinary' }, ctx('2026-06-30'))).toEqual([]);
    expect(
      keysOn('win_back', { ...f, classValue: 'ordinary', lifetimeSpend: { CNY: 2_000_000 } }, ctx('2026-06-30')),
    ).toHaveLength(1);
    // Switched on after she was lost: the whole plan stays off for this absence.
    expect(keysOn('win_back', f, ctx('2026-07-21', 'CN', '2026-07-01'))).toEqual([]);
  });
});

describe('properties of every rule', () => {
  const run = fc.record({
    start: dateIn(0, 3 * 365),
    offset: fc.integer({ min: 0, max: 60 }),
    market: fc.constantFrom<Market>('CN', 'TW', 'HK', 'JP'),
  });

  it('no back-dating: nothing whose occasion is before the day the rule was switched on; open today', () => {
    fc.assert(
      fc.property(run, arbitrarySettings(), fc.constantFrom(...RULE_IDS), (r, settings, rule) => {
        const date = addDays(r.start, r.offset);
        return fc.assert(
          fc.property(arbitraryFacts(date), (facts) => {
            for (const o of occasionsOn(rule, settings.rules[rule], facts, ctx(date, r.market, r.start))) {
              expect(o.occasionDate >= r.start).toBe(true);
              expect(o.createOn <= date && date <= o.dueOn).toBe(true);
              expect(o.createOn <= o.occasionDate || o.createOn <= o.dueOn).toBe(true);
              expect(o.ruleId).toBe(rule);
              expect(o.key.startsWith(`${rule}:`)).toBe(true);
            }
          }),
          { numRuns: 5 },
        );
      }),
      { numRuns: 60 },
    );
  });

  it('stable keys: an occasion found on several days is the same occasion each time', () => {
    fc.assert(
      fc.property(dateIn(0, 3 * 365), fc.constantFrom<Market>('CN', 'TW', 'JP'), (date, market) =>
        fc.assert(
          fc.property(arbitraryFacts(date), arbitrarySettings(), (facts, settings) => {
            const seen = new Map<string, string>();
            for (let i = 0; i < 12; i += 1) {
              const c = ctx(addDays(date, i), market);
              for (const rule of RULE_IDS) {
                for (const o of occasionsOn(rule, settings.rules[rule], facts, c)) {
                  const sig = `${o.occasionDate}|${o.createOn}|${o.dueOn}|${o.assignee}|${o.category}`;
                  expect(seen.get(o.key) ?? sig).toBe(sig);
                  seen.set(o.key, sig);
                }
              }
            }
          }),
          { numRuns: 3 },
        ),
      ),
      { numRuns: 25 },
    );
  });

  it('a disabled rule gives nothing', () => {
    const f = customer({ birthday: '1990-09-15' });
    const s = settingsWith({ rules: { birthday: { enabled: false } } });
    expect(keysOn('birthday', f, ctx('2027-09-15'), s)).toEqual([]);
    expect(Object.keys(RULES).sort()).toEqual([...RULE_IDS].sort());
  });
});
