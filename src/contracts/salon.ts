// Salon services (seed 004): service items, visits with the care log, prepaid cards and their ledger.
import { z } from 'zod';
import { isoDateTime, uuidSchema } from './common';

const minor = z.number().int().min(0).max(1e13);
const note = (max = 2000) => z.string().trim().max(max).nullable().optional();

export const serviceItemSchema = z.object({
  id: uuidSchema,
  name: z.string(),
  durationMinutes: z.number().int(),
  price: z.number().int(),
  currency: z.string(),
  isActive: z.boolean(),
});
export const createServiceItemBodySchema = z.object({
  name: z.string().trim().min(1).max(100),
  durationMinutes: z.number().int().min(5).max(600),
  price: minor,
  currency: z.string().regex(/^[A-Z]{3}$/),
});
export const updateServiceItemBodySchema = createServiceItemBodySchema
  .partial()
  .extend({ isActive: z.boolean().optional() });

export const redemptionInputSchema = z.object({
  cardId: uuidSchema,
  count: z.number().int().min(1).max(100).optional(),
  amount: minor.optional(),
});

export const createVisitBodySchema = z.object({
  serviceItemIds: z.array(uuidSchema).min(1, 'Choose at least one service').max(20),
  beauticianId: uuidSchema.nullable().optional(),
  visitedAt: z.iso.datetime({ offset: true }).optional(),
  productsUsed: note(1000),
  skinCondition: note(1000),
  feedback: note(2000),
  notes: note(2000),
  redeem: z.array(redemptionInputSchema).max(5).default([]).describe('Prepaid cards to draw from for this visit'),
});

export const visitSchema = z.object({
  id: uuidSchema,
  customerId: uuidSchema,
  storeId: uuidSchema,
  beauticianId: uuidSchema.nullable(),
  beauticianName: z.string().nullable(),
  visitedAt: isoDateTime,
  services: z.array(z.object({ serviceItemId: z.string(), name: z.string() })),
  productsUsed: z.string().nullable(),
  skinCondition: z.string().nullable(),
  feedback: z.string().nullable(),
  notes: z.string().nullable(),
});

export const sellCardBodySchema = z
  .object({
    kind: z.enum(['count', 'value']),
    name: z.string().trim().min(1).max(100),
    serviceItemId: uuidSchema.nullable().optional(),
    count: z.number().int().min(1).max(1000).optional(),
    value: minor.optional(),
    pricePaid: minor,
    expiresOn: z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/)
      .nullable()
      .optional(),
  })
  .refine((c) => (c.kind === 'count' ? c.count !== undefined : c.value !== undefined), {
    message: 'A count card needs a count; a stored-value card a value',
    path: ['count'],
  });

export const ledgerEntrySchema = z.object({
  id: uuidSchema,
  entry: z.string(),
  countDelta: z.number().int(),
  valueDelta: z.number().int(),
  visitId: uuidSchema.nullable(),
  note: z.string().nullable(),
  at: isoDateTime,
  byName: z.string().nullable(),
});

export const cardSchema = z.object({
  id: uuidSchema,
  customerId: uuidSchema,
  storeId: uuidSchema,
  kind: z.enum(['count', 'value']),
  name: z.string(),
  serviceItemId: uuidSchema.nullable(),
  currency: z.string(),
  pricePaid: z.number().int(),
  expiresOn: z.string().nullable(),
  soldAt: isoDateTime,
  balance: z.object({ count: z.number().int(), value: z.number().int() }),
  isExpired: z.boolean(),
  ledger: z.array(ledgerEntrySchema),
});

export const adjustCardBodySchema = z.object({
  countDelta: z.number().int().min(-1000).max(1000).default(0),
  valueDelta: z.number().int().min(-1e12).max(1e12).default(0),
  note: z.string().trim().min(1, 'Say why').max(300),
});
