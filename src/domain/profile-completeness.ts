// How complete a customer file is (档案完整度), and what to learn next, following seed 001: hard data is
// 20% of the value and soft data 80%; name and phone first, birthday and address only when she does not
// mind, everything else over later conversations.
import {
  ETIQUETTE_STAGES,
  PART_WEIGHTS,
  PROFILE_FIELDS,
  profileField,
  type ProfileField,
  type ProfileFieldKey,
  type ProfilePart,
} from './profile-fields';

export {
  ETIQUETTE_STAGES,
  PART_WEIGHTS,
  PROFILE_FIELDS,
  PROFILE_FIELD_KEYS,
  isProfileFieldKey,
  profileField,
  profileFieldLabel,
  type EtiquetteStage,
  type ProfileField,
  type ProfileFieldDefinition,
  type ProfileFieldKey,
  type ProfilePart,
} from './profile-fields';

type Text = string | null | undefined;
type List<T = unknown> = readonly T[] | null | undefined;
type Bag = { readonly [key: string]: unknown } | null | undefined;

/** The parts of a customer record that count towards completeness; everything is optional. */
export type ProfileForCompleteness = {
  familyName?: Text;
  givenName?: Text;
  phones?: List;
  email?: Text;
  gender?: Text;
  ethnicity?: Text;
  /** Solar birthday, YYYY-MM-DD (or --MM-DD when the year is unknown). */
  birthday?: Text;
  lunarBirthday?: { month: number; day: number; isLeapMonth?: boolean } | null;
  ageBand?: Text;
  addresses?: List;
  sizes?: { clothing?: Text; shoes?: Text } | null;
  measurements?: Bag;
  skinType?: Text;
  work?: Text | Bag;
  family?: List;
  personalityType?: Text;
  buyingPsychology?: Text;
  consumptionHabits?: Text;
  stylePreferences?: List<string>;
  colourPreferences?: List<string>;
  fabricPreferences?: List<string>;
  brandPreferences?: List<string>;
  hobbies?: List<string>;
  lifeHabits?: Text;
  preferredServiceStyle?: Text;
  contactTimes?: Text | List<string>;
  promotionReceptiveness?: Text;
  values?: Text;
  healthNotes?: Text;
  importantDates?: List;
  notes?: Text;
  /** How many questions of the organisation's question bank have an answer. */
  customAnswerCount?: number | null;
};

/** Answers to the question bank give full credit from this many on (partial credit below). */
export const CUSTOM_ANSWERS_FOR_FULL_CREDIT = 5;

/** Whether a value holds information: non-blank text, a number, a list or object with something in it. */
export function hasValue(value: unknown): boolean {
  if (value === null || value === undefined) return false;
  if (typeof value === 'string') return value.trim().length > 0;
  if (typeof value === 'number') return Number.isFinite(value);
  if (typeof value === 'boolean') return true;
  if (Array.isArray(value)) return value.some(hasValue);
  if (typeof value === 'object') return Object.values(value).some(hasValue);
  return false;
}

const FULL_SOLAR_DATE = /^\d{4}-\d{2}-\d{2}$/;

// Share of each field that is known, 0 to 1 (only the question bank gives partial credit).
const KNOWN: Record<ProfileFieldKey, (p: ProfileForCompleteness) => number> = {
  name: (p) => flag(hasValue(p.familyName) || hasValue(p.givenName)),
  phone: (p) => flag(hasValue(p.phones)),
  birthday: (p) => flag(hasValue(p.birthday) || hasValue(p.lunarBirthday)),
  address: (p) => flag(hasValue(p.addresses)),
  gender: (p) => flag(hasValue(p.gender)),
  sizes: (p) => flag(hasValue(p.sizes)),
  // A birthday with its year tells the age as well as a band does.
  ageBand: (p) => flag(hasValue(p.ageBand) || FULL_SOLAR_DATE.test(p.birthday?.trim() ?? '')),
  email: (p) => flag(hasValue(p.email)),
  skinType: (p) => flag(hasValue(p.skinType)),
  measurements: (p) => flag(hasValue(p.measurements)),
  ethnicity: (p) => flag(hasValue(p.ethnicity)),
  contactTimes: (p) => flag(hasValue(p.contactTimes)),
  stylePreferences: (p) => flag(hasValue(p.stylePreferences)),
  colourPreferences: (p) => flag(hasValue(p.colourPreferences)),
  preferredServiceStyle: (p) => flag(hasValue(p.preferredServiceStyle)),
  work: (p) => flag(hasValue(p.work)),
  family: (p) => flag(hasValue(p.family)),
  hobbies: (p) => flag(hasValue(p.hobbies)),
  importantDates: (p) => flag(hasValue(p.importantDates)),
  personalityType: (p) => flag(hasValue(p.personalityType)),
  buyingPsychology: (p) => flag(hasValue(p.buyingPsychology)),
  consumptionHabits: (p) => flag(hasValue(p.consumptionHabits)),
  promotionReceptiveness: (p) => flag(hasValue(p.promotionReceptiveness)),
  fabricPreferences: (p) => flag(hasValue(p.fabricPreferences)),
  brandPreferences: (p) => flag(hasValue(p.brandPreferences)),
  lifeHabits: (p) => flag(hasValue(p.lifeHabits)),
  healthNotes: (p) => flag(hasValue(p.healthNotes)),
  values: (p) => flag(hasValue(p.values)),
  customAnswers: (p) => {
    const count = p.customAnswerCount ?? 0;
    return Number.isFinite(count) ? Math.min(Math.max(count, 0) / CUSTOM_ANSWERS_FOR_FULL_CREDIT, 1) : 0;
  },
  notes: (p) => flag(hasValue(p.notes)),
};

function flag(isKnown: boolean): number {
  return isKnown ? 1 : 0;
}

export type CompletenessOptions = {
  /**
   * The fields this organisation keeps (defaults to all): a fashion boutique may leave out skin type,
   * a salon sizes. Completeness and next questions only consider these.
   */
  fields?: readonly ProfileFieldKey[];
};

function activeFields(options: CompletenessOptions): readonly ProfileField[] {
  return options.fields ? [...new Set(options.fields)].map(profileField) : PROFILE_FIELDS;
}

/** Share (0–1) of each field that is known, by key. */
export function fieldKnowledge(profile: ProfileForCompleteness): Record<ProfileFieldKey, number> {
  const entries = PROFILE_FIELDS.map((f) => [f.key, KNOWN[f.key](profile)] as const);
  return Object.fromEntries(entries) as Record<ProfileFieldKey, number>;
}

export function isFieldKnown(profile: ProfileForCompleteness, key: ProfileFieldKey): boolean {
  return KNOWN[key](profile) >= 1;
}

/**
 * Completeness score 0–100: known hard fields weigh 20 in total and soft fields 80, each field by its
 * weight within its part. Rounded down, so 100 means every field is known.
 */
export function completeness(profile: ProfileForCompleteness, options: CompletenessOptions = {}): number {
  const fields = activeFields(options);
  if (fields.length === 0) return 100;
  const parts = (Object.keys(PART_WEIGHTS) as ProfilePart[]).filter((part) => fields.some((f) => f.part === part));
  // A part with no active field gives its weight to the others.
  const partTotal = parts.reduce((sum, part) => sum + PART_WEIGHTS[part], 0);
  let score = 0;
  let isComplete = true;
  for (const part of parts) {
    const inPart = fields.filter((f) => f.part === part);
    const weight = inPart.reduce((sum, f) => sum + f.weight, 0);
    const known = inPart.reduce((sum, f) => {
      const share = KNOWN[f.key](profile);
      if (share < 1) isComplete = false;
      return sum + f.weight * share;
    }, 0);
    score += (PART_WEIGHTS[part] / partTotal) * 100 * (known / weight);
  }
  if (isComplete) return 100;
  return Math.min(99, Math.max(0, Math.floor(score + 1e-9)));
}

export type NextQuestionsOptions = CompletenessOptions & {
  /** How many fields to suggest (default 3). */
  limit?: number;
  /** She does not mind being asked her birthday and address (seed 001). */
  consentToPersonalQuestions: boolean;
};

/**
 * The next fields to learn about this customer, in etiquette order: name and phone first (and nothing
 * else until both are known); birthday and address only with her consent; then the later topics by
 * their ask order.
 */
export function nextQuestions(profile: ProfileForCompleteness, options: NextQuestionsOptions): ProfileFieldKey[] {
  const limit = Math.max(0, Math.floor(options.limit ?? 3));
  const unknown = activeFields(options)
    .filter((f) => !isFieldKnown(profile, f.key))
    .filter((f) => f.stage !== 'with_consent' || options.consentToPersonalQuestions)
    .sort((a, b) => ETIQUETTE_STAGES.indexOf(a.stage) - ETIQUETTE_STAGES.indexOf(b.stage) || a.askOrder - b.askOrder);
  const firstVisit = unknown.filter((f) => f.stage === 'first_visit');
  const chosen = firstVisit.length > 0 ? firstVisit : unknown;
  return chosen.slice(0, limit).map((f) => f.key);
}
