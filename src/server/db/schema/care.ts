// Care plans (issue 6): each guide's list for today. The care engine (modules/care) owns these tables.
// - care_settings: an organisation's overrides of the rule configuration (contracts/care.ts parses
//   them over the seeds' defaults).
// - care_rule_activity: per rule, the day it was last switched on; with the store's first run it bounds
//   what a run may create, so switching a rule on never back-dates a burst of tasks.
// - care_runs: one row per generation run (store, day, counts), for the CLI, the job log and the
//   "first run" of a store.
// - care_tasks + care_task_reasons: one task per customer and due day, listing every reason; each
//   reason carries the occasion key (rule + customer + occasion), unique per customer, which is what
//   makes generation idempotent.
// - care_templates: the organisation's message library (the defaults of domain/care/library are
//   copied in on first use and then edited).
// - complaints: the first record of an issue a customer raised on a care contact (the complaints work
//   builds on it).
import { sql } from 'drizzle-orm';
import { boolean, date, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { customers } from './customers';
import { organizations, stores, users } from './org';

const ts = (name: string) => timestamp(name, { withTimezone: true });

export const careSettings = pgTable('care_settings', {
  orgId: uuid('org_id')
    .primaryKey()
    .references(() => organizations.orgId),
  settings: jsonb('settings').$type<Record<string, unknown>>().notNull().default({}),
  updatedBy: uuid('updated_by').references(() => users.id),
  updatedAt: ts('updated_at').notNull().defaultNow(),
});

export const careRuleActivity = pgTable(
  'care_rule_activity',
  {
    orgId: uuid('org_id')
      .notNull()
      .references(() => organizations.orgId),
    ruleId: text('rule_id').notNull(),
    enabled: boolean('enabled').notNull(),
    /** Store-independent calendar day the rule was (last) switched on. */
    activeSince: date('active_since').notNull(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [uniqueIndex('care_rule_activity_uq').on(t.orgId, t.ruleId)],
);

export const careRuns = pgTable(
  'care_runs',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => organizations.orgId),
    storeId: uuid('store_id')
      .notNull()
      .references(() => stores.id),
    runDate: date('run_date').notNull(),
    source: text('source').notNull(), // job | cli | api
    created: integer('created').notNull().default(0),
    unchanged: integer('unchanged').notNull().default(0),
    suppressed: integer('suppressed').notNull().default(0),
    byRule: jsonb('by_rule').$type<Record<string, number>>().notNull().default({}),
    startedAt: ts('started_at').notNull().defaultNow(),
    finishedAt: ts('finished_at'),
  },
  (t) => [index('care_runs_store_date_idx').on(t.orgId, t.storeId, t.runDate)],
);

export const CARE_TASK_STATUSES = ['open', 'done', 'cancelled'] as const;
export const CARE_OUTCOMES = ['reached', 'no_answer', 'appointment', 'issue_raised'] as const;

export const careTasks = pgTable(
  'care_tasks',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    // Organisation, store, customer, assignee and run are checked by the writers, not by per-row foreign
    // keys (docs/decisions/0010): generation writes a million tasks on a whole-audience holiday and
    // checks its references set-based; customers, stores and users are never deleted (a trigger refuses
    // deleting a customer who has tasks), and a person's choice of assignee is checked as a colleague.
    orgId: uuid('org_id').notNull(),
    storeId: uuid('store_id').notNull(),
    customerId: uuid('customer_id').notNull(),
    /** Rule and occasion key of the strongest reason (the task's owner). */
    ownerRule: text('owner_rule').notNull(),
    ownerKey: text('owner_key').notNull(),
    kind: text('kind').notNull(), // call | message | visit | letter
    category: text('category').notNull(),
    channels: text('channels').array().notNull().default([]),
    assigneeRole: text('assignee_role').notNull(),
    assigneeId: uuid('assignee_id'),
    status: text('status').notNull().default('open'),
    createOn: date('create_on').notNull(),
    /** The day it is due; snoozing moves it (the original stays in `originalDueOn`). */
    dueOn: date('due_on').notNull(),
    originalDueOn: date('original_due_on').notNull(),
    sendAfter: ts('send_after'),
    countsTowardBudget: boolean('counts_toward_budget').notNull().default(true),
    escalatedAt: ts('escalated_at'),
    escalatedTo: uuid('escalated_to').references(() => users.id),
    outcome: text('outcome'),
    note: text('note'),
    contactId: uuid('contact_id'),
    completedAt: ts('completed_at'),
    completedBy: uuid('completed_by').references(() => users.id),
    runId: uuid('run_id'),
    version: integer('version').notNull().default(1),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at')
      .notNull()
      .default(sql`now()`),
  },
  (t) => [
    index('care_tasks_customer_idx').on(t.customerId, t.dueOn),
    // A guide's / a store's list in keyset pages (due day, then id), and the tasks escalated to a manager
    // (these replace the (org, assignee|store, status, due_on) indexes of 0008, which they extend).
    index('care_tasks_assignee_page_idx').on(t.orgId, t.assigneeId, t.status, t.dueOn, t.id),
    index('care_tasks_store_page_idx').on(t.orgId, t.storeId, t.status, t.dueOn, t.id),
    index('care_tasks_escalated_idx')
      .on(t.orgId, t.escalatedTo, t.status, t.dueOn, t.id)
      .where(sql`${t.escalatedTo} is not null`),
  ],
);

export const careTaskReasons = pgTable(
  'care_task_reasons',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    // Organisation and customer are copied from the task when a reason is written (generation joins
    // the task for them), so a reason is always of its task's customer; deleting a task deletes its
    // reasons (a trigger, docs/decisions/0010). Generation writes a million of these on a holiday.
    orgId: uuid('org_id').notNull(),
    taskId: uuid('task_id').notNull(),
    customerId: uuid('customer_id').notNull(),
    ruleId: text('rule_id').notNull(),
    occasionKey: text('occasion_key').notNull(),
    dueOn: date('due_on').notNull(),
    /** The ids a person's text is made from (reasonParamsFor): holiday id, threshold, receipt no, … */
    params: jsonb('params').$type<Record<string, unknown>>().notNull().default({}),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('care_task_reasons_occasion_uq').on(t.orgId, t.customerId, t.occasionKey),
    index('care_task_reasons_task_idx').on(t.taskId),
  ],
);

export const careTemplates = pgTable(
  'care_templates',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => organizations.orgId),
    /** Stable id of the default it was copied from (null for the organisation's own). */
    defaultKey: text('default_key'),
    category: text('category').notNull(),
    locale: text('locale').notNull(),
    format: text('format').notNull().default('message'), // message | script
    name: text('name').notNull(),
    subject: text('subject'),
    body: text('body').notNull(),
    /** Holiday or occasion the template is written for (e.g. mid_autumn), when it is that specific. */
    occasion: text('occasion'),
    isActive: boolean('is_active').notNull().default(true),
    updatedBy: uuid('updated_by').references(() => users.id),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at')
      .notNull()
      .default(sql`now()`),
  },
  (t) => [
    index('care_templates_org_cat_idx').on(t.orgId, t.category, t.locale),
    uniqueIndex('care_templates_default_uq').on(t.orgId, t.defaultKey),
  ],
);

export const complaints = pgTable(
  'complaints',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => organizations.orgId),
    storeId: uuid('store_id')
      .notNull()
      .references(() => stores.id),
    customerId: uuid('customer_id')
      .notNull()
      .references(() => customers.id),
    taskId: uuid('task_id').references(() => careTasks.id),
    summary: text('summary').notNull(),
    status: text('status').notNull().default('open'),
    openedBy: uuid('opened_by')
      .notNull()
      .references(() => users.id),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [index('complaints_store_idx').on(t.orgId, t.storeId, t.createdAt)],
);
