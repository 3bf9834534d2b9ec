import { z } from 'zod';
import { localeSchema, roleSchema, uuidSchema, isoDateTime } from './common';

export const PASSWORD_MIN_LENGTH = 10;

export const loginBodySchema = z.object({
  email: z.email().max(254),
  password: z.string().min(1).max(200),
});

export const passwordSchema = z
  .string()
  .min(PASSWORD_MIN_LENGTH, `Use at least ${PASSWORD_MIN_LENGTH} characters`)
  .max(200);

export const changePasswordBodySchema = z.object({
  currentPassword: z.string().min(1).max(200),
  newPassword: passwordSchema,
});

export const storeSummarySchema = z.object({
  id: uuidSchema,
  code: z.string(),
  name: z.string(),
  currency: z.string(),
  timezone: z.string(),
  locale: localeSchema,
  country: z.string(),
});
export type StoreSummary = z.infer<typeof storeSummarySchema>;

export const sessionUserSchema = z.object({
  id: uuidSchema,
  email: z.string(),
  displayName: z.string(),
  role: roleSchema,
  locale: localeSchema.nullable(),
});

export const meSchema = z.object({
  user: sessionUserSchema,
  org: z.object({ id: uuidSchema, name: z.string() }),
  stores: z.array(storeSummarySchema).describe('Stores this account may work in'),
  currentStoreId: uuidSchema.nullable(),
  csrfToken: z.string().describe('Send as the `X-CSRF-Token` header on every write made with the session cookie'),
  sessionExpiresAt: isoDateTime,
});
export type Me = z.infer<typeof meSchema>;

export const preferencesBodySchema = z
  .object({
    locale: localeSchema.optional(),
    currentStoreId: uuidSchema.optional(),
  })
  .refine((v) => v.locale !== undefined || v.currentStoreId !== undefined, 'Nothing to change');
