// API tokens for integrations (a POS system), scoped to the organisation or one store.
import { z } from 'zod';
import { isoDateTime, uuidSchema } from './common';

export const apiTokenSchema = z.object({
  id: uuidSchema,
  name: z.string(),
  prefix: z.string().describe('First characters of the token, to recognise it; the rest is never shown again'),
  storeId: uuidSchema.nullable().describe('null: organisation-wide'),
  createdAt: isoDateTime,
  lastUsedAt: isoDateTime.nullable(),
  revokedAt: isoDateTime.nullable(),
});
export type ApiToken = z.infer<typeof apiTokenSchema>;

export const createApiTokenBodySchema = z.object({
  name: z.string().trim().min(1, 'Required').max(100),
  storeId: uuidSchema.nullable().default(null),
});

export const createdApiTokenSchema = apiTokenSchema.extend({
  token: z.string().describe('The secret, shown once: send it as `Authorization: Bearer <token>`'),
});
