// Metrics, classes and worth: a customer's card, the worth list, the classification settings (with the
// thresholds and models of the last run) and "recompute now".
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { idParamsSchema } from '../../../contracts/common';
import {
  classSettingsResponseSchema,
  classSettingsSchema,
  customerMetricsSchema,
  recomputeResultSchema,
  worthListQuerySchema,
  worthPageSchema,
} from '../../../contracts/metrics';
import type { Database } from '../../db/client';
import { rows } from '../../db/client';
import { classificationSettings } from '../../db/schema';
import { AppError } from '../../errors';
import { decodeCursor, encodeCursor } from '../../pagination';
import { principalOf, userOf } from '../../plugins/auth';
import { auditRequest } from '../audit/audit.service';
import { getCustomerRowOrThrow } from '../customers/customers.service';
import { getClassSettings, refreshCustomerMetrics } from './metrics.service';
import { RECOMPUTE_JOB, runRecomputeLocked } from './recompute.job';
import { toMetricsView, toWorthRow } from './metrics.view';

const tags = ['metrics'];
const HEAD = ['owner', 'hq'] as const;
const MANAGERS = ['owner', 'hq', 'regional_manager', 'store_manager'] as const;

const iso = (v: unknown) => (v ? new Date(v as string).toISOString() : null);
const day = (v: unknown) => (v instanceof Date ? v.toISOString().slice(0, 10) : v ? String(v).slice(0, 10) : '');

export const metricsRoutes: FastifyPluginAsyncZod<{ database: Database }> = async (app, { database }) => {
  const db = database.db;

  app.get(
    '/api/customers/:id/metrics',
    {
      config: { access: { roles: 'any', tokens: true } },
      schema: {
        tags,
        summary: 'Her metrics, classes, loyalty stage, lapse and worth (or why there is no worth yet)',
        params: idParamsSchema,
        response: { 200: customerMetricsSchema },
      },
    },
    async (req) => {
      const p = principalOf(req);
      const c = await getCustomerRowOrThrow(db, p, req.params.id);
      const read = () =>
        rows<Record<string, unknown>>(
          db,
          sql`select * from customer_metrics where org_id = ${p.orgId} and customer_id = ${c.id}`,
        );
      let [row] = await read();
      if (!row) {
        // Not yet computed (a new file, before the nightly run): compute her row now.
        await refreshCustomerMetrics(db, p.orgId, [c.id]);
        [row] = await read();
      }
      if (!row) throw new AppError('not_found');
      return toMetricsView(row);
    },
  );

  app.get(
    '/api/metrics/customers',
    {
      config: { access: { roles: 'any', tokens: true } },
      schema: {
        tags,
        summary: 'Customers by worth: sortable by expected value, P(alive), spend, frequency, recency; keyset pages',
        querystring: worthListQuerySchema,
        response: { 200: worthPageSchema },
      },
    },
    async (req) => {
      const p = principalOf(req);
      const q = req.query;
      const stores = q.storeId ? p.storeIds.filter((s) => s === q.storeId) : p.storeIds;
      const desc = q.order === 'desc';
      // Missing values (no worth yet, never bought) sort last either way.
      const sentinel = desc ? -1e18 : 1e18;
      const key = sql`coalesce(m.${sql.raw(q.sort)}::float8, ${sentinel}::float8)`;
      const where: SQL[] = [
        sql`m.org_id = ${p.orgId}`,
        sql`m.store_id = any(${`{${stores.join(',')}}`}::uuid[])`,
        sql`c.merged_into_id is null`,
      ];
      if (q.lapse) where.push(sql`m.lapse_status = ${q.lapse}`);
      if (q.segment) where.push(sql`m.rfm_segment = ${q.segment}`);
      const cursor = decodeCursor(q.cursor);
      if (cursor) {
        const k = Number(cursor.k);
        where.push(
          desc
            ? sql`(${key} < ${k}::float8 or (${key} = ${k}::float8 and m.customer_id > ${cursor.id}::uuid))`
            : sql`(${key} > ${k}::float8 or (${key} = ${k}::float8 and m.customer_id > ${cursor.id}::uuid))`,
        );
      }
      const list = await rows<Record<string, unknown>>(
        db,
        sql`select m.*, c.display_name, c.member_no, ${key} as sort_key
            from customer_metrics m join customers c on c.id = m.customer_id and c.org_id = m.org_id
            where ${sql.join(where, sql` and `)}
            order by ${key} ${sql.raw(desc ? 'desc' : 'asc')}, m.customer_id
            limit ${q.limit + 1}`,
      );
      const page = list.slice(0, q.limit);
      const last = page[page.length - 1];
      return {
        items: page.map(toWorthRow),
        nextCursor:
          list.length > q.limit && last ? encodeCursor(Number(last.sort_key), String(last.customer_id)) : null,
      };
    },
  );

  const settingsView = async (orgId: string) => {
    const { settings, row } = await getClassSettings(db, orgId);
    const thresholds = await rows<Record<string, unknown>>(
      db,
      sql`select * from classification_thresholds where org_id = ${orgId} order by partition_key`,
    );
    const models = await rows<Record<string, unknown>>(
      db,
      sql`select * from clv_models where org_id = ${orgId} order by currency`,
    );
    const [run] = await rows<Record<string, unknown>>(
      db,
      sql`select started_at, finished_at, status, detail from job_runs where org_id = ${orgId} and job = ${RECOMPUTE_JOB}
          order by started_at desc limit 1`,
    );
    const arr = (v: unknown) => ((v as (number | null)[] | null) ?? []).map((x) => (x === null ? null : Number(x)));
    return {
      settings,
      isDefault: !row,
      updatedAt: iso(row?.updatedAt),
      thresholds: thresholds.map((t) => ({
        partition: String(t.partition_key),
        currency: String(t.currency),
        storeId: (t.store_id as string | null) ?? null,
        method: t.method as 'quintiles' | 'fixed',
        recencyCuts: arr(t.recency_cuts).map(Number),
        frequencyCuts: arr(t.frequency_cuts).map(Number),
        monetaryCuts: arr(t.monetary_cuts).map(Number),
        abcdCuts: arr(t.abcd_cuts),
        customers: Number(t.customers),
        revenue: Number(t.revenue),
        asOf: day(t.as_of),
        computedAt: iso(t.computed_at)!,
      })),
      models: models.map((m) => {
        const params = m.params as Record<string, number> | null;
        return {
          currency: String(m.currency),
          status: m.status as 'ok' | 'not_enough_data',
          reason: (m.reason as string | null) ?? null,
          customers: Number(m.customers),
          repeatCustomers: Number(m.repeat_customers),
          bgnbd: params
            ? { r: params.r!, alpha: params.alpha!, a: params.a!, b: params.b!, loglik: params.loglik! }
            : null,
          gammagamma: params ? { p: params.p!, q: params.q!, gamma: params.gamma! } : null,
          spendCap: m.spend_cap === null ? null : Number(m.spend_cap),
          minimum: { customers: Number(m.min_customers), repeatCustomers: Number(m.min_repeat_customers) },
          asOf: day(m.as_of),
          fittedAt: iso(m.fitted_at)!,
        };
      }),
      lastRun: run
        ? {
            startedAt: iso(run.started_at)!,
            finishedAt: iso(run.finished_at)!,
            status: String(run.status),
            detail: (run.detail as Record<string, unknown>) ?? {},
          }
        : null,
    };
  };

  app.get(
    '/api/metrics/settings',
    {
      config: { access: { roles: MANAGERS } },
      schema: {
        tags,
        summary: 'Classification rules, the thresholds and CLV models of the last full run, and that run',
        response: { 200: classSettingsResponseSchema },
      },
    },
    async (req) => settingsView(principalOf(req).orgId),
  );

  app.put(
    '/api/metrics/settings',
    {
      config: { access: { roles: HEAD } },
      schema: {
        tags,
        summary: 'Change the classification rules (they apply from the next recompute)',
        body: classSettingsSchema,
        response: { 200: classSettingsResponseSchema },
      },
    },
    async (req) => {
      const u = userOf(req);
      await db
        .insert(classificationSettings)
        .values({ orgId: u.orgId, settings: req.body, updatedBy: u.userId, updatedAt: new Date() })
        .onConflictDoUpdate({
          target: classificationSettings.orgId,
          set: { settings: req.body, updatedBy: u.userId, updatedAt: new Date() },
        });
      await auditRequest(db, req, {
        action: 'metrics.settings_changed',
        entityType: 'organization',
        entityId: u.orgId,
      });
      return settingsView(u.orgId);
    },
  );

  app.post(
    '/api/metrics/recompute',
    {
      config: { access: { roles: HEAD } },
      schema: {
        tags,
        summary: 'Recompute metrics, classes and worth for the whole organisation now',
        response: { 200: recomputeResultSchema, 409: z.unknown() },
      },
    },
    async (req) => {
      const u = userOf(req);
      const result = await runRecomputeLocked(database, u.orgId);
      if (!result) throw new AppError('conflict');
      return { customers: result.customers, partitions: result.partitions, models: result.models, ms: result.ms };
    },
  );
};
