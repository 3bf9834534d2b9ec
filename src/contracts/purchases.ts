// Purchases: receipts with lines, returns that reference the original lines, the light catalogue.
import { z } from 'zod';
import { isoDateTime, uuidSchema } from './common';
import { labelsSchema } from './custom-fields';

const minor = z.number().int().min(0).max(1e13).describe('Money in minor units (fen, sen, cents)');

export const receiptLineInputSchema = z
  .object({
    styleNo: z.string().trim().min(1).max(60).optional(),
    productName: z.string().trim().min(1).max(200).optional(),
    category: z.string().trim().max(60).optional().describe('Category key, e.g. clothing, suits, leather'),
    size: z.string().trim().max(20).optional(),
    colour: z.string().trim().max(40).optional(),
    quantity: z.number().int().min(1).max(10_000),
    unitListPrice: minor,
    discount: minor.default(0).describe('Discount on the whole line'),
    paidAmount: minor.optional().describe('What she paid for the line; defaults to quantity × list price − discount'),
  })
  .refine((l) => l.styleNo || l.productName, {
    message: 'Give a style number or a product name',
    path: ['productName'],
  })
  .refine((l) => l.discount <= l.unitListPrice * l.quantity, {
    message: 'The discount is larger than the line',
    path: ['discount'],
  });

export const PAYMENT_METHODS = [
  'cash',
  'card',
  'wechat_pay',
  'alipay',
  'line_pay',
  'paypay',
  'stored_value',
  'other',
] as const;

export const createReceiptBodySchema = z
  .object({
    storeId: uuidSchema,
    customerId: uuidSchema.nullable().optional(),
    memberNo: z
      .string()
      .trim()
      .min(1)
      .max(40)
      .optional()
      .describe('For POS systems that know the member number, not our id'),
    sellerId: uuidSchema.nullable().optional(),
    receiptNo: z.string().trim().min(1).max(64).describe('The POS receipt number, unique per store'),
    occurredAt: z.iso.datetime({ offset: true }).optional().describe('Defaults to now'),
    currency: z
      .string()
      .regex(/^[A-Z]{3}$/)
      .optional()
      .describe("Defaults to the store's currency"),
    paymentMethod: z.enum(PAYMENT_METHODS).optional(),
    lines: z.array(receiptLineInputSchema).min(1, 'A receipt needs at least one line').max(200),
  })
  .refine((r) => !(r.customerId && r.memberNo), {
    message: 'Give the customer id or the member number, not both',
    path: ['memberNo'],
  });
export type CreateReceiptInput = z.infer<typeof createReceiptBodySchema>;

export const returnBodySchema = z.object({
  receiptNo: z.string().trim().min(1).max(64).optional().describe('Defaults to the original number with a -R suffix'),
  occurredAt: z.iso.datetime({ offset: true }).optional(),
  lines: z
    .array(
      z.object({
        originalLineId: uuidSchema,
        quantity: z.number().int().min(1).max(10_000),
        refundAmount: minor.optional().describe('Defaults to the paid share of the returned quantity'),
      }),
    )
    .min(1)
    .max(200),
});

export const receiptLineSchema = z.object({
  id: uuidSchema,
  lineNo: z.number().int(),
  styleNo: z.string().nullable(),
  productName: z.string(),
  category: z.string().nullable(),
  size: z.string().nullable(),
  colour: z.string().nullable(),
  quantity: z.number().int(),
  unitListPrice: z.number().int(),
  discount: z.number().int(),
  paidAmount: z.number().int(),
  originalLineId: uuidSchema.nullable(),
  returnedQuantity: z.number().int().describe('How many of this line were returned since'),
});

export const receiptSchema = z.object({
  id: uuidSchema,
  storeId: uuidSchema,
  customerId: uuidSchema.nullable(),
  sellerId: uuidSchema.nullable(),
  sellerName: z.string().nullable(),
  receiptNo: z.string(),
  kind: z.enum(['sale', 'return']),
  originalReceiptId: uuidSchema.nullable(),
  occurredAt: isoDateTime,
  currency: z.string(),
  totalList: z.number().int(),
  totalDiscount: z.number().int(),
  totalPaid: z.number().int(),
  paymentMethod: z.string().nullable(),
  source: z.string(),
  lines: z.array(receiptLineSchema),
});
export type Receipt = z.infer<typeof receiptSchema>;

export const receiptQuerySchema = z.object({
  customerId: uuidSchema.optional(),
  storeId: uuidSchema.optional(),
  cursor: z.string().max(500).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});

export const customerStatsSchema = z.object({
  lifetimeSpend: z.number().int(),
  currency: z.string(),
  receiptCount: z.number().int(),
  visitCount: z.number().int(),
  firstPurchaseAt: isoDateTime.nullable(),
  lastPurchaseAt: isoDateTime.nullable(),
  lastVisitAt: isoDateTime.nullable(),
  visitsPerMonth6: z.number().describe('Visits per month over the last 6 months'),
  visitsPerMonth12: z.number().describe('Visits per month over the last 12 months'),
});

export const categorySchema = z.object({
  id: uuidSchema,
  key: z.string(),
  labels: labelsSchema,
  warrantyMonths: z.number().int().nullable(),
  freeRepairFromDay: z.number().int(),
  depreciationBands: z.array(z.object({ fromDay: z.number().int(), toDay: z.number().int(), percent: z.number() })),
  entitlementKind: z.enum(['dry_cleaning', 'leather_care']).nullable(),
  entitlementMinPrice: z.number().int().nullable(),
  isService: z.boolean(),
});

export const updateCategoryBodySchema = z.object({
  labels: labelsSchema.optional(),
  warrantyMonths: z.number().int().min(0).max(120).nullable().optional(),
  freeRepairFromDay: z.number().int().min(0).max(365).optional(),
  depreciationBands: z
    .array(
      z.object({
        fromDay: z.number().int().min(0),
        toDay: z.number().int().min(0),
        percent: z.number().min(0).max(100),
      }),
    )
    .max(10)
    .optional(),
  entitlementKind: z.enum(['dry_cleaning', 'leather_care']).nullable().optional(),
  entitlementMinPrice: minor.nullable().optional(),
});

export const productSchema = z.object({
  id: uuidSchema,
  styleNo: z.string(),
  name: z.string(),
  categoryId: uuidSchema.nullable(),
  season: z.string().nullable(),
  listPrice: z.number().int().nullable(),
  currency: z.string().nullable(),
  attributes: z.object({
    colours: z.array(z.string()).optional(),
    fabric: z.string().optional(),
    tags: z.array(z.string()).optional(),
  }),
});

export const upsertProductBodySchema = z.object({
  styleNo: z.string().trim().min(1).max(60),
  name: z.string().trim().min(1).max(200),
  category: z.string().trim().max(60).optional(),
  season: z.string().trim().max(20).optional(),
  listPrice: minor.optional(),
  currency: z
    .string()
    .regex(/^[A-Z]{3}$/)
    .optional(),
  attributes: productSchema.shape.attributes.optional(),
});
