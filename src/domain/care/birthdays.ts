// Where a birthday falls: solar (29 February in a common year: 28 February by default, or 1 March) and
// lunar (leap month kept when the year has it, else the regular month; day 30 in a 29-day month: day 29).
//
// A lunar birthday has exactly one occurrence per LUNAR year, and that is what the birthday rule greets:
// the occasion key is `birthday:lunar:<lunar year>`. Per SOLAR year it can fall twice or not at all when
// it is in the 11th or 12th lunar month (lunar 12/3 fell on 2027-01-10 and falls again on 2027-12-30;
// lunar 11/20 falls on 2027-12-18 and next on 2029-01-04, never in 2028), so "the occurrence in solar
// year Y" is defined as the list `lunarBirthdaysInSolarYear` returns — zero, one or two dates — and
// never used as a key. A solar birthday's key is `birthday:<solar year>`.
import { daysInMonth, isLeapYear, isoDate, toEpochDay, fromEpochDay, type IsoDate } from './dates';
import type { CareFacts, LunarBirthday } from './facts';
import { leapMonthOfYear, lunarDayOf, lunarOccurrence } from './lunar-table';

export type LeapDayPolicy = 'feb_28' | 'mar_1';

/** The solar date of a solar birthday (month/day) in a year. */
export function solarBirthdayInYear(
  month: number,
  day: number,
  year: number,
  leapDay: LeapDayPolicy = 'feb_28',
): IsoDate {
  if (month === 2 && day === 29 && !isLeapYear(year)) {
    return leapDay === 'feb_28' ? isoDate(year, 2, 28) : isoDate(year, 3, 1);
  }
  if (day > daysInMonth(year, month)) throw new RangeError(`No such day: ${month}/${day}`);
  return isoDate(year, month, day);
}

/** The solar date of a lunar birthday in lunar year `lunarYear` (exactly one per lunar year). */
export function lunarBirthdayInLunarYear(birthday: LunarBirthday, lunarYear: number): IsoDate {
  return lunarOccurrence(lunarYear, birthday.month, birthday.day, birthday.isLeapMonth);
}

/** The occurrences of a lunar birthday whose solar date is in solar year `year`: zero, one or two. */
export function lunarBirthdaysInSolarYear(
  birthday: LunarBirthday,
  year: number,
): Array<{ lunarYear: number; date: IsoDate }> {
  // Lunar year L runs from late January/February of L to January/February of L+1.
  return [year - 1, year]
    .map((lunarYear) => ({ lunarYear, date: lunarBirthdayInLunarYear(birthday, lunarYear) }))
    .filter((o) => o.date.startsWith(`${year}-`));
}

export type BirthdayOccurrence = {
  key: string;
  date: IsoDate;
  calendar: 'solar' | 'lunar';
  /** The solar year (solar birthday) or lunar year (lunar birthday) the occurrence belongs to. */
  cycleYear: number;
};

/** Which of her birthdays the rule follows: the lunar one when preferred and on file, else the other. */
export function birthdayCalendarOf(
  facts: Pick<CareFacts, 'birthday' | 'lunarBirthday'>,
  prefer: 'lunar' | 'solar',
): 'solar' | 'lunar' | null {
  if (facts.lunarBirthday && (prefer === 'lunar' || !facts.birthday)) return 'lunar';
  return facts.birthday ? 'solar' : null;
}

/** Her birthday occurrences with a date in [from, to], in date order. */
export function birthdayOccurrencesBetween(
  facts: Pick<CareFacts, 'birthday' | 'lunarBirthday'>,
  from: IsoDate,
  to: IsoDate,
  options: { prefer: 'lunar' | 'solar'; leapDay: LeapDayPolicy },
): BirthdayOccurrence[] {
  const calendar = birthdayCalendarOf(facts, options.prefer);
  const out: BirthdayOccurrence[] = [];
  const [y0, y1] = [Number(from.slice(0, 4)), Number(to.slice(0, 4))];
  if (calendar === 'solar' && facts.birthday) {
    const [m, d] = [Number(facts.birthday.slice(5, 7)), Number(facts.birthday.slice(8, 10))];
    for (let y = y0; y <= y1; y += 1) {
      const date = solarBirthdayInYear(m, d, y, options.leapDay);
      if (date >= from && date <= to) out.push({ key: `birthday:${y}`, date, calendar, cycleYear: y });
    }
  } else if (calendar === 'lunar' && facts.lunarBirthday) {
    for (let l = y0 - 1; l <= y1; l += 1) {
      const date = lunarBirthdayInLunarYear(facts.lunarBirthday, l);
      if (date >= from && date <= to) out.push({ key: `birthday:lunar:${l}`, date, calendar, cycleYear: l });
    }
  }
  return out;
}

export type BirthdayPatterns = {
  /** Solar birthdays (month/day, any year) that fall on the day. */
  solar: Array<{ month: number; day: number }>;
  /** Lunar birthdays (month/day/leap as on file) that fall on the day. */
  lunar: Array<{ month: number; day: number; isLeapMonth: boolean }>;
};

/**
 * The birthdays on file that fall on `date`, as patterns for a query (`where (lunar_birth_month,
 * lunar_birth_day, lunar_birth_leap) in (…)`), so the daily run selects today's birthdays in SQL.
 * Exact inverse of the placement rules above (tested against them).
 */
export function birthdaysFallingOn(date: IsoDate, leapDay: LeapDayPolicy = 'feb_28'): BirthdayPatterns {
  const [y, m, d] = [Number(date.slice(0, 4)), Number(date.slice(5, 7)), Number(date.slice(8, 10))];
  const solar = [{ month: m, day: d }];
  if (
    !isLeapYear(y) &&
    ((leapDay === 'feb_28' && m === 2 && d === 28) || (leapDay === 'mar_1' && m === 3 && d === 1))
  ) {
    solar.push({ month: 2, day: 29 });
  }
  const ld = lunarDayOf(date);
  // Day 30 moves to the last day of a 29-day month.
  const days = ld.day === ld.monthDays && ld.monthDays === 29 ? [ld.day, 30] : [ld.day];
  const lunar: BirthdayPatterns['lunar'] = [];
  for (const day of days) {
    if (ld.isLeap) {
      lunar.push({ month: ld.month, day, isLeapMonth: true });
    } else {
      lunar.push({ month: ld.month, day, isLeapMonth: false });
      // A leap-month birthday falls in the regular month in a year without that leap month.
      if (leapMonthOfYear(ld.year) !== ld.month) lunar.push({ month: ld.month, day, isLeapMonth: true });
    }
  }
  return { solar, lunar };
}

/** Birthday patterns for every day of [from, to] (a rule with lead days creates ahead). */
export function birthdaysFallingBetween(
  from: IsoDate,
  to: IsoDate,
  leapDay: LeapDayPolicy = 'feb_28',
): Array<{ date: IsoDate } & BirthdayPatterns> {
  const out: Array<{ date: IsoDate } & BirthdayPatterns> = [];
  for (let e = toEpochDay(from); e <= toEpochDay(to); e += 1) {
    const date = fromEpochDay(e);
    out.push({ date, ...birthdaysFallingOn(date, leapDay) });
  }
  return out;
}
