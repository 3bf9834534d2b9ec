// After-sales (seed 001): repair tickets, the assessment rules' outcome, entitlements and registers.
import { z } from 'zod';
import { isoDateTime, uuidSchema } from './common';

export const REPAIR_STATUSES = [
  'received',
  'assessed',
  'repairing',
  'ready',
  'collected',
  'exchanged',
  'refunded',
] as const;
export const FAULT_CAUSES = ['quality', 'wear', 'accident', 'unknown'] as const;
const isoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Use YYYY-MM-DD');

export const assessmentSchema = z.object({
  rule: z.enum([
    'early_exchange_window',
    'free_repair',
    'paid_exchange_depreciation',
    'exchange_outside_bands',
    'paid_repair_wear',
    'paid_repair_out_of_warranty',
    'no_warranty',
  ]),
  daysSincePurchase: z.number().int(),
  warrantyEndsOn: z.string().nullable(),
  isWithinWarranty: z.boolean(),
  isFree: z.boolean(),
  depreciationPercent: z.number(),
  depreciationCharge: z.number().int(),
  paidAmount: z.number().int(),
  currency: z.string(),
});
export type Assessment = z.infer<typeof assessmentSchema>;

export const openRepairBodySchema = z
  .object({
    receiptLineId: uuidSchema.nullable().optional().describe('The item, from her purchases'),
    itemDescription: z.string().trim().max(200).optional(),
    fault: z.string().trim().min(1, 'Describe the fault').max(1000),
    cause: z.enum(FAULT_CAUSES).default('unknown'),
    reportedOn: isoDay.optional().describe("Defaults to today in the store's time zone"),
    photoCount: z.number().int().min(0).max(20).default(0),
  })
  .refine((b) => b.receiptLineId || b.itemDescription, {
    message: 'Choose the item from her purchases or describe it',
    path: ['itemDescription'],
  });

export const updateRepairBodySchema = z.object({
  status: z.enum(REPAIR_STATUSES),
  cause: z.enum(FAULT_CAUSES).optional(),
  isRepairable: z.boolean().optional(),
  charge: z
    .number()
    .int()
    .min(0)
    .max(1e12)
    .optional()
    .describe('For paid repairs; exchanges take the depreciation charge'),
  note: z.string().trim().max(1000).optional(),
});

export const repairEventSchema = z.object({
  status: z.string(),
  note: z.string().nullable(),
  at: isoDateTime,
  byName: z.string().nullable(),
});

export const repairPhotoSchema = z.object({
  id: uuidSchema,
  contentType: z.string(),
  size: z.number().int(),
  createdAt: isoDateTime,
});
export type RepairPhoto = z.infer<typeof repairPhotoSchema>;

export const repairTicketSchema = z.object({
  id: uuidSchema,
  ticketNo: z.string(),
  storeId: uuidSchema,
  customerId: uuidSchema,
  customerName: z.string(),
  receiptLineId: uuidSchema.nullable(),
  itemDescription: z.string(),
  fault: z.string(),
  cause: z.enum(FAULT_CAUSES),
  isRepairable: z.boolean().nullable(),
  status: z.enum(REPAIR_STATUSES),
  reportedOn: z.string(),
  purchasedOn: z.string().nullable(),
  assessment: assessmentSchema.nullable(),
  whatIfNotRepairable: assessmentSchema
    .nullable()
    .describe('The exchange terms she would be offered if it cannot be repaired'),
  charge: z.number().int(),
  currency: z.string(),
  photoCount: z.number().int(),
  photos: z.array(repairPhotoSchema),
  events: z.array(repairEventSchema),
  createdAt: isoDateTime,
});
export type RepairTicket = z.infer<typeof repairTicketSchema>;

export const entitlementSchema = z.object({
  id: uuidSchema,
  kind: z.enum(['dry_cleaning', 'leather_care']),
  productName: z.string(),
  styleNo: z.string().nullable(),
  validUntil: z.string(),
  redeemedAt: isoDateTime.nullable(),
  redeemedByName: z.string().nullable(),
  isExpired: z.boolean(),
});

export const qualityFollowupBodySchema = z.object({
  customerId: uuidSchema.nullable().optional(),
  receiptLineId: uuidSchema.nullable().optional(),
  styleNo: z.string().trim().max(60).optional(),
  kind: z.enum(['quality', 'opinion', 'satisfaction']).default('quality'),
  rating: z.number().int().min(1).max(5).nullable().optional(),
  opinion: z.string().trim().min(1, 'Write what she said').max(2000),
  storeId: uuidSchema,
});

export const registerQuerySchema = z.object({
  storeId: uuidSchema.optional(),
  from: isoDay.optional(),
  to: isoDay.optional(),
  status: z.enum(REPAIR_STATUSES).optional(),
  format: z.enum(['json', 'csv', 'xlsx']).default('json'),
});
