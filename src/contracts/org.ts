// Organisation structure: regions, stores and staff accounts.
import { z } from 'zod';
import {
  countrySchema,
  currencySchema,
  isoDateTime,
  localeSchema,
  roleSchema,
  timezoneSchema,
  uuidSchema,
} from './common';
import { passwordSchema } from './auth';

const name = z.string().trim().min(1, 'Required').max(100);

export const regionSchema = z.object({
  id: uuidSchema,
  code: z.string(),
  name: z.string(),
  storeCount: z.number().int(),
  createdAt: isoDateTime,
});
export type Region = z.infer<typeof regionSchema>;

export const regionCodeSchema = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9_-]{1,20}$/, 'Letters, digits, - and _ only, at most 20');

export const createRegionBodySchema = z.object({ code: regionCodeSchema, name });
export const updateRegionBodySchema = createRegionBodySchema.partial();

export const storeCodeSchema = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9_-]{1,20}$/, 'Letters, digits, - and _ only, at most 20')
  .transform((s) => s.toUpperCase());

export const storeSchema = z.object({
  id: uuidSchema,
  code: z.string(),
  name: z.string(),
  regionId: uuidSchema.nullable(),
  country: z.string(),
  currency: z.string(),
  timezone: z.string(),
  locale: localeSchema,
  isActive: z.boolean(),
  createdAt: isoDateTime,
});
export type Store = z.infer<typeof storeSchema>;

export const createStoreBodySchema = z.object({
  code: storeCodeSchema,
  name,
  regionId: uuidSchema.nullable().optional(),
  country: countrySchema,
  currency: currencySchema,
  timezone: timezoneSchema,
  locale: localeSchema,
});
export const updateStoreBodySchema = createStoreBodySchema
  .omit({ code: true })
  .partial()
  .extend({ isActive: z.boolean().optional() });

export const userSchema = z.object({
  id: uuidSchema,
  email: z.string(),
  displayName: z.string(),
  role: roleSchema,
  locale: localeSchema.nullable(),
  isActive: z.boolean(),
  storeIds: z.array(uuidSchema),
  regionIds: z.array(uuidSchema),
  lastLoginAt: isoDateTime.nullable(),
  createdAt: isoDateTime,
});
export type User = z.infer<typeof userSchema>;

export const createUserBodySchema = z.object({
  email: z.email('Enter a valid e-mail address').max(254),
  displayName: name,
  role: roleSchema,
  password: passwordSchema,
  locale: localeSchema.nullable().optional(),
  storeIds: z.array(uuidSchema).max(500).default([]),
  regionIds: z.array(uuidSchema).max(100).default([]),
});
export const updateUserBodySchema = z.object({
  displayName: name.optional(),
  role: roleSchema.optional(),
  locale: localeSchema.nullable().optional(),
  isActive: z.boolean().optional(),
  password: passwordSchema.optional(),
  storeIds: z.array(uuidSchema).max(500).optional(),
  regionIds: z.array(uuidSchema).max(100).optional(),
});

/** A colleague as staff see her: a name to pick, nothing more. */
export const colleagueSchema = z.object({ id: uuidSchema, displayName: z.string() });

export const userListQuerySchema = z.object({
  storeId: uuidSchema.optional(),
  includeInactive: z
    .enum(['true', 'false'])
    .default('false')
    .transform((v) => v === 'true'),
});
