import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  ASSIGNEE_ROLES,
  CONTACT_KINDS,
  MESSAGE_CATEGORIES,
  RULE_IDS,
  SUPPRESSION_REASONS,
  careSettingsSchema,
} from '../../contracts/care';
import { LOCALES } from '../../contracts/common';
import { appText } from '../../i18n/server';
import { addDays, eachDay } from './dates';
import { occasionsOn, type Occasion } from './rules';
import { reasonParamsFor } from './reasons';
import { customer, settingsWith } from './test-arbitraries';
import type { ToneIssueKind } from './tone';
import type { TemplateIssueCode } from './templates';

// One customer who gets a bit of everything over 2026–2027.
const everything = customer({
  birthday: '1960-09-15',
  lunarBirthday: null,
  hasChildren: true,
  isTeacher: true,
  tierRank: 4,
  classValue: 'vip',
  lastVisitOn: '2026-01-02',
  usualIntervalDays: 20,
  lapseStatus: 'lost',
  lifetimeSpend: { CNY: 1_050_000 },
  receipts: [{ id: 'r1', date: '2026-03-01', currency: 'CNY', netTotal: 300_000, categories: ['coat'] }],
  referral: { referrerId: 'x', firstPurchaseOn: '2026-03-01' },
  referralsBrought: [{ customerId: 'y', firstPurchaseOn: '2026-03-02' }],
  topSpender: [{ year: 2026, rank: 1 }],
});
const lunarToo = { ...everything, customerId: 'c2', lunarBirthday: { month: 8, day: 15, isLeapMonth: false } };
const settings = settingsWith({
  rules: {
    after_purchase_call: { categoryFollowUps: { coat: [{ key: 'first_wash', delayDays: 14, label: 'first wash' }] } },
  },
});

function allOccasions(): Occasion[] {
  const out = new Map<string, Occasion>();
  for (const date of eachDay('2026-01-01', '2027-12-31')) {
    for (const facts of [everything, lunarToo]) {
      const f = date > '2026-03-20' ? { ...facts, receipts: [], lifetimeSpend: { CNY: 1_050_000 } } : facts;
      for (const rule of RULE_IDS) {
        for (const o of occasionsOn(rule, settings.rules[rule], f, {
          date,
          market: 'CN',
          timeZone: 'Asia/Shanghai',
          activeSince: '2026-01-01',
        })) {
          out.set(`${facts.customerId}|${o.key}`, o);
        }
      }
    }
  }
  return [...out.values()];
}

describe('reasons', () => {
  const occasions = allOccasions();

  it('covers every rule and reason text', () => {
    expect(new Set(occasions.map((o) => o.ruleId))).toEqual(new Set(RULE_IDS));
    const en = JSON.parse(readFileSync(new URL('../../i18n/locales/en/care.json', import.meta.url), 'utf8')) as {
      care: { reasons: object };
    };
    expect([...new Set(occasions.map((o) => o.reasonKey))].sort()).toEqual(
      Object.keys(en.care.reasons)
        .map((k) => `care.reasons.${k}`)
        .sort(),
    );
  });

  it.each(LOCALES)('reads as words in %s, with every placeholder filled', (locale) => {
    for (const o of occasions) {
      const text = appText(locale, o.reasonKey, reasonParamsFor(o.reasonParams, locale));
      expect({ key: o.reasonKey, text }).not.toMatchObject({ text: expect.stringMatching(/\{\{|care\.reasons/) });
    }
  });

  it('formats ids as words: holiday, lunar date, amount', () => {
    expect(reasonParamsFor({ holiday: 'mid_autumn', date: '2027-09-15' }, 'zh-CN')).toEqual({
      holiday: '中秋节',
      date: '2027年9月15日',
    });
    expect(reasonParamsFor({ lunar: { month: 8, day: 15, isLeapMonth: false } }, 'zh-TW')).toEqual({
      lunar: '農曆八月十五',
    });
    expect(reasonParamsFor({ amount: 1_000_000, currency: 'CNY' }, 'en')).toEqual({ amount: 'CN¥10,000' });
    expect(reasonParamsFor({ amount: 200_000, currency: 'JPY' }, 'ja')).toEqual({ amount: '￥200,000' });
    expect(reasonParamsFor({ term: 'li_qiu' }, 'ja')).toEqual({ season: '立秋' });
  });
});

describe('catalogue', () => {
  const tone: ToneIssueKind[] = ['promotion', 'discount', 'price', 'new_arrival', 'shop_event', 'intrusive_question'];
  const issues: TemplateIssueCode[] = [
    'unknown_variable',
    'variable_not_allowed',
    'benefit_not_allowed',
    'benefit_outside_birthday',
    'malformed_placeholder',
    'holiday_outside_holiday_category',
    'term_outside_season_category',
  ];
  it.each(LOCALES)(
    '%s names every rule, category, kind, assignee, suppression, tone finding and template issue',
    (locale) => {
      const keys = [
        ...RULE_IDS.flatMap((r) => [`care.rules.${r}`, `care.ruleHints.${r}`]),
        ...MESSAGE_CATEGORIES.map((c) => `care.categories.${c}`),
        ...CONTACT_KINDS.map((k) => `care.kinds.${k}`),
        ...ASSIGNEE_ROLES.map((a) => `care.assignees.${a}`),
        ...SUPPRESSION_REASONS.map((s) => `care.suppressions.${s}`),
        ...tone.map((t) => `care.tone.${t}`),
        ...issues.map((i) => `care.templateIssues.${i}`),
      ];
      expect(keys.filter((k) => appText(locale, k) === k)).toEqual([]);
    },
  );
});

describe('settings', () => {
  it('parses {} to the seeds’ defaults', () => {
    const s = careSettingsSchema.parse({});
    expect(s.rules.after_purchase_call).toMatchObject({
      enabled: true,
      delayDays: 7,
      minReceiptTotal: { CNY: 200_000, JPY: 40_000 },
    });
    expect(s.guards).toMatchObject({
      budget: { maxContacts: 2, windowDays: 30 },
      quietHours: { start: '21:00', end: '09:00' },
      consent: 'any_channel',
    });
    expect(s.rules.referral_new_call.callByDays).toBe(7);
    expect(s.rules.season_change.terms).toEqual(['li_chun', 'li_xia', 'li_qiu', 'li_dong']);
  });

  it('keeps what the organisation set and fills the rest', () => {
    const s = careSettingsSchema.parse({
      rules: { birthday: { leadDays: 5 } },
      guards: { budget: { maxContacts: 3 } },
    });
    expect(s.rules.birthday).toMatchObject({ leadDays: 5, prefer: 'lunar', leapDay: 'feb_28' });
    expect(s.guards.budget).toMatchObject({ maxContacts: 3, windowDays: 30 });
  });

  it.each([
    ['a negative threshold', { rules: { after_purchase_call: { minReceiptTotal: { CNY: -1 } } } }],
    ['a currency that is not ISO', { rules: { after_purchase_call: { minReceiptTotal: { yuan: 1 } } } }],
    ['an unknown holiday', { rules: { holiday: { holidays: { valentines: true } } } }],
    ['a quiet hour that is not HH:MM', { guards: { quietHours: { start: '9pm', end: '09:00' } } }],
    ['an impossible month-day', { rules: { top_spender_visit: { visitOn: '13-01' } } }],
  ])('rejects %s', (_name, input) => {
    expect(careSettingsSchema.safeParse(input).success).toBe(false);
  });

  it('keeps the dates of the example in the issue', () => {
    expect(addDays('2027-09-08', 7)).toBe('2027-09-15');
  });
});
