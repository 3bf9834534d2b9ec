/**
 * Care domain (issue 6): pure functions, no database, no HTTP. The care engine (tasks, the daily job,
 * the CLI) and the messaging module call only this file.
 *
 * - Calendars: holidays per market (CN, TW, HK, JP) with dates, labels, audiences and defaults; the 24
 *   solar terms in the store's time zone; solar and lunar birthdays, and the patterns that select a
 *   day's birthdays in SQL.
 * - Rules: one definition per rule id, `occasionsOn` (one rule, one customer, one day) and
 *   `planCustomerCare` (all rules through the guards: consent, do-not-contact, contact budget, merging).
 * - Guards on their own: channels by consent, the budget check, quiet hours.
 * - Messages: templates with `{variables}`, validation, rendering, preview, `{name}` honorifics, the
 *   tone check, and the default library in four languages.
 *
 * Labels: holiday and solar-term names live here (`HOLIDAY_LABELS`, `SOLAR_TERM_LABELS`: messages need
 * them in pure code); every other text a person reads — rule names, reasons, categories, suppressions,
 * tone warnings — lives in the catalogue `src/i18n/locales/<lng>/care.json` under `care.*`, with
 * `reasonParamsFor` turning an occasion's ids into the words those texts interpolate.
 */

// Dates and time zones.
export {
  addDays,
  ageOn,
  daysBetween,
  eachDay,
  fromEpochDay,
  isIsoDate,
  localDateOf,
  nthWeekdayOfMonth,
  toEpochDay,
  weekdayOf,
  zonedTimeToInstant,
  type IsoDate,
} from './dates';

// Calendars.
export {
  HOLIDAY_LABELS,
  MARKET_TIME_ZONES,
  dateOfRule,
  holidayDate,
  holidayDefinition,
  holidayLabel,
  holidaysBetween,
  holidaysInYear,
  holidaysOf,
  holidaysOn,
  isHolidayEnabled,
  marketOf,
  type HolidayDateRule,
  type HolidayDefinition,
  type HolidayOccurrence,
} from './holidays';
export { SEASON_START_TERMS, SOLAR_TERM_LABELS, solarTermDate, solarTermInstant, solarTermsOf } from './solar-terms';
export {
  birthdayCalendarOf,
  birthdayOccurrencesBetween,
  birthdaysFallingBetween,
  birthdaysFallingOn,
  lunarBirthdayInLunarYear,
  lunarBirthdaysInSolarYear,
  solarBirthdayInYear,
  type BirthdayOccurrence,
  type BirthdayPatterns,
  type LeapDayPolicy,
} from './birthdays';
export { leapMonthOfYear, lunarDayOf, lunarOccurrence } from './lunar-table';

// Facts and audiences.
export {
  ageRangeOn,
  birthDateOf,
  careFactsFromProfile,
  emptyCareFacts,
  isTeacherOccupation,
  matchesAudience,
  type AgeBand,
  type Audience,
  type CareFacts,
  type Channel,
  type ClassAbcd,
  type ClassValue,
  type ConsentFact,
  type Gender,
  type LapseStatus,
  type LunarBirthday,
  type ReceiptFact,
} from './facts';

// Rules.
export {
  RULES,
  RULE_PRECEDENCE,
  careLeadDays,
  careLookbackDays,
  compareOccasions,
  occasionsOn,
  upcomingOccasions,
  type Occasion,
  type ReasonParams,
  type RuleContext,
  type RuleDefinition,
} from './rules';
export { thresholdCrossings } from './rules/purchase-rules';
export { SEASON_KEY_TERMS } from './rules/calendar-rules';
export { isHighValue, isKeyCustomer, lapseCrossing, visitSlotDate } from './rules/relationship-rules';

// Guards and the planner.
export {
  careChannels,
  channelsForKind,
  chooseContact,
  consentedChannels,
  contactCounts,
  firstSendTimeOn,
  fitsBudget,
  isExempt,
  isQuietTime,
  nextAllowedSendTime,
  type ContactRecord,
  type OpenTask,
} from './guards';
export {
  planCustomerCare,
  rulePrecedence,
  type CareHistory,
  type CarePlan,
  type PlanInput,
  type PlannedTask,
  type Suppression,
} from './planner';
export { reasonParamsFor } from './reasons';

// Messages.
export { birthdayBenefitPhrase } from './benefit';
export { formatCustomerName, type NameOptions, type NameParts } from './names';
export { checkTone, type ToneFinding, type ToneIssueKind } from './tone';
export {
  SAMPLE_CONTEXTS,
  allowedVariables,
  canRender,
  fillPlaceholders,
  formatMessageDate,
  pickTemplates,
  previewTemplate,
  renderTemplate,
  scanPlaceholders,
  smsSegments,
  templateVariables,
  validateTemplate,
  variableValues,
  type MessageTemplate,
  type Preview,
  type RenderContext,
  type Rendered,
  type TemplateCheck,
  type TemplateIssue,
  type TemplateIssueCode,
  type TemplateQuery,
} from './templates';
export { DEFAULT_TEMPLATES, defaultTemplates } from './library';
