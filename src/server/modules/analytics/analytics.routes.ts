// GET /api/analytics/dashboard and /api/analytics/model-quality: store managers and above, over the
// stores they reach (one store, one region, or all of them).
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { dashboardQuerySchema, dashboardSchema, modelQualitySchema } from '../../../contracts/analytics';
import type { Db } from '../../db/client';
import { principalOf } from '../../plugins/auth';
import { dashboard, modelQuality } from './analytics.service';

const MANAGERS = { roles: ['owner', 'hq', 'regional_manager', 'store_manager'] as const };
const tags = ['analytics'];

export const analyticsRoutes: FastifyPluginAsyncZod<{ db: Db }> = async (app, { db }) => {
  app.get(
    '/api/analytics/dashboard',
    {
      config: { access: MANAGERS },
      schema: {
        tags,
        summary:
          'Tier and class distribution, Pareto curve, repeat rate, cohorts, drifting and lost with value at risk, top customers, loyalty funnel',
        querystring: dashboardQuerySchema,
        response: { 200: dashboardSchema },
      },
    },
    async (req) => dashboard(db, principalOf(req), req.query),
  );

  app.get(
    '/api/analytics/model-quality',
    {
      config: { access: MANAGERS },
      schema: {
        tags,
        summary:
          'How good the worth model is: calibration vs hold-out, actual vs expected repeat purchases by frequency',
        querystring: dashboardQuerySchema.omit({ currency: true }),
        response: { 200: modelQualitySchema },
      },
    },
    async (req) => modelQuality(db, principalOf(req), req.query),
  );
};
