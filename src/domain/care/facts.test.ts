import { describe, expect, it } from 'vitest';
import { ageRangeOn, careFactsFromProfile, emptyCareFacts, isTeacherOccupation, matchesAudience } from './facts';

describe('facts from the customer file', () => {
  it.each([
    ['小学语文老师', true],
    ['高中教師', true],
    ['中学校教諭', true],
    ['High school teacher', true],
    ['会计', false],
    ['', null],
    [null, null],
  ])('occupation %s → teacher %s', (occupation, teacher) => {
    expect(isTeacherOccupation(occupation)).toBe(teacher);
  });

  it('knows she has children only when her file lists one', () => {
    expect(careFactsFromProfile({ family: [{ relation: 'child', name: '小宝' }] }).hasChildren).toBe(true);
    expect(careFactsFromProfile({ family: [{ relation: 'spouse' }] }).hasChildren).toBeNull();
    expect(careFactsFromProfile({}).hasChildren).toBeNull();
  });

  it('takes her age from the birthday, the lunar birth year, or the band', () => {
    const none = emptyCareFacts('x');
    expect(ageRangeOn({ ...none, birthday: '1967-10-08' }, '2027-10-08')).toEqual([60, 60]);
    expect(ageRangeOn({ ...none, birthday: '1967-10-08' }, '2027-10-07')).toEqual([59, 59]);
    expect(
      ageRangeOn({ ...none, lunarBirthday: { month: 9, day: 9, isLeapMonth: false, year: 1967 } }, '2027-10-08'),
    ).toEqual([59, 59]);
    expect(ageRangeOn({ ...none, ageBand: '60s' }, '2027-10-08')).toEqual([60, 69]);
    expect(ageRangeOn(none, '2027-10-08')).toBeNull();
  });

  it('never guesses an audience from unknown facts', () => {
    const none = emptyCareFacts('x');
    for (const a of [
      { kind: 'women' },
      { kind: 'mothers' },
      { kind: 'fathers' },
      { kind: 'teachers' },
      { kind: 'elders', minAge: 60 },
      { kind: 'coming_of_age', age: 20 },
    ] as const) {
      expect(matchesAudience(a, none, '2027-01-11')).toBe(false);
    }
    expect(matchesAudience({ kind: 'everyone' }, none, '2027-01-11')).toBe(true);
  });
});
