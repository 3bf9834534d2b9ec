// Contacts with customers and the outbox of automatic messages.
// - contact_log: every call, message, visit or letter, by whom, when, how it went (staff statistics,
//   the care rules' contact budget, her timeline).
// - outbox + outbox_attempts: each message is claimed with FOR UPDATE SKIP LOCKED under a lease, sent,
//   and acknowledged; every attempt is a row. See modules/messaging/outbox.sender.ts for the guarantees.
// - messaging_secrets: the key that signs unsubscribe links, kept in the database (not the environment)
//   so every app instance and every restore signs and checks the same links.
import { sql } from 'drizzle-orm';
import { index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { customers } from './customers';
import { organizations, stores, users } from './org';

const ts = (name: string) => timestamp(name, { withTimezone: true });

export const outbox = pgTable(
  'outbox',
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
    channel: text('channel').notNull(), // email | sms
    purpose: text('purpose').notNull(),
    locale: text('locale').notNull(),
    subject: text('subject'),
    body: text('body').notNull(),
    status: text('status').notNull().default('queued'), // queued | sending | sent | failed | cancelled
    notBefore: ts('not_before').notNull(),
    nextAttemptAt: ts('next_attempt_at').notNull(),
    attempts: integer('attempts').notNull().default(0),
    maxAttempts: integer('max_attempts').notNull(),
    // The claim: whoever holds this token until lease_expires_at may send and acknowledge.
    leaseToken: uuid('lease_token'),
    leaseExpiresAt: ts('lease_expires_at'),
    idempotencyKey: text('idempotency_key').notNull(),
    providerMessageId: text('provider_message_id'),
    lastError: text('last_error'),
    cancelReason: text('cancel_reason'),
    createdBy: uuid('created_by').references(() => users.id),
    taskId: uuid('task_id'),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
    sentAt: ts('sent_at'),
  },
  (t) => [
    uniqueIndex('outbox_org_idempotency_uq').on(t.orgId, t.idempotencyKey),
    index('outbox_due_idx')
      .on(t.nextAttemptAt)
      .where(sql`${t.status} = 'queued'`),
    index('outbox_leased_idx')
      .on(t.leaseExpiresAt)
      .where(sql`${t.status} = 'sending'`),
    index('outbox_customer_idx').on(t.orgId, t.customerId, t.createdAt),
    index('outbox_org_status_idx').on(t.orgId, t.status, t.createdAt),
  ],
);

export const outboxAttempts = pgTable(
  'outbox_attempts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => organizations.orgId),
    messageId: uuid('message_id')
      .notNull()
      .references(() => outbox.id),
    attemptNo: integer('attempt_no').notNull(),
    startedAt: ts('started_at').notNull().defaultNow(),
    finishedAt: ts('finished_at'),
    outcome: text('outcome'), // sent | retry | failed | cancelled | abandoned | released
    error: text('error'), // cleaned of addresses and numbers (domain/outbox-retry.ts sanitizeError)
    worker: text('worker').notNull(), // host:pid of the sender, to tell instances apart
  },
  (t) => [index('outbox_attempts_message_idx').on(t.messageId, t.attemptNo)],
);

export const contactLog = pgTable(
  'contact_log',
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
    userId: uuid('user_id').references(() => users.id),
    channel: text('channel').notNull(),
    purpose: text('purpose').notNull(),
    outcome: text('outcome').notNull(),
    note: text('note'),
    messageText: text('message_text'),
    contactedAt: ts('contacted_at').notNull(),
    // The care_tasks table comes with the care engine; a plain uuid until then.
    taskId: uuid('task_id'),
    outboxMessageId: uuid('outbox_message_id').references(() => outbox.id),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [
    // "Contacts of customer X in the last 30 days" (the care rules' contact budget) and her timeline.
    index('contact_log_customer_idx').on(t.orgId, t.customerId, t.contactedAt),
    // Staff statistics: one store over a period, grouped by employee and channel.
    index('contact_log_store_idx').on(t.orgId, t.storeId, t.contactedAt),
    index('contact_log_task_idx')
      .on(t.taskId)
      .where(sql`${t.taskId} is not null`),
  ],
);

export const messagingSecrets = pgTable('messaging_secrets', {
  orgId: uuid('org_id')
    .primaryKey()
    .references(() => organizations.orgId),
  unsubscribeKey: text('unsubscribe_key').notNull(),
  createdAt: ts('created_at').notNull().defaultNow(),
});
