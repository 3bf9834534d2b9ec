import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RULE_IDS, type CareSettings, type Market, type RuleId } from '../../contracts/care';
import { addDays, daysBetween, toEpochDay } from './dates';
import type { CareFacts } from './facts';
import {
  careChannels,
  consentedChannels,
  fitsBudget,
  isQuietTime,
  nextAllowedSendTime,
  type ContactRecord,
  type OpenTask,
} from './guards';
import { planCustomerCare, type CareHistory, type PlanInput } from './planner';
import { arbitraryFacts, arbitrarySettings, customer, dateIn, DEFAULTS, settingsWith } from './test-arbitraries';

const NO_HISTORY: CareHistory = { contacts: [], openTasks: [], handledKeys: [] };
const ALL_SINCE = Object.fromEntries(RULE_IDS.map((r) => [r, '2020-01-01'])) as Record<RuleId, string>;

function plan(date: string, facts: CareFacts, over: Partial<PlanInput> = {}) {
  return planCustomerCare({
    date,
    customer: facts,
    settings: DEFAULTS,
    store: { market: 'CN', timeZone: 'Asia/Shanghai' },
    activeSince: ALL_SINCE,
    history: NO_HISTORY,
    ...over,
  });
}

const contact = (date: string, source: ContactRecord['source'] = 'manual', ruleIds: RuleId[] = []): ContactRecord => ({
  date,
  source,
  ruleIds,
});

describe('hard guards', () => {
  const birthdayGirl = customer({ birthday: '1990-09-20' });

  it.each([
    ['deceased', { isDeceased: true }, 'deceased'],
    ['do not contact', { doNotContact: true }, 'do_not_contact'],
    ['no care consent on any channel', { consents: [] }, 'no_care_consent'],
    ['refused care everywhere', { consents: [{ channel: 'sms', granted: false }] }, 'no_care_consent'],
  ] as const)('%s: no task, the occasion is suppressed with its reason', (_name, f, reason) => {
    const p = plan('2027-09-20', { ...birthdayGirl, ...f });
    expect(p.tasks).toEqual([]);
    expect(p.suppressed).toEqual([
      { customerId: 'c1', ruleId: 'birthday', occasionKey: 'birthday:2027', dueOn: '2027-09-20', reason },
    ]);
  });

  it('picks the first contact kind she can be reached by: no phone consent turns the call into a message', () => {
    const f = customer({
      receipts: [{ id: 'r', date: '2027-09-08', currency: 'CNY', netTotal: 300_000, categories: [] }],
      consents: [
        { channel: 'messaging', granted: true },
        { channel: 'phone', granted: false },
      ],
    });
    expect(plan('2027-09-15', f).tasks).toMatchObject([
      { ownerRule: 'after_purchase_call', kind: 'message', channels: ['messaging', 'sms', 'email'] },
    ]);
  });

  it('suppresses a visit she cannot be asked for', () => {
    const f = customer({
      topSpender: [{ year: 2026, rank: 1 }],
      consents: [{ channel: 'email', granted: true }],
      reachable: { phone: false, email: true, address: false },
    });
    expect(plan('2027-01-10', f).suppressed).toMatchObject([
      { ruleId: 'top_spender_visit', reason: 'no_allowed_channel' },
    ]);
  });

  it.each([
    ['strict', ['sms']],
    ['any_channel', ['phone', 'sms', 'messaging', 'email', 'post']],
    ['unless_refused', ['phone', 'sms', 'messaging', 'email', 'post']],
  ] as const)('consent policy %s', (policy, channels) => {
    expect(consentedChannels({ consents: [{ channel: 'sms', granted: true }] }, policy)).toEqual(channels);
  });

  it('respects a refusal of one channel and needs the contact details', () => {
    const f = customer({
      consents: [
        { channel: 'sms', granted: true },
        { channel: 'email', granted: false },
      ],
      reachable: { phone: true, email: true, address: false },
    });
    expect(careChannels(f, 'any_channel')).toEqual(['phone', 'sms', 'messaging']);
    expect(consentedChannels({ consents: [] }, 'unless_refused')).toHaveLength(5);
  });
});

describe('merging', () => {
  it('turns several reasons on one day into one task owned by the strongest (Taiwan, 8 August 2027)', () => {
    const father = customer({ gender: 'male', hasChildren: true, birthday: '1970-08-08' });
    const settings = settingsWith({ rules: { holiday: { holidays: { qixi: true } } } });
    const p = plan('2027-08-08', father, { settings, store: { market: 'TW', timeZone: 'Asia/Taipei' } });
    expect(p.tasks).toHaveLength(1);
    expect(p.tasks[0]).toMatchObject({
      ownerRule: 'birthday',
      ownerKey: 'birthday:2027',
      category: 'birthday',
      dueOn: '2027-08-08',
    });
    expect(p.tasks[0]!.reasons.map((r) => r.key)).toEqual([
      'birthday:2027',
      'holiday:fathers_day:2027',
      'holiday:qixi:2027',
      'season_change:li_qiu:2027',
    ]);
  });

  it('lets an in-person visit absorb a call due the same day', () => {
    const f = customer({
      tierRank: 3,
      topSpender: [{ year: 2026, rank: 1 }],
      receipts: [{ id: 'r', date: '2027-01-03', currency: 'CNY', netTotal: 300_000, categories: [] }],
    });
    const p = plan('2027-01-10', f);
    expect(p.tasks.map((t) => [t.ownerRule, t.assignee, t.kind, t.reasons.map((r) => r.ruleId)])).toEqual([
      ['top_spender_visit', 'regional_manager', 'visit', ['top_spender_visit', 'after_purchase_call']],
    ]);
    // The after-purchase reason makes the contact happen anyway: it does not use up her budget.
    expect(p.tasks[0]!.countsTowardBudget).toBe(false);
  });

  it('adds today’s reasons to an open task due the same day instead of creating another', () => {
    const f = customer({
      birthday: '1990-09-15',
      referralsBrought: [{ customerId: 'friend', firstPurchaseOn: '2027-09-15' }],
    });
    const open: OpenTask = {
      taskId: 't-1',
      dueOn: '2027-09-15',
      ruleIds: ['birthday'],
      occasionKeys: ['birthday:2027'],
    };
    const p = plan('2027-09-15', f, { history: { contacts: [], openTasks: [open], handledKeys: ['birthday:2027'] } });
    expect(p.unchanged).toEqual(['birthday:2027']);
    expect(p.tasks).toMatchObject([
      { mergeIntoTaskId: 't-1', ownerKey: 'referral_thanks:friend', countsTowardBudget: false },
    ]);
  });

  it('frees the budget of an open task that an exempt reason joins, in the same run (a second run adds nothing)', () => {
    // Her VIP visit is open for today and counts; her friend's first purchase today brings a referral
    // thanks, which joins it and makes the contact happen anyway. Tomorrow's birthday then fits in a
    // budget of one contact a week: the first run of the day must see it, not only a second run.
    const settings = settingsWith({
      rules: { birthday: { leadDays: 1 } },
      guards: { budget: { maxContacts: 1, windowDays: 7 } },
    });
    const f = customer({
      birthday: '1990-03-12',
      referralsBrought: [{ customerId: 'friend', firstPurchaseOn: '2027-03-11' }],
    });
    const visit: OpenTask = { taskId: 't-1', dueOn: '2027-03-11', ruleIds: ['vip_visit_plan'], occasionKeys: [] };
    const history: CareHistory = { contacts: [], openTasks: [visit], handledKeys: [] };
    const first = plan('2027-03-11', f, { settings, history });
    expect(first.tasks.map((t) => [t.ownerKey, t.mergeIntoTaskId])).toEqual([
      ['birthday:2027', null],
      ['referral_thanks:friend', 't-1'],
    ]);
    const handledKeys = first.tasks.flatMap((t) => t.reasons.map((r) => r.key));
    const joined = { ...visit, ruleIds: [...visit.ruleIds, 'referral_thanks' as const] };
    const birthdayTask: OpenTask = { taskId: 't-2', dueOn: '2027-03-12', ruleIds: ['birthday'], occasionKeys: [] };
    const again = plan('2027-03-11', f, {
      settings,
      history: { contacts: [], openTasks: [joined, birthdayTask], handledKeys },
    });
    expect(again.tasks).toEqual([]);
  });
});

describe('contact budget', () => {
  const midAutumn = customer(); // greeted on 2027-09-15

  it.each([
    ['no contacts', 1, []],
    ['one outreach contact in 30 days', 1, [contact('2027-09-01')]],
    ['two outreach contacts in 30 days', 0, [contact('2027-08-20'), contact('2027-09-01')]],
    ['one of them 30 days before', 1, [contact('2027-08-16'), contact('2027-09-01')]],
    [
      'complaint follow-ups and inbound calls do not count',
      1,
      [contact('2027-09-01', 'complaint'), contact('2027-09-02', 'inbound')],
    ],
    [
      'after-purchase calls do not count',
      1,
      [
        contact('2027-09-01', 'task', ['after_purchase_call']),
        contact('2027-09-02', 'task', ['after_purchase_call', 'holiday']),
      ],
    ],
    ['a done birthday task counts', 0, [contact('2027-09-01', 'task', ['birthday']), contact('2027-09-02')]],
  ] as const)('%s → %i task(s)', (_name, tasks, contacts) => {
    const p = plan('2027-09-15', midAutumn, { history: { contacts: [...contacts], openTasks: [], handledKeys: [] } });
    expect(p.tasks).toHaveLength(tasks);
    if (tasks === 0)
      expect(p.suppressed).toMatchObject([{ occasionKey: 'holiday:mid_autumn:2027', reason: 'contact_budget' }]);
  });

  it('counts tasks already planned, overdue ones as still ahead', () => {
    const open = (taskId: string, dueOn: string, ruleIds: RuleId[]): OpenTask => ({
      taskId,
      dueOn,
      ruleIds,
      occasionKeys: [],
    });
    const h = (openTasks: OpenTask[]): CareHistory => ({ contacts: [], openTasks, handledKeys: [] });
    expect(
      plan('2027-09-15', midAutumn, {
        history: h([open('a', '2027-09-20', ['lapsed']), open('b', '2027-10-01', ['holiday'])]),
      }).tasks,
    ).toHaveLength(0);
    expect(
      plan('2027-09-15', midAutumn, {
        history: h([open('a', '2027-09-01', ['lapsed']), open('b', '2027-08-01', ['holiday'])]),
      }).tasks,
    ).toHaveLength(0);
    expect(
      plan('2027-09-15', midAutumn, {
        history: h([open('a', '2027-09-20', ['after_purchase_call']), open('b', '2027-10-01', ['holiday'])]),
      }).tasks,
    ).toHaveLength(1);
  });

  it('keeps room for a stronger occasion that is coming: no National Day greeting between Mid-Autumn and her Double Ninth', () => {
    // 2026: Mid-Autumn 25 Sep (greeted), National Day 1 Oct, Double Ninth 18 Oct — she is 66.
    const elder = customer({ birthday: '1960-03-01' });
    const history: CareHistory = {
      contacts: [contact('2026-09-25', 'task', ['holiday'])],
      openTasks: [],
      handledKeys: ['holiday:mid_autumn:2026'],
    };
    const national = plan('2026-10-01', elder, { history });
    expect(national.tasks).toEqual([]);
    expect(national.suppressed).toMatchObject([{ occasionKey: 'holiday:national_day:2026', reason: 'contact_budget' }]);
    const ninth = plan('2026-10-18', elder, { history });
    expect(ninth.tasks.map((t) => t.ownerKey)).toEqual(['holiday:double_ninth:2026']);
    // A younger customer gets the National Day greeting: nothing stronger is coming for her.
    expect(plan('2026-10-01', customer({ birthday: '1990-03-01' }), { history }).tasks.map((t) => t.ownerKey)).toEqual([
      'holiday:national_day:2026',
    ]);
  });

  it.each([
    [[], 10, 2, 30, true],
    [[1, 2], 10, 2, 30, false],
    [[1, 2], 31, 2, 30, true],
    [[1, 40], 20, 2, 30, true], // no 30-day window holds days 1, 20 and 40
    [[1, 25], 20, 2, 30, false],
    [[1, 60], 31, 2, 30, true],
    [[10, 10], 10, 3, 30, true],
  ])('fitsBudget(%j, day %i, max %i / %i days) → %s', (events, day, max, window, ok) => {
    expect(fitsBudget(events, day, max, window)).toBe(ok);
  });
});

describe('quiet hours', () => {
  const quiet = { start: '21:00', end: '09:00' };
  it.each([
    ['2027-09-15T13:00:00Z', 'Asia/Shanghai', '2027-09-16T01:00:00.000Z'], // 21:00 → 09:00 next day
    ['2027-09-15T23:30:00Z', 'Asia/Shanghai', '2027-09-16T01:00:00.000Z'], // 07:30 → 09:00
    ['2027-09-15T04:00:00Z', 'Asia/Shanghai', '2027-09-15T04:00:00.000Z'], // 12:00: allowed
    ['2027-09-15T12:59:00Z', 'Asia/Shanghai', '2027-09-15T12:59:00.000Z'], // 20:59: allowed
    ['2027-09-15T12:30:00Z', 'Asia/Tokyo', '2027-09-16T00:00:00.000Z'], // 21:30 Tokyo → 09:00
  ])('%s in %s → %s', (at, tz, expected) => {
    expect(nextAllowedSendTime(new Date(at), tz, quiet).toISOString()).toBe(expected);
  });

  it('handles a window within the day and no window at all', () => {
    const lunch = { start: '12:00', end: '14:00' };
    expect(nextAllowedSendTime(new Date('2027-09-15T04:30:00Z'), 'Asia/Shanghai', lunch).toISOString()).toBe(
      '2027-09-15T06:00:00.000Z',
    );
    expect(isQuietTime(new Date('2027-09-15T16:00:00Z'), 'Asia/Shanghai', { start: '00:00', end: '00:00' })).toBe(
      false,
    );
  });

  it('gives automatic messages the first allowed minute of the due day', () => {
    const p = plan('2027-09-15', customer());
    expect(p.tasks[0]).toMatchObject({ kind: 'message', sendAfter: '2027-09-15T01:00:00.000Z' });
    const call = plan(
      '2027-09-15',
      customer({ receipts: [{ id: 'r', date: '2027-09-08', currency: 'CNY', netTotal: 300_000, categories: [] }] }),
    );
    expect(call.tasks[0]).toMatchObject({ kind: 'call', sendAfter: null });
  });
});

describe('no back-dating and idempotency', () => {
  it('switching a rule on creates nothing for what is already past', () => {
    const f = customer({
      birthday: '1990-09-10',
      lastVisitOn: '2026-12-28', // lost on 25 August (240 days: four times her usual 60)
      lapseStatus: 'lost',
      classValue: 'vip',
      usualIntervalDays: 60,
      // Her call is due today, her referral call is open, her win-back plan has its second step today…
      receipts: [{ id: 'r', date: '2027-09-08', currency: 'CNY', netTotal: 300_000, categories: [] }],
      referral: { referrerId: 'x', firstPurchaseOn: '2027-09-12' },
    });
    const since = { ...ALL_SINCE, holiday: '2027-09-15' };
    expect(plan('2027-09-15', f, { activeSince: since }).tasks.flatMap((t) => t.reasons.map((r) => r.key))).toEqual([
      'win_back:2026-12-28:manager_call',
      'after_purchase_call:r',
      'holiday:mid_autumn:2027',
      'referral_new_call:2027-09-12',
    ]);
    // …but everything was switched on today: only what happens from today on.
    const p = plan('2027-09-15', f, { activeSince: {} });
    expect(p.tasks.flatMap((t) => t.reasons.map((r) => r.key))).toEqual(['holiday:mid_autumn:2027']);
  });

  function simulate(facts: CareFacts, settings: CareSettings, market: Market, start: string, days: number) {
    const created: Array<{ date: string; task: ReturnType<typeof plan>['tasks'][number] }> = [];
    const handled = new Set<string>();
    let open: OpenTask[] = [];
    const contacts: ContactRecord[] = [];
    for (let i = 0; i < days; i += 1) {
      const date = addDays(start, i);
      const activeSince = Object.fromEntries(RULE_IDS.map((r) => [r, start]));
      const store = { market, timeZone: market === 'JP' ? 'Asia/Tokyo' : 'Asia/Shanghai' };
      const p = planCustomerCare({
        date,
        customer: facts,
        settings,
        store,
        activeSince,
        history: { contacts, openTasks: open, handledKeys: handled },
      });
      for (const task of p.tasks) {
        created.push({ date, task });
        for (const r of task.reasons) {
          expect(handled.has(r.key)).toBe(false); // one task per rule, customer and occasion
          handled.add(r.key);
        }
        const existing = open.find((t) => t.taskId === task.mergeIntoTaskId);
        if (existing) existing.ruleIds.push(...task.reasons.map((r) => r.ruleId));
        else
          open.push({
            taskId: `t${created.length}`,
            dueOn: task.dueOn,
            ruleIds: task.reasons.map((r) => r.ruleId),
            occasionKeys: [],
          });
      }
      // A second run the same day changes nothing.
      const again = planCustomerCare({
        date,
        customer: facts,
        settings,
        store,
        activeSince,
        history: { contacts, openTasks: open, handledKeys: handled },
      });
      expect(again.tasks).toEqual([]);
      // The guide does today's tasks.
      for (const t of open.filter((t) => t.dueOn === date)) contacts.push({ date, source: 'task', ruleIds: t.ruleIds });
      open = open.filter((t) => t.dueOn !== date);
    }
    return { created, contacts };
  }

  it('property: over a year of daily runs, never more counted contacts than the budget in any window', () => {
    // One flat property (not one inside another) so that a failure's seed and path replay it exactly.
    const run = dateIn(0, 2 * 365).chain((start) =>
      fc.record({
        start: fc.constant(start),
        market: fc.constantFrom<Market>('CN', 'TW', 'HK', 'JP'),
        settings: arbitrarySettings(),
        facts: arbitraryFacts(addDays(start, 30)),
      }),
    );
    fc.assert(
      fc.property(run, ({ start, market, settings, facts }) => {
        const { created, contacts } = simulate(facts, settings, market, start, 120);
        const { maxContacts, windowDays } = settings.guards.budget;
        const counted = contacts
          .filter((c) => !c.ruleIds?.some((r) => settings.guards.budget.exemptRules.includes(r)))
          .map((c) => toEpochDay(c.date));
        for (const d of counted) {
          const inWindow = counted.filter((e) => e >= d && e < d + windowDays).length;
          expect(inWindow).toBeLessThanOrEqual(maxContacts);
        }
        // Switching everything on at `start` creates nothing for occasions before it.
        for (const { task } of created) for (const r of task.reasons) expect(r.occasionDate >= start).toBe(true);
        // At most one task per due day.
        const days = created.filter((c) => !c.task.mergeIntoTaskId).map((c) => c.task.dueOn);
        expect(new Set(days).size).toBe(days.length);
      }),
      { numRuns: 24 },
    );
  });

  it('property: a birthday greeting never gives way to holiday or season greetings', () => {
    fc.assert(
      fc.property(
        dateIn(0, 2 * 365),
        fc.constantFrom<Market>('CN', 'TW', 'JP'),
        arbitrarySettings(),
        (start, market, settings) => {
          const birthday = addDays(start, 40);
          const facts = customer({
            birthday: `1985-${birthday.slice(5)}`,
            hasChildren: true,
            isTeacher: true,
            ageBand: '70_plus',
          });
          if (birthday.slice(5) === '02-29') return;
          const { created } = simulate(facts, settings, market, start, 80);
          const greeted = created.some(({ task }) => task.reasons.some((r) => r.ruleId === 'birthday'));
          expect(greeted).toBe(true);
          expect(daysBetween(start, birthday)).toBe(40);
        },
      ),
      { numRuns: 25 },
    );
  });
});
