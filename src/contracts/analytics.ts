// The manager dashboard (issue 5): figures for a store, a region or the whole organisation, as far as
// the caller's access reaches. Money is in minor units of `currency` (one currency per dashboard: a
// brand with stores in China, Taiwan and Japan looks at yuan, dollars or yen, never a sum of them).
import { z } from 'zod';
import { uuidSchema } from './common';

export const dashboardQuerySchema = z.object({
  storeId: uuidSchema.optional(),
  regionId: uuidSchema.optional(),
  currency: z
    .string()
    .regex(/^[A-Z]{3}$/)
    .optional(),
});

const countRow = z.object({ key: z.string(), customers: z.number().int() });
const moneyCountRow = countRow.extend({ monetary: z.number() });

export const dashboardSchema = z.object({
  scope: z.object({ storeIds: z.array(uuidSchema), currency: z.string(), currencies: z.array(z.string()) }),
  customers: z.number().int(),
  buyers: z.number().int().describe('Customers with a purchase in the metrics window, in the currency'),
  tiers: z.array(countRow.extend({ rank: z.number().int().nullable() })),
  classAbcd: z.array(moneyCountRow),
  rfmSegments: z.array(moneyCountRow),
  pareto: z.object({
    points: z.array(z.object({ customerShare: z.number(), revenueShare: z.number() })),
    top20RevenueShare: z.number().nullable(),
  }),
  repeat: z.object({ buyers: z.number().int(), repeaters: z.number().int(), rate: z.number().nullable() }),
  cohorts: z.array(
    z.object({
      cohort: z.string().describe('YYYY-MM of the first purchase'),
      customers: z.number().int(),
      retained: z.array(z.number()).describe('Share buying again in month 1, 2, … after the first'),
      lostShare: z.number().describe('Share now lost'),
      driftingShare: z.number(),
    }),
  ),
  atRisk: z.array(
    z.object({
      status: z.enum(['drifting', 'lost']),
      customers: z.number().int(),
      monetaryWindow: z.number(),
      expectedValue365: z.number(),
    }),
  ),
  topCustomers: z.array(
    z.object({
      id: uuidSchema,
      displayName: z.string(),
      tier: z.string().nullable(),
      expectedValue365: z.number(),
      pAlive: z.number().nullable(),
      monetaryWindow: z.number(),
    }),
  ),
  funnel: z.array(countRow),
});
export type Dashboard = z.infer<typeof dashboardSchema>;

export const modelQualitySchema = z.discriminatedUnion('status', [
  z.object({
    status: z.literal('ok'),
    calibrationEnd: z.string(),
    holdoutEnd: z.string(),
    customers: z.number().int(),
    params: z.object({ r: z.number(), alpha: z.number(), a: z.number(), b: z.number() }),
    frequency: z.array(z.object({ repeats: z.string(), actual: z.number(), expected: z.number() })),
    conditional: z.array(
      z.object({
        repeats: z.string(),
        customers: z.number().int(),
        actualHoldout: z.number(),
        expectedHoldout: z.number(),
      }),
    ),
  }),
  z.object({
    status: z.literal('not_enough_data'),
    reason: z.string(),
    minimum: z.object({ customers: z.number().int(), repeatCustomers: z.number().int() }),
    observed: z.object({ customers: z.number().int(), repeatCustomers: z.number().int() }),
  }),
]);
export type ModelQuality = z.infer<typeof modelQualitySchema>;
