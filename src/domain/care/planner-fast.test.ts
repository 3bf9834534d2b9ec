// planCustomerCare works the day out once (planner-day.ts) and must give exactly the plans of the
// straightforward planner it replaced (planner-reference.ts): same tasks, reasons, keys, order,
// suppressions and unchanged lists, for every input.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CHANNELS } from '../../contracts/customers';
import { RULE_IDS, type CareSettings, type ContactKind, type Market, type RuleId } from '../../contracts/care';
import { addDays, type IsoDate } from './dates';
import type { CareFacts, Channel } from './facts';
import type { ContactRecord, OpenTask } from './guards';
import { planCustomerCare, type CareHistory, type PlanInput } from './planner';
import { planCustomerCareReference } from './planner-reference';
import { lunarDayOf } from './lunar-table';
import { arbitraryFacts, benchDayFacts, dateIn, DEFAULTS, settingsWith } from './test-arbitraries';

const TIME_ZONES = ['Asia/Shanghai', 'Asia/Tokyo', 'Asia/Taipei', 'America/New_York', 'UTC'];
const MARKETS: Array<Market | null> = ['CN', 'TW', 'HK', 'JP', null];

/** Settings that vary every knob the planner reads: rules on and off, leads, guards, holidays. */
function variedSettings(): fc.Arbitrary<CareSettings> {
  return fc
    .record({
      lead: fc.integer({ min: 0, max: 20 }),
      topLead: fc.integer({ min: 0, max: 30 }),
      maxContacts: fc.integer({ min: 1, max: 4 }),
      windowDays: fc.integer({ min: 1, max: 60 }),
      exempt: fc.subarray([...RULE_IDS]),
      disabled: fc.subarray([...RULE_IDS], { maxLength: 3 }),
      consent: fc.constantFrom('strict', 'any_channel', 'unless_refused'),
      quiet: fc.constantFrom(
        { start: '21:00', end: '09:00' },
        { start: '00:00', end: '08:30' },
        { start: '12:00', end: '12:00' },
      ),
      messageChannels: fc.constantFrom<Channel[]>(['messaging', 'sms', 'email'], ['email'], ['sms', 'messaging']),
      prefer: fc.constantFrom('lunar', 'solar'),
      leapDay: fc.constantFrom('feb_28', 'mar_1'),
      elderMinAge: fc.constantFrom(null, 50, 65),
      seasonMode: fc.constantFrom('solar_terms', 'fixed_dates'),
      birthdayKinds: fc.constantFrom<ContactKind[]>(['message', 'call', 'letter'], ['call'], ['letter']),
    })
    .map((k) =>
      settingsWith({
        rules: {
          ...Object.fromEntries(k.disabled.map((id) => [id, { enabled: false }])),
          after_purchase_call: {
            enabled: !k.disabled.includes('after_purchase_call'),
            categoryFollowUps: { coat: [{ key: 'first_wash', delayDays: 14 }] },
          },
          birthday: {
            enabled: !k.disabled.includes('birthday'),
            leadDays: k.lead,
            prefer: k.prefer,
            leapDay: k.leapDay,
            kinds: k.birthdayKinds,
          },
          holiday: {
            enabled: !k.disabled.includes('holiday'),
            leadDays: k.lead,
            elderMinAge: k.elderMinAge,
            holidays: { lantern: true, qixi: true, christmas: true, keiro_no_hi: true, winter_solstice: true },
          },
          season_change: {
            enabled: !k.disabled.includes('season_change'),
            leadDays: Math.min(k.lead, 3),
            mode: k.seasonMode,
          },
          top_spender_visit: { enabled: !k.disabled.includes('top_spender_visit'), leadDays: k.topLead },
          vip_visit_plan: { enabled: !k.disabled.includes('vip_visit_plan'), leadDays: k.topLead },
        },
        guards: {
          budget: { maxContacts: k.maxContacts, windowDays: k.windowDays, exemptRules: k.exempt },
          consent: k.consent,
          quietHours: k.quiet,
          messageChannels: k.messageChannels,
        },
      }),
    );
}

/** Her consents, contact details and hard stops, varied (most often reachable, as most customers are). */
const contactFacts = fc.oneof(
  { weight: 2, arbitrary: fc.constant({}) },
  {
    weight: 1,
    arbitrary: fc.record({
      consents: fc.array(fc.record({ channel: fc.constantFrom(...CHANNELS), granted: fc.boolean() }), {
        maxLength: 4,
      }),
      reachable: fc.record({ phone: fc.boolean(), email: fc.boolean(), address: fc.boolean() }),
      isDeceased: fc.integer({ min: 0, max: 19 }).map((n) => n === 0),
      doNotContact: fc.integer({ min: 0, max: 19 }).map((n) => n === 0),
    }),
  },
);

/** Days with occasions: holidays of the four markets, solar terms, a few ordinary days around them. */
const OCCASION_DAYS = [2025, 2026, 2027, 2028]
  .flatMap((y) =>
    [
      '01-01',
      '02-04',
      '03-08',
      '05-05',
      '05-11',
      '06-15',
      '08-07',
      '09-10',
      '09-21',
      '10-01',
      '10-10',
      '11-07',
      '12-22',
      '12-25',
    ].map((md) => `${y}-${md}`),
  )
  .concat(['2027-02-06', '2027-09-15', '2027-10-08', '2027-06-09', '2026-09-25', '2028-01-26']);

const occasionDay = fc
  .tuple(fc.constantFrom(...OCCASION_DAYS), fc.integer({ min: -10, max: 2 }))
  .map(([d, off]) => addDays(d, off));

/** A solar or lunar birthday that falls within a few weeks of the day (or none, or a random one). */
function birthdayNear(date: IsoDate) {
  return fc.record({
    solar: fc.option(
      fc.tuple(fc.integer({ min: 18, max: 80 }), fc.integer({ min: -3, max: 40 })).map(([age, off]) => {
        const d = addDays(date, off);
        const md = d.slice(5) === '02-29' ? '02-28' : d.slice(5);
        return `${Number(d.slice(0, 4)) - age}-${md}`;
      }),
      { nil: undefined },
    ),
    lunar: fc.option(
      fc.tuple(fc.integer({ min: -3, max: 40 }), fc.boolean()).map(([off, leap]) => {
        const l = lunarDayOf(addDays(date, off));
        return { month: l.month, day: l.day, isLeapMonth: l.isLeap || leap };
      }),
      { nil: undefined },
    ),
  });
}

function arbitraryHistory(date: IsoDate): fc.Arbitrary<Omit<CareHistory, 'handledKeys'>> {
  const near = fc.integer({ min: -40, max: 20 }).map((d) => addDays(date, d));
  const ruleIds = fc.subarray([...RULE_IDS], { minLength: 1, maxLength: 2 });
  return fc.record({
    contacts: fc.array(
      fc.record({
        date: near,
        source: fc.constantFrom('task', 'manual', 'complaint', 'inbound'),
        ruleIds,
      }) as fc.Arbitrary<ContactRecord>,
      { maxLength: 3 },
    ),
    openTasks: fc.array(
      fc.record({
        taskId: fc.uuid(),
        dueOn: near,
        ruleIds: ruleIds as fc.Arbitrary<RuleId[]>,
        occasionKeys: fc.constant([]),
      }) as fc.Arbitrary<OpenTask>,
      { maxLength: 2 },
    ),
  });
}

/** Keys a plan for her finds (tasks, suppressions, unchanged), to mark some as handled. */
function keysOf(input: PlanInput): string[] {
  const p = planCustomerCareReference({ ...input, history: { contacts: [], openTasks: [], handledKeys: [] } });
  return [...p.tasks.flatMap((t) => t.reasons.map((o) => o.key)), ...p.suppressed.map((s) => s.occasionKey)];
}

const inputs = fc
  .record({
    date: fc.oneof(dateIn(0, 4 * 365), occasionDay),
    settings: variedSettings(),
    market: fc.constantFrom(...MARKETS),
    timeZone: fc.constantFrom(...TIME_ZONES),
    sinceOffsets: fc.array(fc.option(fc.integer({ min: -60, max: 3 }), { nil: null }), {
      minLength: RULE_IDS.length,
      maxLength: RULE_IDS.length,
    }),
    mask: fc.array(fc.boolean(), { minLength: 8, maxLength: 8 }),
    asSet: fc.boolean(),
    extraKeys: fc.subarray(['holiday:national_day:2027', 'birthday:2027', 'season_change:li_dong:2027']),
  })
  .chain((r) =>
    fc
      .record({
        facts: arbitraryFacts(r.date),
        born: birthdayNear(r.date),
        contact: contactFacts,
        history: arbitraryHistory(r.date),
      })
      .map(({ facts: random, born, contact, history }) => {
        const facts: CareFacts = {
          ...random,
          ...(born.solar !== undefined ? { birthday: born.solar } : {}),
          ...(born.lunar !== undefined ? { lunarBirthday: born.lunar } : {}),
        };
        const activeSince = Object.fromEntries(
          RULE_IDS.flatMap((id, i) => {
            const off = r.sinceOffsets[i];
            return off == null ? [] : [[id, addDays(r.date, off)]];
          }),
        ) as Partial<Record<RuleId, IsoDate>>;
        const input: PlanInput = {
          date: r.date,
          customer: { ...facts, ...contact },
          settings: r.settings,
          store: { market: r.market, timeZone: r.timeZone },
          activeSince,
          history: { ...history, handledKeys: [] },
        };
        const handled = [...keysOf(input).filter((_, i) => r.mask[i % 8]), ...r.extraKeys];
        return { ...input, history: { ...history, handledKeys: r.asSet ? new Set(handled) : handled } };
      }),
  );

/** The same input for both planners: handledKeys may be a one-shot iterable only in name, so copy it. */
function both(input: PlanInput) {
  const copy = (i: PlanInput): PlanInput => ({
    ...i,
    history: { ...i.history, handledKeys: [...i.history.handledKeys] },
  });
  return { fast: planCustomerCare(copy(input)), reference: planCustomerCareReference(copy(input)) };
}

describe('planCustomerCare against the reference planner', () => {
  it('gives exactly the same plan for varied customers, histories, settings, stores and days', () => {
    fc.assert(
      fc.property(inputs, (input) => {
        const { fast, reference } = both(input);
        expect(fast).toEqual(reference);
      }),
      { numRuns: 5000 },
    );
  });

  it('gives the same plans for many customers of one run (the day worked out once), two runs interleaved', () => {
    const day = (date: IsoDate) =>
      fc.record({
        settings: variedSettings(),
        market: fc.constantFrom(...MARKETS),
        timeZone: fc.constantFrom(...TIME_ZONES),
        facts: fc.array(fc.tuple(arbitraryFacts(date), contactFacts, arbitraryHistory(date)), {
          minLength: 50,
          maxLength: 100,
        }),
      });
    fc.assert(
      fc.property(
        dateIn(0, 5 * 365).chain((a) => dateIn(0, 5 * 365).chain((b) => fc.tuple(fc.constant([a, b]), day(a), day(b)))),
        ([dates, ...runs]) => {
          const since = Object.fromEntries(RULE_IDS.map((r) => [r, addDays(dates[0]!, -30)]));
          const rounds = Math.max(runs[0].facts.length, runs[1].facts.length);
          for (let i = 0; i < rounds; i += 1) {
            runs.forEach((run, k) => {
              const entry = run.facts[i];
              if (!entry) return;
              const [facts, contact, history] = entry;
              const input: PlanInput = {
                date: dates[k]!,
                customer: { ...facts, ...contact, customerId: `c${k}-${i}` },
                settings: run.settings,
                store: { market: run.market, timeZone: run.timeZone },
                activeSince: since,
                history: { ...history, handledKeys: [] },
              };
              const { fast, reference } = both(input);
              expect(fast).toEqual(reference);
            });
          }
        },
      ),
      { numRuns: 40 },
    );
  });

  it('does not let an occasion found today (with lead days) reserve its day again when the budget stopped it', () => {
    // Her birthday is found ten days ahead but the budget stops it (an open task ten days after);
    // today's greeting must not count that birthday as "coming" and stop itself too.
    const settings = settingsWith({
      rules: { birthday: { leadDays: 14 } },
      guards: { budget: { maxContacts: 1, windowDays: 15 } },
    });
    const input: PlanInput = {
      date: '2027-10-01',
      customer: { ...benchDayFacts(1), birthday: '1990-10-11', lunarBirthday: null },
      settings,
      store: { market: 'CN', timeZone: 'Asia/Shanghai' },
      activeSince: {},
      history: {
        contacts: [],
        openTasks: [{ taskId: 't1', dueOn: '2027-10-21', ruleIds: ['lapsed'], occasionKeys: ['lapsed:x'] }],
        handledKeys: [],
      },
    };
    const { fast, reference } = both(input);
    expect(fast).toEqual(reference);
    expect(fast.tasks.map((t) => t.ownerKey)).toEqual(['holiday:national_day:2027']);
    expect(fast.suppressed).toMatchObject([{ occasionKey: 'birthday:2027', reason: 'contact_budget' }]);
  });

  it('gives the same plans on the benchmark day (National Day 2027-10-01, default settings)', () => {
    const since = Object.fromEntries(RULE_IDS.map((r) => [r, '2027-01-01']));
    let tasks = 0;
    for (let g = 1; g <= 5000; g += 1) {
      const facts: CareFacts = benchDayFacts(g);
      const input: PlanInput = {
        date: '2027-10-01',
        customer: facts,
        settings: DEFAULTS,
        store: { market: 'CN', timeZone: 'Asia/Shanghai' },
        activeSince: since,
        history: { contacts: [], openTasks: [], handledKeys: g % 7 === 0 ? ['holiday:national_day:2027'] : [] },
      };
      const { fast, reference } = both(input);
      expect(fast).toEqual(reference);
      tasks += fast.tasks.length;
    }
    expect(tasks).toBeGreaterThan(3000);
  });
});
