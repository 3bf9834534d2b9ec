import { describe, expect, it } from 'vitest';
import { MESSAGE_CATEGORIES, type HolidayId, type Market } from '../../contracts/care';
import { LOCALES, type Locale } from '../../contracts/common';
import { holidaysOf } from './holidays';
import { DEFAULT_TEMPLATES, defaultTemplates } from './library';
import { formatCustomerName } from './names';
import { SEASON_START_TERMS } from './solar-terms';
import {
  SAMPLE_CONTEXTS,
  pickTemplates,
  previewTemplate,
  renderTemplate,
  scanPlaceholders,
  smsSegments,
  templateVariables,
  validateTemplate,
  type MessageTemplate,
} from './templates';
import { checkTone } from './tone';

const template = (over: Partial<MessageTemplate>): MessageTemplate => ({
  id: 't',
  category: 'holiday',
  locale: 'zh-CN',
  format: 'message',
  title: 'x',
  body: '{name}，节日快乐！—— {guide}',
  allowsBenefit: false,
  ...over,
});

describe('{name}', () => {
  it.each<[Locale, string, string | null, 'female' | 'male' | 'undisclosed' | null, string]>([
    ['zh-CN', '王', '丽华', 'female', '王女士'],
    ['zh-CN', '王', '建国', 'male', '王先生'],
    ['zh-CN', '王', '丽华', null, '王丽华'],
    ['zh-CN', '欧阳', '娜娜', 'undisclosed', '欧阳娜娜'],
    ['zh-CN', '王', null, null, '亲爱的顾客'],
    ['zh-TW', '陳', '怡君', 'female', '陳小姐'],
    ['zh-TW', '陳', '志明', 'male', '陳先生'],
    ['zh-TW', '陳', '怡君', null, '陳怡君'],
    ['ja', '山田', '花子', 'female', '山田様'],
    ['ja', '山田', '太郎', 'male', '山田様'],
    ['ja', '山田', null, null, '山田様'],
    ['en', 'Wang', 'Emily', 'female', 'Emily'],
    ['en', 'Wang', null, 'female', 'Ms Wang'],
    ['en', 'Wang', null, 'male', 'Mr Wang'],
    ['en', 'Wang', null, null, 'valued customer'],
  ])('%s %s %s (%s) → %s', (locale, familyName, givenName, gender, expected) => {
    expect(formatCustomerName({ familyName, givenName, gender }, locale)).toBe(expected);
  });

  it('follows a house style when asked', () => {
    expect(
      formatCustomerName({ familyName: 'Wang', givenName: 'Emily', gender: 'female' }, 'en', {
        englishStyle: 'honorific',
      }),
    ).toBe('Ms Wang');
    expect(
      formatCustomerName({ familyName: '陳', givenName: '怡君', gender: 'female' }, 'zh-TW', {
        honorifics: { 'zh-TW': { female: '女士' } },
      }),
    ).toBe('陳女士');
  });
});

describe('placeholders and validation', () => {
  it('reads {variables}, literal {{ }} and lone braces', () => {
    expect(scanPlaceholders('{name}，{{tip}} {Name} }')).toEqual({
      placeholders: [{ name: 'name', start: 0, end: 6 }],
      malformed: [15, 20, 22],
    });
    expect(templateVariables({ body: '{name}{guide}{name}', subject: '{store}' })).toEqual(['name', 'guide', 'store']);
  });

  it.each([
    [
      'unknown variable',
      { body: '{name}，{nickname}好' },
      [{ code: 'unknown_variable', variable: 'nickname', field: 'body' }],
    ],
    [
      'a holiday in a birthday message',
      { category: 'birthday', body: '{name}，{holiday}' },
      [{ code: 'variable_not_allowed', variable: 'holiday' }],
    ],
    [
      'the benefit without permission',
      { category: 'birthday', body: '{benefit}' },
      [{ code: 'benefit_not_allowed', variable: 'benefit' }],
    ],
    [
      'the benefit outside birthdays',
      { category: 'holiday', allowsBenefit: true, body: '{benefit}' },
      [
        { code: 'variable_not_allowed', variable: 'benefit' },
        { code: 'benefit_outside_birthday', field: 'allowsBenefit' },
      ],
    ],
    ['a lone brace', { body: '{name，你好' }, [{ code: 'malformed_placeholder', start: 0, end: 1 }]],
    [
      'an unknown variable in the subject',
      { category: 'thank_you', subject: '{price}', body: '{name}' },
      [{ code: 'unknown_variable', field: 'subject', variable: 'price' }],
    ],
    [
      'a holiday scope on a season message',
      { category: 'season_change', holidayId: 'mid_autumn' as HolidayId },
      [{ code: 'holiday_outside_holiday_category' }],
    ],
  ] as const)('refuses %s', (_name, over, issues) => {
    const check = validateTemplate(template(over as Partial<MessageTemplate>));
    expect(check.issues).toMatchObject(issues);
  });

  it('accepts a good template and reports tone findings as warnings', () => {
    expect(validateTemplate(template({ body: '{name}，{holiday}快乐！' }))).toEqual({ issues: [], tone: [] });
    const check = validateTemplate(template({ body: '{name}，中秋快乐！全场八折' }));
    expect(check.issues).toEqual([]);
    expect(check.tone).toMatchObject([{ kind: 'discount', text: '八折' }]);
  });
});

describe('rendering', () => {
  const ctx = { ...SAMPLE_CONTEXTS['zh-CN'], holidayId: 'mid_autumn' as const };

  it('fills every variable in the template’s language', () => {
    const t = template({ body: '{name}，值此{holiday}，{guide}在{store}祝您{date}快乐 {{笑}}' });
    expect(renderTemplate(t, ctx)).toEqual({
      ok: true,
      text: '王女士，值此中秋节，小李在静安嘉里店祝您9月15日快乐 {笑}',
      subject: null,
    });
    expect(renderTemplate({ ...t, locale: 'en', body: '{holiday} on {date}' }, ctx)).toMatchObject({
      text: 'Mid-Autumn Festival on 15 September',
    });
  });

  it('refuses when a value is missing, and never fills the benefit where the template does not allow it', () => {
    expect(renderTemplate(template({ category: 'after_purchase', body: '{item}' }), { ...ctx, item: null })).toEqual({
      ok: false,
      missing: ['item'],
    });
    expect(renderTemplate(template({ category: 'birthday', body: '{benefit}' }), ctx)).toEqual({
      ok: false,
      missing: ['benefit'],
    });
    expect(
      renderTemplate(template({ category: 'birthday', body: '{benefit}', allowsBenefit: true }), ctx),
    ).toMatchObject({ text: '生日月享75折' });
  });

  it('names the season from the solar term', () => {
    const t = template({ category: 'season_change', body: '{season}到了', locale: 'ja' });
    expect(renderTemplate(t, { ...SAMPLE_CONTEXTS.ja, termId: 'li_qiu' })).toMatchObject({ text: '立秋到了' });
    expect(renderTemplate(t, { ...SAMPLE_CONTEXTS.ja, season: 'autumn' })).toMatchObject({ text: '秋到了' });
  });

  it('previews with sample values, length and SMS parts', () => {
    const p = previewTemplate(template({ body: '{name}，{holiday}快乐！全场八折' }));
    expect(p).toMatchObject({
      text: '王女士，中秋节快乐！全场八折',
      missing: [],
      issues: [],
      length: 14,
      smsSegments: 1,
    });
    expect(p.tone).toHaveLength(1);
  });

  it.each([
    ['a'.repeat(160), 1],
    ['a'.repeat(161), 2],
    ['中'.repeat(70), 1],
    ['中'.repeat(71), 2],
    ['中'.repeat(134), 2],
    ['中'.repeat(135), 3],
  ])('SMS parts of %s', (text, parts) => {
    expect(smsSegments(text)).toBe(parts);
  });

  it('picks the template written for the holiday first, then the general one, never another holiday’s', () => {
    const ids = pickTemplates(DEFAULT_TEMPLATES, { category: 'holiday', locale: 'zh-CN', holidayId: 'mid_autumn' }).map(
      (t) => t.id,
    );
    expect(ids).toEqual([
      'default:zh-CN:holiday:mid_autumn',
      'default:zh-CN:holiday:mid_autumn_thanks',
      'default:zh-CN:holiday:any',
    ]);
    const scripts = pickTemplates(DEFAULT_TEMPLATES, {
      category: 'after_purchase',
      locale: 'ja',
      format: 'script',
      context: SAMPLE_CONTEXTS.ja,
    });
    expect(scripts.map((t) => t.id)).toEqual(['default:ja:after_purchase:call', 'default:ja:after_purchase:call_item']);
    const noItem = pickTemplates(DEFAULT_TEMPLATES, {
      category: 'after_purchase',
      locale: 'ja',
      context: { ...SAMPLE_CONTEXTS.ja, item: null },
    });
    expect(noItem.every((t) => !t.body.includes('{item}'))).toBe(true);
  });
});

describe('default library', () => {
  const MARKETS_OF: Record<Locale, Market[]> = {
    'zh-CN': ['CN'],
    'zh-TW': ['TW', 'HK'],
    ja: ['JP'],
    en: ['CN', 'TW', 'HK', 'JP'],
  };

  it('has unique ids', () => {
    expect(new Set(DEFAULT_TEMPLATES.map((t) => t.id)).size).toBe(DEFAULT_TEMPLATES.length);
  });

  it.each(DEFAULT_TEMPLATES.map((t) => [t.id, t] as const))(
    '%s uses only known, allowed variables and passes the tone check',
    (_id, t) => {
      const check = validateTemplate(t);
      expect(check.issues).toEqual([]);
      expect(check.tone).toEqual([]);
      const sample = {
        ...SAMPLE_CONTEXTS[t.locale],
        holidayId: t.holidayId ?? 'mid_autumn',
        termId: t.termId ?? 'li_qiu',
      };
      const rendered = renderTemplate(t, sample);
      expect(rendered).toMatchObject({ ok: true });
      // The benefit itself (生日月享75折, 25% off…) is the one price mention a template may allow; the
      // words around it must be as warm as any other message.
      const around = (text: string) => (t.allowsBenefit ? text.replace(sample.benefit!, ' ') : text);
      if (rendered.ok) expect(checkTone(around(rendered.text), t.locale)).toEqual([]);
    },
  );

  it.each(LOCALES)('%s has several templates for every category, and words for calls and visits', (locale) => {
    for (const category of MESSAGE_CATEGORIES) {
      const list = defaultTemplates(locale).filter((t) => t.category === category);
      expect({ category, n: list.length >= 3 }).toEqual({ category, n: true });
    }
    for (const category of [
      'after_purchase',
      'vip_visit',
      'top_spender_visit',
      'win_back',
      'birthday',
      'miss_you',
    ] as const) {
      expect(pickTemplates(DEFAULT_TEMPLATES, { category, locale, format: 'script' }).length).toBeGreaterThan(0);
    }
    expect(pickTemplates(DEFAULT_TEMPLATES, { category: 'birthday', locale }).some((t) => t.allowsBenefit)).toBe(true);
  });

  it.each(LOCALES)('%s has words for every holiday of its markets, its own for each default one', (locale) => {
    for (const market of MARKETS_OF[locale]) {
      for (const h of holidaysOf(market)) {
        const picks = pickTemplates(DEFAULT_TEMPLATES, { category: 'holiday', locale, holidayId: h.id });
        expect({ h: h.id, any: picks.length > 0 }).toEqual({ h: h.id, any: true });
        if (locale !== 'en' && h.onByDefault)
          expect({ h: h.id, own: picks[0]?.holidayId }).toEqual({ h: h.id, own: h.id });
      }
    }
  });

  it.each(LOCALES)('%s has its own words for the four beginnings of the seasons', (locale) => {
    for (const term of SEASON_START_TERMS) {
      expect(pickTemplates(DEFAULT_TEMPLATES, { category: 'season_change', locale, termId: term })[0]?.termId).toBe(
        term,
      );
    }
  });

  it('keeps the seeds’ don’ts: greetings never mention shop events, miss-you never asks what happened', () => {
    const forbidden = /活动|活動|イベント|\bevent|发生了什么|發生了什麼|何かありましたか|what happened/i;
    expect(DEFAULT_TEMPLATES.filter((t) => forbidden.test(t.body)).map((t) => t.id)).toEqual([]);
  });
});
