import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  CUSTOM_ANSWERS_FOR_FULL_CREDIT,
  PROFILE_FIELDS,
  completeness,
  hasValue,
  nextQuestions,
  profileFieldLabel,
  type ProfileFieldKey,
  type ProfileForCompleteness,
} from './profile-completeness';

// One value per field that makes it known.
const FILLERS: Record<ProfileFieldKey, ProfileForCompleteness> = {
  name: { familyName: '张', givenName: '伟' },
  phone: { phones: ['+8613800138000'] },
  birthday: { lunarBirthday: { month: 8, day: 15 } },
  address: { addresses: [{ city: '上海' }] },
  gender: { gender: 'female' },
  sizes: { sizes: { clothing: 'M' } },
  ageBand: { ageBand: '30-39' },
  email: { email: 'wei@example.com' },
  skinType: { skinType: 'dry' },
  measurements: { measurements: { bust: 84 } },
  ethnicity: { ethnicity: '汉族' },
  contactTimes: { contactTimes: 'weekday evenings' },
  stylePreferences: { stylePreferences: ['minimal'] },
  colourPreferences: { colourPreferences: ['navy'] },
  preferredServiceStyle: { preferredServiceStyle: 'quiet' },
  work: { work: 'teacher' },
  family: { family: [{ relation: 'daughter', age: 6 }] },
  hobbies: { hobbies: ['hiking'] },
  importantDates: { importantDates: [{ label: 'wedding', date: '--05-20' }] },
  personalityType: { personalityType: 'comparing' },
  buyingPsychology: { buyingPsychology: 'belonging' },
  consumptionHabits: { consumptionHabits: 'buys at season start' },
  promotionReceptiveness: { promotionReceptiveness: 'only new arrivals' },
  fabricPreferences: { fabricPreferences: ['silk'] },
  brandPreferences: { brandPreferences: ['ours'] },
  lifeHabits: { lifeHabits: 'early riser' },
  healthNotes: { healthNotes: 'sensitive to wool' },
  values: { values: 'quality over quantity' },
  customAnswers: { customAnswerCount: CUSTOM_ANSWERS_FOR_FULL_CREDIT },
  notes: { notes: 'likes tea' },
};

const ALL_KEYS = PROFILE_FIELDS.map((f) => f.key);
const profileWith = (keys: readonly ProfileFieldKey[]): ProfileForCompleteness =>
  Object.assign({}, ...keys.map((k) => FILLERS[k]));
const fullProfile = profileWith(ALL_KEYS);
const keysSubset = fc.subarray(ALL_KEYS);

describe('completeness', () => {
  it('is 0 for an empty file and 100 for a full one', () => {
    expect(completeness({})).toBe(0);
    expect(completeness(fullProfile)).toBe(100);
  });

  it('weighs hard data 20 and soft data 80 (seed 001)', () => {
    const hard = ALL_KEYS.filter((k) => PROFILE_FIELDS.find((f) => f.key === k)?.part === 'hard');
    const soft = ALL_KEYS.filter((k) => !hard.includes(k));
    expect(completeness(profileWith(hard))).toBe(20);
    expect(completeness(profileWith(soft))).toBe(80);
  });

  it('name and phone alone are a small share of the file', () => {
    const score = completeness(profileWith(['name', 'phone']));
    expect(score).toBeGreaterThan(0);
    expect(score).toBeLessThan(10);
  });

  it('blank text, empty lists and empty objects do not count', () => {
    const blank: ProfileForCompleteness = {
      familyName: '  ',
      phones: [],
      sizes: { clothing: '', shoes: null },
      hobbies: [''],
      family: [{}],
      customAnswerCount: 0,
    };
    expect(completeness(blank)).toBe(0);
  });

  it('gives partial credit for question-bank answers, full credit from the threshold', () => {
    const withAnswers = (n: number) => completeness({ ...profileWith(['name']), customAnswerCount: n });
    expect(withAnswers(1)).toBeGreaterThan(withAnswers(0));
    expect(withAnswers(CUSTOM_ANSWERS_FOR_FULL_CREDIT)).toBeGreaterThan(withAnswers(1));
    expect(withAnswers(CUSTOM_ANSWERS_FOR_FULL_CREDIT + 10)).toBe(withAnswers(CUSTOM_ANSWERS_FOR_FULL_CREDIT));
  });

  it('a full birthday tells the age band; a lunar month/day does not', () => {
    const base = profileWith(['name']);
    expect(completeness({ ...base, birthday: '1990-05-01' })).toBeGreaterThan(
      completeness({ ...base, birthday: '--05-01' }),
    );
    expect(completeness({ ...base, birthday: '--05-01' })).toBe(
      completeness({ ...base, lunarBirthday: { month: 5, day: 1 } }),
    );
  });

  it('only counts the fields the organisation keeps', () => {
    const fields = ALL_KEYS.filter((k) => k !== 'skinType');
    const withoutSkin = profileWith(fields);
    expect(completeness(withoutSkin)).toBeLessThan(100);
    expect(completeness(withoutSkin, { fields })).toBe(100);
  });

  it('gives a part without active fields to the other part', () => {
    expect(completeness(profileWith(['work']), { fields: ['work', 'hobbies'] })).toBe(50);
  });

  it('property: bounded 0–100, and 100 exactly when every field is known', () => {
    fc.assert(
      fc.property(keysSubset, (keys) => {
        const score = completeness(profileWith(keys));
        expect(Number.isInteger(score)).toBe(true);
        expect(score).toBeGreaterThanOrEqual(0);
        expect(score).toBeLessThanOrEqual(100);
        expect(score === 100).toBe(keys.length === ALL_KEYS.length);
      }),
    );
  });

  it('property: monotone — learning one more field raises the score, knowing it again changes nothing', () => {
    fc.assert(
      fc.property(keysSubset, fc.constantFrom(...ALL_KEYS), (keys, extra) => {
        const before = completeness(profileWith(keys));
        const after = completeness(profileWith([...keys, extra]));
        expect(after).toBeGreaterThanOrEqual(before);
        // Every field is worth more than one point, so learning a new one always shows.
        if (!keys.includes(extra)) expect(after).toBeGreaterThan(before);
      }),
    );
  });
});

describe('nextQuestions', () => {
  const consent = { consentToPersonalQuestions: true };
  const noConsent = { consentToPersonalQuestions: false };

  it('asks name and phone first, and nothing else until both are known', () => {
    expect(nextQuestions({}, consent)).toEqual(['name', 'phone']);
    expect(nextQuestions(profileWith(['name']), consent)).toEqual(['phone']);
    expect(nextQuestions(profileWith(['phone']), noConsent)).toEqual(['name']);
  });

  it('then birthday and address if she does not mind', () => {
    expect(nextQuestions(profileWith(['name', 'phone']), consent)).toEqual(['birthday', 'address', 'gender']);
  });

  it('never birthday or address without her consent', () => {
    const next = nextQuestions(profileWith(['name', 'phone']), noConsent);
    expect(next).not.toContain('birthday');
    expect(next).not.toContain('address');
    expect(next).toEqual(['gender', 'sizes', 'ageBand']);
  });

  it('respects the limit', () => {
    expect(nextQuestions(profileWith(['name', 'phone']), { ...consent, limit: 2 })).toEqual(['birthday', 'address']);
    expect(nextQuestions({}, { ...consent, limit: 0 })).toEqual([]);
  });

  it('skips what is known and fields the organisation does not keep', () => {
    const known = profileWith(['name', 'phone', 'birthday', 'address', 'gender', 'sizes']);
    expect(nextQuestions(known, { ...consent, fields: ALL_KEYS.filter((k) => k !== 'ageBand') })).toEqual([
      'email',
      'skinType',
      'contactTimes',
    ]);
  });

  it('has nothing to ask of a full file', () => {
    expect(nextQuestions(fullProfile, consent)).toEqual([]);
  });

  it('property: suggestions are unknown fields, in etiquette order, within the limit', () => {
    const stageRank = { first_visit: 0, with_consent: 1, later: 2 } as const;
    const stageOf = (k: ProfileFieldKey) => PROFILE_FIELDS.find((f) => f.key === k)?.stage ?? 'later';
    fc.assert(
      fc.property(keysSubset, fc.boolean(), fc.integer({ min: 0, max: 6 }), (keys, isConsenting, limit) => {
        const next = nextQuestions(profileWith(keys), { consentToPersonalQuestions: isConsenting, limit });
        expect(next.length).toBeLessThanOrEqual(limit);
        for (const key of next) expect(keys).not.toContain(key);
        if (!isConsenting) expect(next.some((k) => stageOf(k) === 'with_consent')).toBe(false);
        const namePhoneKnown = keys.includes('name') && keys.includes('phone');
        if (!namePhoneKnown) expect(next.every((k) => stageOf(k) === 'first_visit')).toBe(true);
        const ranks = next.map((k) => stageRank[stageOf(k)]);
        expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
      }),
    );
  });
});

describe('field catalogue', () => {
  it('every field has a label in the four languages', () => {
    for (const f of PROFILE_FIELDS) {
      for (const locale of ['zh-CN', 'zh-TW', 'ja', 'en'] as const)
        expect(profileFieldLabel(f.key, locale)).not.toBe('');
    }
  });

  it('keys are unique and first-visit fields are exactly name and phone', () => {
    expect(new Set(ALL_KEYS).size).toBe(ALL_KEYS.length);
    expect(PROFILE_FIELDS.filter((f) => f.stage === 'first_visit').map((f) => f.key)).toEqual(['name', 'phone']);
    expect(PROFILE_FIELDS.filter((f) => f.stage === 'with_consent').map((f) => f.key)).toEqual(['birthday', 'address']);
  });

  it('labels read as the seeds and glossary word them', () => {
    expect(profileFieldLabel('stylePreferences', 'zh-CN')).toBe('着装喜好');
    expect(profileFieldLabel('birthday', 'ja')).toBe('誕生日');
  });
});

describe('hasValue', () => {
  it.each<[unknown, boolean]>([
    ['', false],
    [' ', false],
    ['x', true],
    [0, true],
    [Number.NaN, false],
    [[], false],
    [[null, ''], false],
    [['a'], true],
    [{}, false],
    [{ a: { b: '' } }, false],
    [{ a: { b: 'x' } }, true],
    [null, false],
    [undefined, false],
  ])('%j → %s', (value, expected) => {
    expect(hasValue(value)).toBe(expected);
  });
});
