// Date rules of segment conditions, pure: "birthday this month / next month / within N days" as a
// window of store-local days, and the birthdays on file that fall in it as small integer codes the
// database compares with (`month*100 + day` for a solar birthday, `leap*10000 + month*100 + day` for a
// lunar one), so the condition stays one indexed-friendly `= any($codes)` in SQL. The lunar codes
// come from the care calendar's exact inverse of where a lunar birthday falls (leap months, day 30).
import { birthdaysFallingBetween, type LeapDayPolicy } from './care/birthdays';
import { addDays, daysInMonth, isoDate, type IsoDate } from './care/dates';

export type BirthdayWhen = 'this_month' | 'next_month' | 'within_days';

/** The store-local days [from, to] a birthday condition covers, given today. */
export function birthdayWindow(when: BirthdayWhen, today: IsoDate, days = 0): { from: IsoDate; to: IsoDate } {
  const [y, m] = [Number(today.slice(0, 4)), Number(today.slice(5, 7))];
  if (when === 'this_month') return { from: isoDate(y, m, 1), to: isoDate(y, m, daysInMonth(y, m)) };
  if (when === 'next_month') {
    const [ny, nm] = m === 12 ? [y + 1, 1] : [y, m + 1];
    return { from: isoDate(ny, nm, 1), to: isoDate(ny, nm, daysInMonth(ny, nm)) };
  }
  return { from: today, to: addDays(today, days) };
}

export const solarCode = (month: number, day: number) => month * 100 + day;
export const lunarCode = (month: number, day: number, isLeap: boolean) => (isLeap ? 10000 : 0) + month * 100 + day;

/** Codes of the solar and lunar birthdays (as recorded) whose occurrence falls in [from, to]. */
export function birthdayCodes(
  from: IsoDate,
  to: IsoDate,
  leapDay: LeapDayPolicy = 'feb_28',
): { solar: number[]; lunar: number[] } {
  const solar = new Set<number>();
  const lunar = new Set<number>();
  for (const d of birthdaysFallingBetween(from, to, leapDay)) {
    d.solar.forEach((s) => solar.add(solarCode(s.month, s.day)));
    d.lunar.forEach((l) => lunar.add(lunarCode(l.month, l.day, l.isLeapMonth)));
  }
  return { solar: [...solar].sort((a, b) => a - b), lunar: [...lunar].sort((a, b) => a - b) };
}
