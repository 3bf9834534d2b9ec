// What the care rules know about one customer on one day. The care engine reads these from the
// database (customers, consents, customer_metrics, receipts, referrals, its own task and contact log)
// and passes them in; nothing here does I/O.
import type { AGE_BANDS, CHANNELS, GENDERS, Profile } from '../../contracts/customers';
import { ageOn, type IsoDate } from './dates';
import { lunarOccurrence } from './lunar-table';

export type Gender = (typeof GENDERS)[number];
export type AgeBand = (typeof AGE_BANDS)[number];
export type Channel = (typeof CHANNELS)[number];
export type LapseStatus = 'none' | 'active' | 'drifting' | 'lost';
export type ClassValue = 'vip' | 'important' | 'ordinary';
export type ClassAbcd = 'A' | 'B' | 'C' | 'D';

export type LunarBirthday = { month: number; day: number; isLeapMonth: boolean; year?: number | null };

/** A receipt of hers, in the store-local calendar; `netTotal` after returns, minor units of `currency`. */
export type ReceiptFact = {
  id: string;
  date: IsoDate;
  currency: string;
  netTotal: number;
  /** Product category keys on the receipt (product_categories.key). */
  categories: string[];
};

/** The latest consent row per channel for the purpose `care` (other purposes are ignored). */
export type ConsentFact = { channel: Channel; granted: boolean };

export type CareFacts = {
  customerId: string;
  gender: Gender | null;
  ageBand: AgeBand | null;
  /** Solar birthday with its real year. */
  birthday: IsoDate | null;
  lunarBirthday: LunarBirthday | null;
  /** true when her file lists a child; null when unknown (never guessed: no Mother's Day card to a single customer). */
  hasChildren: boolean | null;
  isTeacher: boolean | null;

  isDeceased: boolean;
  doNotContact: boolean;
  consents: readonly ConsentFact[];
  /** Whether she has a phone number (calls, SMS, chat apps), an e-mail address, a postal address. */
  reachable: { phone: boolean; email: boolean; address: boolean };

  tierRank?: number | null;
  classValue?: ClassValue | null;
  classAbcd?: ClassAbcd | null;
  lapseStatus?: LapseStatus | null;
  /** Store-local date of her last purchase or visit. */
  lastVisitOn?: IsoDate | null;
  usualIntervalDays?: number | null;
  /** Net lifetime spend through today per currency (minor units). */
  lifetimeSpend?: Record<string, number>;
  /** Her receipts of the last `careLookbackDays(settings)` days. */
  receipts?: ReceiptFact[];
  /** She was brought by another customer and made her first purchase on this day. */
  referral?: { referrerId: string; firstPurchaseOn: IsoDate } | null;
  /** Customers she brought whose first purchase was in the last `careLookbackDays` days. */
  referralsBrought?: Array<{ customerId: string; firstPurchaseOn: IsoDate }>;
  /** Her rank among the yearly net spenders of her store's region (1 = highest), per finished year. */
  topSpender?: Array<{ year: number; rank: number }>;
};

// ---- audiences -----------------------------------------------------------------------------------

/** Who a holiday greeting is for. Unknown facts never qualify (except for `everyone`). */
export type Audience =
  | { kind: 'everyone' }
  | { kind: 'women' }
  | { kind: 'mothers' }
  | { kind: 'fathers' }
  | { kind: 'elders'; minAge: number }
  | { kind: 'teachers' }
  /** Japan's 成人の日: those who turn `age` in the school year ending 1 April of the holiday's year. */
  | { kind: 'coming_of_age'; age: number };

const BANDS: Record<AgeBand, [number, number]> = {
  under_20: [0, 19],
  '20s': [20, 29],
  '30s': [30, 39],
  '40s': [40, 49],
  '50s': [50, 59],
  '60s': [60, 69],
  '70_plus': [70, 200],
};

/** Her birth date when a year is known: the solar birthday, else the solar date of her lunar birth date. */
export function birthDateOf(facts: Pick<CareFacts, 'birthday' | 'lunarBirthday'>): IsoDate | null {
  if (facts.birthday) return facts.birthday;
  const lb = facts.lunarBirthday;
  if (lb?.year) {
    try {
      return lunarOccurrence(lb.year, lb.month, lb.day, lb.isLeapMonth);
    } catch {
      return null;
    }
  }
  return null;
}

/** Her age on a day, or a range from her age band, or null. */
export function ageRangeOn(
  facts: Pick<CareFacts, 'birthday' | 'lunarBirthday' | 'ageBand'>,
  on: IsoDate,
): [number, number] | null {
  const birth = birthDateOf(facts);
  if (birth) {
    const age = ageOn(birth, on);
    return [age, age];
  }
  return facts.ageBand ? BANDS[facts.ageBand] : null;
}

export function matchesAudience(audience: Audience, facts: CareFacts, on: IsoDate): boolean {
  switch (audience.kind) {
    case 'everyone':
      return true;
    case 'women':
      return facts.gender === 'female';
    case 'mothers':
      return facts.gender === 'female' && facts.hasChildren === true;
    case 'fathers':
      return facts.gender === 'male' && facts.hasChildren === true;
    case 'teachers':
      return facts.isTeacher === true;
    case 'elders': {
      // The whole band must qualify: a customer in her 60s is not greeted on a 65+ day.
      const range = ageRangeOn(facts, on);
      return range !== null && range[0] >= audience.minAge;
    }
    case 'coming_of_age': {
      const birth = facts.birthday;
      if (!birth) return false;
      const year = Number(on.slice(0, 4));
      const from = `${year - audience.age - 1}-04-02`;
      const to = `${year - audience.age}-04-01`;
      return birth >= from && birth <= to;
    }
  }
}

// ---- facts from the customer file ------------------------------------------------------------------

const TEACHER_WORDS = [
  '教师',
  '老师',
  '教授',
  '讲师',
  '校长',
  '幼师',
  '教员',
  '教師',
  '老師',
  '講師',
  '校長',
  '教員',
  '教諭',
  '保育士',
  'teacher',
  'lecturer',
  'professor',
  'tutor',
];

/** Whether an occupation text names a teacher (教师, 老師, 教諭, teacher…), for Teachers' Day. */
export function isTeacherOccupation(occupation: string | null | undefined): boolean | null {
  if (!occupation?.trim()) return null;
  const text = occupation.toLowerCase();
  return TEACHER_WORDS.some((w) => text.includes(w));
}

/** hasChildren and isTeacher as the rules want them, from the soft data of her file. */
export function careFactsFromProfile(
  profile: Profile | null | undefined,
): Pick<CareFacts, 'hasChildren' | 'isTeacher'> {
  const family = profile?.family ?? [];
  return {
    // A file without a child is "unknown", not "no children": she may simply not have said.
    hasChildren: family.some((m) => m.relation === 'child') ? true : null,
    isTeacher: isTeacherOccupation(profile?.occupation),
  };
}

/** Facts with nothing known: a starting point to fill in (no consent, no contact details, no history). */
export function emptyCareFacts(customerId: string): CareFacts {
  return {
    customerId,
    gender: null,
    ageBand: null,
    birthday: null,
    lunarBirthday: null,
    hasChildren: null,
    isTeacher: null,
    isDeceased: false,
    doNotContact: false,
    consents: [],
    reachable: { phone: false, email: false, address: false },
  };
}
