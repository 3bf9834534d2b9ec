// One row per run of a background job for an organisation: when, how it ended, and its figures.
import { index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { organizations } from './org';

const ts = (name: string) => timestamp(name, { withTimezone: true });

export const jobRuns = pgTable(
  'job_runs',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => organizations.orgId),
    job: text('job').notNull(),
    startedAt: ts('started_at').notNull(),
    finishedAt: ts('finished_at').notNull(),
    status: text('status').notNull(), // ok | failed | skipped
    detail: jsonb('detail').$type<Record<string, unknown>>().notNull().default({}),
  },
  (t) => [index('job_runs_org_job_idx').on(t.orgId, t.job, t.startedAt)],
);
