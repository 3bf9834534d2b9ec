// Bridges a stored customer to the pure completeness rules in domain/profile-completeness.ts.
import type { Profile } from '../../../contracts/customers';
import { completeness, nextQuestions, type ProfileForCompleteness } from '../../../domain/profile-completeness';
import type { customers } from '../../db/schema';

type Row = Pick<
  typeof customers.$inferSelect,
  | 'familyName'
  | 'givenName'
  | 'email'
  | 'gender'
  | 'ethnicity'
  | 'birthday'
  | 'lunarBirthMonth'
  | 'lunarBirthDay'
  | 'lunarBirthLeap'
  | 'ageBand'
  | 'addresses'
>;

export function toCompletenessInput(
  c: Row,
  phoneCount: number,
  p: Profile,
  customAnswerCount: number,
): ProfileForCompleteness {
  return {
    familyName: c.familyName,
    givenName: c.givenName,
    phones: Array.from({ length: phoneCount }),
    email: c.email,
    gender: c.gender,
    ethnicity: c.ethnicity,
    birthday: c.birthday,
    lunarBirthday:
      c.lunarBirthMonth && c.lunarBirthDay
        ? { month: c.lunarBirthMonth, day: c.lunarBirthDay, isLeapMonth: c.lunarBirthLeap }
        : null,
    ageBand: c.ageBand,
    addresses: c.addresses as unknown[],
    sizes: { clothing: p.clothingSize, shoes: p.shoeSize },
    measurements: p.measurements,
    skinType: p.skinType,
    work: [p.occupation, p.employer].filter(Boolean).join(' / ') || null,
    family: p.family,
    personalityType: p.personalityType,
    buyingPsychology: p.buyingPsychology,
    stylePreferences: p.stylePreferences,
    colourPreferences: p.colourPreferences,
    fabricPreferences: p.fabricPreferences,
    brandPreferences: p.brandPreferences,
    hobbies: p.hobbies,
    lifeHabits: p.lifeHabits,
    preferredServiceStyle: p.preferredServiceStyle,
    contactTimes: p.contactTimes,
    promotionReceptiveness: p.promotionReceptiveness,
    values: p.values,
    healthNotes: p.healthNotes,
    importantDates: p.importantDates,
    notes: p.notes,
    customAnswerCount,
  };
}

/** Her care consent is taken as "she does not mind" being asked her birthday and address. */
export function profileCompleteness(
  c: Row,
  phoneCount: number,
  p: Profile,
  customAnswerCount: number,
  hasCareConsent: boolean,
) {
  const input = toCompletenessInput(c, phoneCount, p, customAnswerCount);
  return {
    completeness: completeness(input),
    nextQuestions: nextQuestions(input, { limit: 3, consentToPersonalQuestions: hasCareConsent }) as string[],
  };
}
