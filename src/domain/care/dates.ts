// Calendar days as 'YYYY-MM-DD' strings (store-local, no time zone) and integer "epoch days" (days
// since 1970-01-01) for arithmetic; instants only where a time zone is involved (quiet hours, terms).

/** A calendar day, 'YYYY-MM-DD'. */
export type IsoDate = string;

const DAY_MS = 86_400_000;

// Civil-date arithmetic without Date objects (H. Hinnant's days_from_civil): the daily run converts
// dates for every customer it plans.
function daysFromCivil(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

const digit = (s: string, i: number) => {
  const c = s.charCodeAt(i) - 48;
  return c >= 0 && c <= 9 ? c : NaN;
};

/** Days since 1970-01-01 of a calendar date; throws RangeError on anything that is not a real date. */
export function toEpochDay(date: IsoDate): number {
  // Hand-parsed: this runs for every date of every customer the daily job plans.
  const y = digit(date, 0) * 1000 + digit(date, 1) * 100 + digit(date, 2) * 10 + digit(date, 3);
  const mo = digit(date, 5) * 10 + digit(date, 6);
  const d = digit(date, 8) * 10 + digit(date, 9);
  if (
    date.length !== 10 ||
    date[4] !== '-' ||
    date[7] !== '-' ||
    !(mo >= 1 && mo <= 12) ||
    !(d >= 1 && d <= daysInMonth(y, mo))
  ) {
    throw new RangeError(`Not a calendar date (YYYY-MM-DD): ${date}`);
  }
  return daysFromCivil(y, mo, d);
}

export function fromEpochDay(day: number): IsoDate {
  const z = day + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return isoDate(yoe + era * 400 + (m <= 2 ? 1 : 0), m, d);
}

export function isIsoDate(value: string): boolean {
  try {
    toEpochDay(value);
    return true;
  } catch {
    return false;
  }
}

export function addDays(date: IsoDate, days: number): IsoDate {
  return fromEpochDay(toEpochDay(date) + days);
}

/** b − a in days. */
export function daysBetween(a: IsoDate, b: IsoDate): number {
  return toEpochDay(b) - toEpochDay(a);
}

/** Every day from `from` to `to`, both included. */
export function eachDay(from: IsoDate, to: IsoDate): IsoDate[] {
  const out: IsoDate[] = [];
  for (let d = toEpochDay(from); d <= toEpochDay(to); d += 1) out.push(fromEpochDay(d));
  return out;
}

export function isoDate(year: number, month: number, day: number): IsoDate {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** 'MM-DD' in a year, moved to the month's last day when the month is shorter (29 February → 28). */
export function monthDayInYear(year: number, monthDay: string): IsoDate {
  const [m, d] = [Number(monthDay.slice(0, 2)), Number(monthDay.slice(3, 5))];
  return isoDate(year, m, Math.min(d, daysInMonth(year, m)));
}

export function yearOf(date: IsoDate): number {
  return Number(date.slice(0, 4));
}

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

export function daysInMonth(year: number, month: number): number {
  return month === 2 && isLeapYear(year) ? 29 : (MONTH_DAYS[month - 1] ?? 0);
}

/** 0 = Sunday … 6 = Saturday. */
export function weekdayOf(date: IsoDate): number {
  return (((toEpochDay(date) + 4) % 7) + 7) % 7; // 1970-01-01 was a Thursday
}

/** The nth (1–5) given weekday of a month, e.g. the second Sunday of May; null when there is no 5th. */
export function nthWeekdayOfMonth(year: number, month: number, weekday: number, nth: number): IsoDate | null {
  const first = isoDate(year, month, 1);
  const offset = (weekday - weekdayOf(first) + 7) % 7;
  const day = 1 + offset + (nth - 1) * 7;
  return day <= daysInMonth(year, month) ? isoDate(year, month, day) : null;
}

/** Whole years from `birth` to `on` (the birthday counts on the day itself; 29 Feb counts on 1 Mar). */
export function ageOn(birth: IsoDate, on: IsoDate): number {
  const [by, bm, bd] = [Number(birth.slice(0, 4)), Number(birth.slice(5, 7)), Number(birth.slice(8, 10))];
  const [y, m, d] = [Number(on.slice(0, 4)), Number(on.slice(5, 7)), Number(on.slice(8, 10))];
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}

// ---- time zones ---------------------------------------------------------------------------------

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** Wall-clock parts of an instant in a time zone. */
export function zonedParts(instant: Date, timeZone: string): { date: IsoDate; minutes: number; seconds: number } {
  const parts = Object.fromEntries(
    formatterFor(timeZone)
      .formatToParts(instant)
      .map((p) => [p.type, p.value]),
  );
  return {
    date: `${parts.year}-${parts.month}-${parts.day}`,
    minutes: Number(parts.hour) * 60 + Number(parts.minute),
    seconds: Number(parts.second),
  };
}

/** The store-local calendar day of an instant. */
export function localDateOf(instant: Date, timeZone: string): IsoDate {
  return zonedParts(instant, timeZone).date;
}

function offsetMsAt(ms: number, timeZone: string): number {
  const p = zonedParts(new Date(ms), timeZone);
  return toEpochDay(p.date) * DAY_MS + p.minutes * 60_000 + p.seconds * 1000 - Math.floor(ms / 1000) * 1000;
}

/**
 * The instant at which a wall clock in `timeZone` shows `date` and `minutes` after midnight. As with
 * Temporal's "compatible" choice: a wall time repeated by a daylight-saving change resolves to the
 * earlier instant, one skipped by a jump forward moves forward by the length of the gap.
 */
export function zonedTimeToInstant(date: IsoDate, minutes: number, timeZone: string): Date {
  const wallMs = toEpochDay(date) * DAY_MS + minutes * 60_000;
  const before = wallMs - offsetMsAt(wallMs - DAY_MS, timeZone);
  const after = wallMs - offsetMsAt(wallMs + DAY_MS, timeZone);
  const shows = (ms: number) => {
    const p = zonedParts(new Date(ms), timeZone);
    return p.date === date && p.minutes === minutes;
  };
  const valid = [before, after].filter(shows);
  return new Date(valid.length ? Math.min(...valid) : before);
}
