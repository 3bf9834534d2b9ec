// The customer file (顾客档案): hard data (20%) and soft data (80%), consent, search and privacy.
import { z } from 'zod';
import { isoDateTime, LOCALES, uuidSchema } from './common';

const text = (max = 200) => z.string().trim().max(max);
const optText = (max = 200) => text(max).nullable().optional();
const list = (max = 30) => z.array(text(60).min(1)).max(max);
export const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Use YYYY-MM-DD');

export const GENDERS = ['female', 'male', 'other', 'undisclosed'] as const;
export const AGE_BANDS = ['under_20', '20s', '30s', '40s', '50s', '60s', '70_plus'] as const;
export const SOURCES = ['walk_in', 'referral', 'event', 'online', 'import'] as const;
export const CHANNELS = ['sms', 'email', 'phone', 'messaging', 'post'] as const; // messaging: LINE / WeChat
export const PURPOSES = ['care', 'marketing'] as const;
export const CONSENT_METHODS = ['verbal', 'written', 'online', 'import', 'unsubscribe_link'] as const;
export const SKIN_TYPES = ['dry', 'oily', 'combination', 'normal', 'sensitive'] as const;
export const PROMOTION_RECEPTIVENESS = ['welcomes', 'selective', 'dislikes'] as const;
export const PHONE_LABELS = ['mobile', 'home', 'work', 'other'] as const;

/** The language she is written to in; null (or absent): her store's. */
export const customerLanguageSchema = z
  .enum(LOCALES, { error: () => `Use one of ${LOCALES.join(', ')}` })
  .describe("The language messages to her are written in (zh-CN, zh-TW, ja, en); null: her store's language");

export const lunarBirthdaySchema = z.object({
  month: z.number().int().min(1).max(12),
  day: z.number().int().min(1).max(30),
  isLeapMonth: z.boolean().default(false),
  year: z.number().int().min(1900).max(2100).nullable().optional(),
});

export const familyMemberSchema = z.object({
  relation: z.enum(['spouse', 'child', 'parent', 'sibling', 'grandchild', 'other']),
  name: optText(60),
  birthday: isoDate.nullable().optional(),
  age: z.number().int().min(0).max(130).nullable().optional(),
  job: optText(100),
});

export const importantDateSchema = z.object({
  label: text(60).min(1),
  date: z.string().regex(/^(\d{4}-)?\d{2}-\d{2}$/, 'Use MM-DD or YYYY-MM-DD'),
});

export const addressSchema = z.object({
  label: optText(30),
  postalCode: optText(20),
  text: text(300).min(1),
});

/** Everything beyond identity and contacts. Body data counts as hard data; the rest is soft data. */
export const profileSchema = z
  .object({
    clothingSize: optText(20),
    shoeSize: optText(20),
    measurements: z
      .object({
        heightCm: z.number().min(50).max(250).nullable().optional(),
        bustCm: z.number().min(30).max(200).nullable().optional(),
        waistCm: z.number().min(30).max(200).nullable().optional(),
        hipsCm: z.number().min(30).max(200).nullable().optional(),
      })
      .optional(),
    skinType: z.enum(SKIN_TYPES).nullable().optional(),
    occupation: optText(100),
    employer: optText(100),
    family: z.array(familyMemberSchema).max(20).optional(),
    personalityType: z.string().max(40).nullable().optional(),
    buyingPsychology: z.string().max(40).nullable().optional(),
    stylePreferences: list().optional(),
    colourPreferences: list().optional(),
    fabricPreferences: list().optional(),
    brandPreferences: list().optional(),
    hobbies: list().optional(),
    lifeHabits: optText(1000),
    preferredServiceStyle: optText(500),
    contactTimes: optText(200),
    promotionReceptiveness: z.enum(PROMOTION_RECEPTIVENESS).nullable().optional(),
    values: optText(1000),
    healthNotes: optText(1000),
    importantDates: z.array(importantDateSchema).max(20).optional(),
    notes: optText(4000),
  })
  .strict();
export type Profile = z.infer<typeof profileSchema>;

export const phoneInputSchema = z.object({
  number: z.string().trim().min(3).max(40),
  label: z.enum(PHONE_LABELS).default('mobile'),
});

export const consentInputSchema = z.object({
  channel: z.enum(CHANNELS),
  purpose: z.enum(PURPOSES),
  granted: z.boolean(),
  // Only the customer's own unsubscribe link records 'unsubscribe_link'.
  method: z.enum(CONSENT_METHODS).exclude(['unsubscribe_link']).default('verbal'),
  note: optText(300),
});

const customerFields = {
  memberNo: z.string().trim().min(1).max(40).nullable().optional(),
  familyName: text(60).min(1, 'Required'),
  givenName: text(60).nullable().optional(),
  reading: optText(120).describe('Furigana or pinyin; filled automatically when empty'),
  gender: z.enum(GENDERS).nullable().optional(),
  language: customerLanguageSchema.nullable().optional(),
  ethnicity: optText(40),
  birthday: isoDate.nullable().optional(),
  lunarBirthday: lunarBirthdaySchema.nullable().optional(),
  ageBand: z.enum(AGE_BANDS).nullable().optional(),
  phones: z.array(phoneInputSchema).max(5).optional(),
  email: z.email('Enter a valid e-mail address').max(254).nullable().optional(),
  addresses: z.array(addressSchema).max(5).optional(),
  source: z.enum(SOURCES).optional(),
  referredById: uuidSchema.nullable().optional(),
  ownerUserId: uuidSchema.nullable().optional(),
  profile: profileSchema.optional(),
  custom: z.record(z.string().max(60), z.unknown()).optional().describe('Answers to the question bank, by field key'),
};

export const createCustomerBodySchema = z.object({
  storeId: uuidSchema,
  ...customerFields,
  consents: z.array(consentInputSchema).max(20).optional(),
  allowDuplicate: z
    .boolean()
    .default(false)
    .describe('Create even when a customer with the same phone, e-mail or member number exists'),
});
export type CreateCustomerInput = z.infer<typeof createCustomerBodySchema>;

export const updateCustomerBodySchema = z.object({
  ...customerFields,
  familyName: customerFields.familyName.optional(),
  storeId: uuidSchema.optional(),
  version: z
    .number()
    .int()
    .optional()
    .describe('The version you read; a mismatch means someone else changed her file meanwhile'),
});
export type UpdateCustomerInput = z.infer<typeof updateCustomerBodySchema>;

export const phoneSchema = z.object({
  id: uuidSchema,
  label: z.enum(PHONE_LABELS),
  masked: z.string(),
  e164: z.string().nullable().describe('Only when the caller may see contacts or has revealed it'),
  isPrimary: z.boolean(),
});

export const consentSchema = z.object({
  channel: z.enum(CHANNELS),
  purpose: z.enum(PURPOSES),
  granted: z.boolean(),
  method: z.enum(CONSENT_METHODS),
  note: z.string().nullable(),
  recordedAt: isoDateTime,
  recordedByName: z.string().nullable(),
});

export const personRefSchema = z.object({ id: uuidSchema, name: z.string() });

export const customerSchema = z.object({
  id: uuidSchema,
  storeId: uuidSchema,
  memberNo: z.string().nullable(),
  familyName: z.string(),
  givenName: z.string().nullable(),
  displayName: z.string(),
  reading: z.string().nullable(),
  gender: z.enum(GENDERS).nullable(),
  language: customerLanguageSchema.nullable(),
  ethnicity: z.string().nullable(),
  birthday: z.string().nullable(),
  lunarBirthday: lunarBirthdaySchema.nullable(),
  ageBand: z.enum(AGE_BANDS).nullable(),
  phones: z.array(phoneSchema),
  emailMasked: z.string().nullable(),
  email: z.string().nullable(),
  addresses: z.array(addressSchema),
  source: z.enum(SOURCES),
  referredBy: personRefSchema.nullable(),
  owner: personRefSchema.nullable(),
  profile: profileSchema,
  custom: z.record(z.string(), z.unknown()),
  consents: z.array(consentSchema),
  isDeceased: z.boolean(),
  doNotContact: z.boolean(),
  erasedAt: isoDateTime.nullable(),
  completeness: z.number().int().min(0).max(100),
  nextQuestions: z.array(z.string()).describe('Field keys to learn next, in the order etiquette allows'),
  contactsVisible: z.boolean().describe('Whether contacts are shown unmasked to this caller without a reveal'),
  lastVisitAt: isoDateTime.nullable(),
  tier: z.string().nullable(),
  createdAt: isoDateTime,
  updatedAt: isoDateTime,
  version: z.number().int(),
});
export type Customer = z.infer<typeof customerSchema>;

export const customerListItemSchema = z.object({
  id: uuidSchema,
  storeId: uuidSchema,
  displayName: z.string(),
  reading: z.string().nullable(),
  memberNo: z.string().nullable(),
  phoneMasked: z.string().nullable(),
  tier: z.string().nullable(),
  ownerName: z.string().nullable(),
  lastVisitAt: isoDateTime.nullable(),
  completeness: z.number().int(),
  match: z.enum(['exact', 'prefix', 'partial']).nullable(),
});
export type CustomerListItem = z.infer<typeof customerListItemSchema>;

export const customerQuerySchema = z.object({
  q: z
    .string()
    .trim()
    .max(100)
    .optional()
    .describe('Name (any script, pinyin, initials, kana, romaji), phone tail (4+ digits), e-mail or member number'),
  storeId: uuidSchema.optional(),
  ownerUserId: uuidSchema.optional(),
  cursor: z.string().max(500).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});

export const duplicateQuerySchema = z.object({
  phone: z.string().max(40).optional(),
  email: z.string().max(254).optional(),
  memberNo: z.string().max(40).optional(),
  storeId: uuidSchema.optional().describe('Store whose country reads a national phone number'),
  excludeId: uuidSchema.optional(),
});

export const duplicateCandidateSchema = z.object({
  id: uuidSchema,
  displayName: z.string(),
  memberNo: z.string().nullable(),
  phoneMasked: z.string().nullable(),
  storeId: uuidSchema,
  matchedOn: z.array(z.enum(['phone', 'email', 'member_no'])),
});

export const revealBodySchema = z.object({
  field: z.enum(['phone', 'email']),
  phoneId: uuidSchema.optional(),
  reason: optText(200),
});

export const flagsBodySchema = z.object({ isDeceased: z.boolean().optional(), doNotContact: z.boolean().optional() });

export const noteBodySchema = z.object({ body: text(4000).min(1, 'Write something first') });

export const timelineItemSchema = z.object({
  id: z.string(),
  at: isoDateTime,
  kind: z.enum(['note', 'change', 'consent', 'created', 'merged', 'owner_changed', 'contact', 'message']),
  actorName: z.string().nullable(),
  text: z.string().nullable(),
  field: z.string().nullable(),
  details: z.record(z.string(), z.unknown()),
});

export const historyItemSchema = z.object({
  field: z.string(),
  oldValue: z.unknown(),
  newValue: z.unknown(),
  changedAt: isoDateTime,
  changedByName: z.string().nullable(),
  source: z.string(),
});

export const reassignBodySchema = z
  .object({
    fromUserId: uuidSchema.optional(),
    customerIds: z.array(uuidSchema).max(5000).optional(),
    toUserId: uuidSchema,
    storeId: uuidSchema.optional(),
  })
  .refine((v) => v.fromUserId || v.customerIds?.length, 'Give the leaving guide or a list of customers');

export const mergeBodySchema = z.object({
  otherId: uuidSchema,
  take: z
    .record(z.string(), z.enum(['survivor', 'other']))
    .default({})
    .describe('Per field key: whose value to keep; unlisted fields keep the survivor value when she has one'),
});

export const erasureBodySchema = z.object({ confirm: z.literal(true), reason: text(300).min(1) });

export const fileQualityRowSchema = z.object({
  userId: uuidSchema.nullable().describe('null: files without an owner guide'),
  name: z.string().nullable(),
  customers: z.number().int(),
  averageCompleteness: z.number().int(),
  richFiles: z.number().int().describe('Files at 60% or more'),
  changedLast30Days: z
    .number()
    .int()
    .describe('Files brought up to date in the last 30 days (the "dynamic" principle)'),
  score: z.number().int().describe('Sum of completeness ÷ 10, plus 2 per file changed in the last 30 days'),
  rank: z.number().int().nullable().describe('1 = best; equal results share a place; null for files without a guide'),
});

export const fileQualityQuerySchema = z
  .object({
    storeId: uuidSchema.optional(),
    from: isoDate.optional().describe('Only files created or changed on or after this store-local day'),
    to: isoDate.optional().describe('… and on or before this store-local day'),
  })
  .refine((q) => !q.from || !q.to || q.from <= q.to, { message: 'The period ends before it starts', path: ['to'] });

export const fileQualityReportSchema = z.object({
  items: z.array(fileQualityRowSchema),
  rules: z
    .object({
      pointsPerTenPercent: z.number().int(),
      currentBonus: z.number().int(),
      currentDays: z.number().int(),
      richThreshold: z.number().int(),
    })
    .describe('How the score is computed, for the explanation on screen'),
});
