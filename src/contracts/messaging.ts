// Contacts with customers (the contact log and the staff statistics built on it) and the outbox of
// automatic messages (e-mail through SMTP, SMS through an HTTP gateway), sent exactly once.
import { z } from 'zod';
import { CONTACT_CHANNELS, CONTACT_OUTCOMES, CONTACT_PURPOSES } from '../domain/contacts';
import { isoDateTime, localeSchema, paginationQuerySchema, uuidSchema } from './common';
import { isoDate } from './customers';

export { CONTACT_CHANNELS, CONTACT_OUTCOMES, CONTACT_PURPOSES };

export const OUTBOX_CHANNELS = ['email', 'sms'] as const;
export type OutboxChannel = (typeof OUTBOX_CHANNELS)[number];
export const OUTBOX_STATUSES = ['queued', 'sending', 'sent', 'failed', 'cancelled'] as const;
export type OutboxStatus = (typeof OUTBOX_STATUSES)[number];
/** How one attempt ended; `abandoned`: the sender stopped (crash, restart) before recording a result. */
export const ATTEMPT_OUTCOMES = ['sent', 'retry', 'failed', 'cancelled', 'abandoned', 'released'] as const;
/** Why a message was not sent: a manager cancelled it, or her file changed between enqueue and send. */
export const CANCEL_REASONS = ['manager', 'consent_withdrawn', 'not_contactable', 'no_address'] as const;

const text = (max: number) => z.string().trim().max(max);

// ——— Contact log ———

export const contactSchema = z.object({
  id: uuidSchema,
  customerId: uuidSchema,
  customerName: z.string(),
  storeId: uuidSchema,
  userId: uuidSchema.nullable().describe('Who contacted her; null for an automatic message'),
  userName: z.string().nullable(),
  channel: z.enum(CONTACT_CHANNELS),
  purpose: z.enum(CONTACT_PURPOSES),
  outcome: z.enum(CONTACT_OUTCOMES),
  note: z.string().nullable(),
  messageText: z.string().nullable().describe('The text prepared for her (SMS, LINE, WhatsApp, WeChat, e-mail)'),
  contactedAt: isoDateTime,
  taskId: uuidSchema.nullable(),
  outboxMessageId: uuidSchema.nullable(),
  createdAt: isoDateTime,
});
export type Contact = z.infer<typeof contactSchema>;

export const createContactBodySchema = z.object({
  channel: z.enum(CONTACT_CHANNELS),
  purpose: z.enum(CONTACT_PURPOSES).default('care'),
  outcome: z.enum(CONTACT_OUTCOMES),
  note: text(2000).nullable().optional(),
  messageText: text(5000).nullable().optional(),
  contactedAt: z.iso
    .datetime({ offset: true })
    .optional()
    .describe('When it happened (default: now); up to 90 days back, never in the future'),
  taskId: uuidSchema.nullable().optional().describe('The care task this contact completes'),
});
export type CreateContactInput = z.input<typeof createContactBodySchema>;

export const contactPageQuerySchema = paginationQuerySchema.extend({
  limit: z.coerce.number().int().min(1).max(100).default(20),
});

export const contactSearchQuerySchema = contactPageQuerySchema.extend({
  storeId: uuidSchema.optional(),
  userId: uuidSchema.optional(),
  from: isoDate.optional().describe('First store-local day, YYYY-MM-DD'),
  to: isoDate.optional().describe('Last store-local day, YYYY-MM-DD'),
});

// ——— Staff statistics (seeds 000/001: each employee's contacts, a basis for promotion) ———

export const staffStatsQuerySchema = z.object({
  from: isoDate.describe('First store-local day of the period'),
  to: isoDate.describe('Last store-local day of the period (inclusive)'),
  storeId: uuidSchema.optional().describe('One store; default: every store the caller manages'),
  format: z.enum(['json', 'csv']).default('json'),
});

export const staffStatsRowSchema = z.object({
  userId: uuidSchema.nullable().describe('null: automatic messages from the outbox'),
  name: z.string().nullable(),
  contacts: z.number().int(),
  reached: z.number().int().describe('Answered calls, visits, sent messages, booked appointments'),
  customers: z.number().int().describe('Different customers contacted'),
  byChannel: z.record(z.enum(CONTACT_CHANNELS), z.number().int()),
  byPurpose: z.record(z.enum(CONTACT_PURPOSES), z.number().int()),
});
export type StaffStatsRow = z.infer<typeof staffStatsRowSchema>;

export const staffStatsSchema = z.object({
  from: isoDate,
  to: isoDate,
  storeId: uuidSchema.nullable(),
  rows: z.array(staffStatsRowSchema),
  totals: staffStatsRowSchema.omit({ userId: true, name: true }),
});
export type StaffStats = z.infer<typeof staffStatsSchema>;

// ——— Outbox ———

export const enqueueMessageBodySchema = z
  .object({
    customerId: uuidSchema,
    channel: z.enum(OUTBOX_CHANNELS),
    purpose: z.enum(CONTACT_PURPOSES).default('care'),
    locale: localeSchema
      .optional()
      .describe("The message's language (footer, unsubscribe page); default: her file's language, else her store's"),
    subject: text(200).nullable().optional().describe('Required for e-mail'),
    body: text(5000).min(1, 'Write the message first'),
    notBefore: z.iso
      .datetime({ offset: true })
      .optional()
      .describe('Never sent before this time (quiet hours are the caller’s choice); default: now'),
    idempotencyKey: z
      .string()
      .trim()
      .min(8)
      .max(200)
      .optional()
      .describe('The same key never enqueues twice in an organisation (e.g. "birthday:2026:<customer>")'),
    taskId: uuidSchema.nullable().optional(),
  })
  .refine((m) => m.channel !== 'email' || Boolean(m.subject?.trim()), {
    message: 'An e-mail needs a subject',
    path: ['subject'],
  })
  .refine((m) => m.channel !== 'sms' || m.body.length <= 1000, {
    message: 'An SMS is at most 1,000 characters',
    path: ['body'],
  });
export type EnqueueMessageInput = z.input<typeof enqueueMessageBodySchema>;

export const outboxAttemptSchema = z.object({
  id: uuidSchema,
  attemptNo: z.number().int(),
  startedAt: isoDateTime,
  finishedAt: isoDateTime.nullable(),
  outcome: z.enum(ATTEMPT_OUTCOMES).nullable(),
  error: z.string().nullable().describe('Cleaned of addresses and numbers'),
});

export const outboxMessageSchema = z.object({
  id: uuidSchema,
  customerId: uuidSchema,
  customerName: z.string(),
  storeId: uuidSchema,
  channel: z.enum(OUTBOX_CHANNELS),
  purpose: z.enum(CONTACT_PURPOSES),
  locale: localeSchema,
  subject: z.string().nullable(),
  body: z.string(),
  status: z.enum(OUTBOX_STATUSES),
  notBefore: isoDateTime,
  nextAttemptAt: isoDateTime,
  attempts: z.number().int(),
  maxAttempts: z.number().int(),
  lastError: z.string().nullable(),
  cancelReason: z.enum(CANCEL_REASONS).nullable(),
  createdByName: z.string().nullable(),
  createdAt: isoDateTime,
  sentAt: isoDateTime.nullable(),
  taskId: uuidSchema.nullable(),
});
export type OutboxMessage = z.infer<typeof outboxMessageSchema>;

export const enqueueResultSchema = outboxMessageSchema.extend({
  created: z.boolean().describe('false: this idempotency key was already enqueued; the existing message'),
});

export const outboxDetailSchema = outboxMessageSchema.extend({ attemptLog: z.array(outboxAttemptSchema) });

export const outboxQuerySchema = contactPageQuerySchema.extend({
  status: z
    .enum([...OUTBOX_STATUSES, 'pending'])
    .optional()
    .describe('`pending`: queued or being sent'),
  storeId: uuidSchema.optional(),
});
