// The organisation's question bank: custom profile questions in sections, labelled in four languages.
import { z } from 'zod';
import { uuidSchema } from './common';

export const FIELD_TYPES = ['text', 'number', 'date', 'choice', 'multi_choice'] as const;

export const labelsSchema = z.object({
  'zh-CN': z.string().trim().min(1).max(100),
  'zh-TW': z.string().trim().min(1).max(100),
  ja: z.string().trim().min(1).max(100),
  en: z.string().trim().min(1).max(100),
});
export type Labels = z.infer<typeof labelsSchema>;

const keySchema = z.string().regex(/^[a-z][a-z0-9_]{1,59}$/, 'Lower-case letters, digits and _; start with a letter');

export const fieldOptionSchema = z.object({ value: keySchema, labels: labelsSchema });

export const customFieldSchema = z.object({
  id: uuidSchema,
  sectionId: uuidSchema,
  key: z.string(),
  type: z.enum(FIELD_TYPES),
  labels: labelsSchema,
  options: z.array(fieldOptionSchema),
  position: z.number().int(),
  isActive: z.boolean(),
  answerCount: z.number().int().describe('Customers who have answered it (answers survive retirement)'),
});
export type CustomField = z.infer<typeof customFieldSchema>;

export const customFieldSectionSchema = z.object({
  id: uuidSchema,
  key: z.string(),
  labels: labelsSchema,
  position: z.number().int(),
  fields: z.array(customFieldSchema),
});

export const questionBankSchema = z.object({ sections: z.array(customFieldSectionSchema) });

// Option values are what answers store, so within one question they must be unique.
const optionsSchema = z
  .array(fieldOptionSchema)
  .max(50)
  .superRefine((options, ctx) => {
    const seen = new Set<string>();
    options.forEach((o, i) => {
      if (seen.has(o.value))
        ctx.addIssue({ code: 'custom', path: [i, 'value'], message: 'Each option needs its own value' });
      seen.add(o.value);
    });
  });

const positionSchema = z.number().int().min(0).max(100_000);

export const createSectionBodySchema = z.object({
  key: keySchema,
  labels: labelsSchema,
  position: positionSchema.optional().describe('Omitted: after the last section'),
});

export const updateSectionBodySchema = z.object({
  labels: labelsSchema.optional(),
  position: positionSchema.optional(),
});

export const createCustomFieldBodySchema = z
  .object({
    sectionId: uuidSchema,
    key: keySchema,
    type: z.enum(FIELD_TYPES),
    labels: labelsSchema,
    options: optionsSchema.default([]),
    position: positionSchema.optional().describe('Omitted: after the last question of the section'),
  })
  .refine((f) => !f.type.includes('choice') || f.options.length >= 2, {
    message: 'A choice question needs at least two options',
    path: ['options'],
  });

export const updateCustomFieldBodySchema = z.object({
  sectionId: uuidSchema.optional().describe('Move the question to another section (at its end)'),
  labels: labelsSchema.optional(),
  options: optionsSchema
    .optional()
    .describe('Options may be relabelled and added; one that answers still use cannot be removed'),
  position: positionSchema.optional(),
  isActive: z.boolean().optional().describe('false retires the question; its answers are kept'),
});

export const moveBodySchema = z.object({ direction: z.enum(['up', 'down']) });
export type MoveDirection = z.infer<typeof moveBodySchema>['direction'];
