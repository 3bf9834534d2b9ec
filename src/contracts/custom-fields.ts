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

export const createSectionBodySchema = z.object({
  key: keySchema,
  labels: labelsSchema,
  position: z.number().int().min(0).max(1000).default(100),
});

export const createCustomFieldBodySchema = z
  .object({
    sectionId: uuidSchema,
    key: keySchema,
    type: z.enum(FIELD_TYPES),
    labels: labelsSchema,
    options: z.array(fieldOptionSchema).max(50).default([]),
    position: z.number().int().min(0).max(1000).default(100),
  })
  .refine((f) => !f.type.includes('choice') || f.options.length >= 2, {
    message: 'A choice question needs at least two options',
    path: ['options'],
  });

export const updateCustomFieldBodySchema = z.object({
  labels: labelsSchema.optional(),
  options: z.array(fieldOptionSchema).max(50).optional(),
  position: z.number().int().min(0).max(1000).optional(),
  isActive: z.boolean().optional(),
});
