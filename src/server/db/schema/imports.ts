// Customer imports started from the web app: the uploaded file is held (bytea) only until the real run
// finishes, and progress counters live here so any app instance can report them.
import { boolean, customType, index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { organizations, stores, users } from './org';

const ts = (name: string) => timestamp(name, { withTimezone: true });

// node-postgres returns a Buffer, PGlite a Uint8Array: both are Uint8Array.
const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({
  dataType: () => 'bytea',
  toDriver: (value) => (Buffer.isBuffer(value) ? value : Buffer.from(value.buffer, value.byteOffset, value.byteLength)),
});

export const importJobs = pgTable(
  'import_jobs',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => organizations.orgId),
    storeId: uuid('store_id')
      .notNull()
      .references(() => stores.id),
    createdBy: uuid('created_by').references(() => users.id),
    fileName: text('file_name').notNull(),
    fileBytes: bytea('file_bytes'),
    fileSize: integer('file_size').notNull(),
    format: text('format').notNull(),
    encoding: text('encoding'),
    headers: jsonb('headers').$type<string[]>().notNull().default([]),
    mapping: jsonb('mapping').$type<string[]>().notNull().default([]),
    status: text('status').notNull().default('uploaded'),
    dryRun: boolean('dry_run').notNull().default(false),
    processed: integer('processed').notNull().default(0),
    total: integer('total').notNull().default(0),
    summary: jsonb('summary').$type<Record<string, unknown>>(),
    error: text('error'),
    createdAt: ts('created_at').notNull().defaultNow(),
    startedAt: ts('started_at'),
    finishedAt: ts('finished_at'),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [index('import_jobs_org_created_idx').on(t.orgId, t.createdAt)],
);
