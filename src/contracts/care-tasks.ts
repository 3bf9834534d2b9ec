// Care tasks on the phone (issue 6): each guide's list for today, one task with why and the words to say,
// and what she does with it (snooze, reassign, complete with an outcome, cancel). Plus the message
// library the suggestions come from.
import { z } from 'zod';
import {
  CONTACT_KINDS,
  HOLIDAY_IDS,
  MESSAGE_CATEGORIES,
  RULE_IDS,
  SOLAR_TERM_IDS,
  TEMPLATE_FORMATS,
  messageTemplateInputSchema,
} from './care';
import { isoDateTime, localeSchema, LOCALES, paginationQuerySchema, uuidSchema } from './common';
import { CONTACT_CHANNELS, CONTACT_OUTCOMES, contactSchema } from './messaging';
import { customerSchema, isoDate } from './customers';

/** As in schema/care.ts (kept here so the web app does not import the database schema). */
export const CARE_TASK_STATUSES = ['open', 'done', 'cancelled'] as const;
export const CARE_OUTCOMES = ['reached', 'no_answer', 'appointment', 'issue_raised'] as const;
export type CareOutcome = (typeof CARE_OUTCOMES)[number];

export const TASK_VIEWS = ['today', 'upcoming', 'overdue'] as const;
export type TaskView = (typeof TASK_VIEWS)[number];
export const TASK_SCOPES = ['mine', 'store'] as const;
export type TaskScope = (typeof TASK_SCOPES)[number];

export const taskListQuerySchema = paginationQuerySchema.extend({
  view: z
    .enum(TASK_VIEWS)
    .default('today')
    .describe('today, upcoming (later days) or overdue (earlier days, still open)'),
  scope: z
    .enum(TASK_SCOPES)
    .default('mine')
    .describe('mine: assigned or escalated to you; store: every task of your stores (store managers and above)'),
  storeId: uuidSchema.optional().describe('One of your stores'),
  limit: z.coerce.number().int().min(1).max(100).default(30),
});
export type TaskListQuery = z.input<typeof taskListQuerySchema>;

export const taskReasonSchema = z.object({
  ruleId: z.enum(RULE_IDS),
  /** Catalogue key of the reason, e.g. care.reasons.birthday (the UI renders the words with reasonParamsFor). */
  reasonKey: z.string(),
  occasionKey: z.string(),
  dueOn: isoDate,
  params: z.record(z.string(), z.unknown()).describe('Ids the reason text is made from: date, holiday, amount…'),
});
export type TaskReason = z.infer<typeof taskReasonSchema>;

const personSchema = z.object({ id: uuidSchema, name: z.string() });

export const taskListItemSchema = z.object({
  id: uuidSchema,
  storeId: uuidSchema,
  customer: z.object({
    id: uuidSchema,
    displayName: z.string(),
    memberNo: z.string().nullable(),
    tier: z.string().nullable(),
    lastVisitAt: isoDateTime.nullable(),
  }),
  kind: z.enum(CONTACT_KINDS),
  category: z.enum(MESSAGE_CATEGORIES),
  channels: z.array(z.string()).describe('Consent channels she may be reached by for this kind, in order'),
  status: z.enum(CARE_TASK_STATUSES),
  dueOn: isoDate,
  originalDueOn: isoDate,
  assignee: personSchema.nullable(),
  assigneeRole: z.string(),
  escalatedAt: isoDateTime.nullable(),
  escalatedTo: personSchema.nullable(),
  outcome: z.enum(CARE_OUTCOMES).nullable(),
  reasons: z.array(taskReasonSchema),
  version: z.number().int(),
});
export type TaskListItem = z.infer<typeof taskListItemSchema>;

export const taskPageSchema = z.object({
  items: z.array(taskListItemSchema),
  nextCursor: z.string().nullable(),
  today: isoDate.describe('The store-local day the view is computed for (the first store when several)'),
});
export type TaskPage = z.infer<typeof taskPageSchema>;

export const suggestedMessageSchema = z.object({
  templateId: z.string().describe('default:<locale>:<category>:<slug>, or the id of the organisation’s template'),
  title: z.string(),
  format: z.enum(TEMPLATE_FORMATS),
  locale: localeSchema,
  subject: z.string().nullable(),
  text: z.string(),
});
export type SuggestedMessage = z.infer<typeof suggestedMessageSchema>;

export const purchaseLineSchema = z.object({
  occurredAt: isoDateTime,
  receiptNo: z.string(),
  productName: z.string(),
  size: z.string().nullable(),
  colour: z.string().nullable(),
  quantity: z.number().int(),
  paidAmount: z.number().int().describe('Minor units'),
  currency: z.string(),
});

export const taskDetailSchema = taskListItemSchema.extend({
  note: z.string().nullable(),
  completedAt: isoDateTime.nullable(),
  completedBy: personSchema.nullable(),
  contactId: uuidSchema.nullable(),
  complaintId: uuidSchema.nullable(),
  customerFile: customerSchema.describe('Her essentials, contacts masked as on her page'),
  recentPurchases: z.array(purchaseLineSchema),
  suggestions: z.array(suggestedMessageSchema).describe('From the library in her language, best first'),
  contacts: z.array(contactSchema).describe('Contacts already recorded for this task (from the contact sheet)'),
});
export type TaskDetail = z.infer<typeof taskDetailSchema>;

const version = z.number().int().min(1).describe('The version you saw; a newer one is a 409 conflict');

export const snoozeBodySchema = z.object({
  version,
  until: isoDate.describe('New due day, store-local; not in the past'),
});
export const reassignBodySchema = z.object({
  version,
  assigneeId: uuidSchema.describe('A colleague of the task’s store'),
});
export const cancelBodySchema = z.object({ version, reason: z.string().trim().min(1).max(500) });

export const completeBodySchema = z
  .object({
    version,
    outcome: z.enum(CARE_OUTCOMES),
    note: z.string().trim().max(2000).nullable().optional(),
    channel: z
      .enum(CONTACT_CHANNELS)
      .optional()
      .describe('How she was contacted (default: from the task kind); recorded on her timeline'),
    contactId: uuidSchema
      .optional()
      .describe('A contact already recorded for this task from the contact sheet: linked, not recorded twice'),
    appointmentOn: isoDate.optional().describe('outcome=appointment: the day of the follow-up task'),
    complaintSummary: z.string().trim().max(2000).optional().describe('outcome=issue_raised: what she raised'),
  })
  .refine((b) => b.outcome !== 'appointment' || Boolean(b.appointmentOn), {
    message: 'Choose the day of the appointment',
    path: ['appointmentOn'],
  })
  .refine((b) => b.outcome !== 'issue_raised' || Boolean(b.complaintSummary?.trim()), {
    message: 'Say what she raised',
    path: ['complaintSummary'],
  });
export type CompleteTaskInput = z.input<typeof completeBodySchema>;

export const completeResultSchema = z.object({
  task: taskDetailSchema,
  followUpTaskId: uuidSchema.nullable(),
  complaintId: uuidSchema.nullable(),
});

/** The task outcome as the contact log words it. */
export const CONTACT_OUTCOME_OF: Record<CareOutcome, (typeof CONTACT_OUTCOMES)[number]> = {
  reached: 'reached',
  no_answer: 'no_answer',
  appointment: 'appointment_booked',
  issue_raised: 'issue_raised',
};

// ---- template library ------------------------------------------------------------------------------

export const templateSchema = z.object({
  id: z.string().describe('The org template’s uuid, or default:<locale>:<category>:<slug> for an unedited default'),
  defaultKey: z.string().nullable(),
  isDefault: z.boolean().describe('An unedited default of the product'),
  isActive: z.boolean(),
  category: z.enum(MESSAGE_CATEGORIES),
  locale: localeSchema,
  format: z.enum(TEMPLATE_FORMATS),
  title: z.string(),
  subject: z.string().nullable(),
  body: z.string(),
  allowsBenefit: z.boolean(),
  holidayId: z.enum(HOLIDAY_IDS).nullable(),
  termId: z.enum(SOLAR_TERM_IDS).nullable(),
  updatedAt: isoDateTime.nullable(),
});
export type Template = z.infer<typeof templateSchema>;

export const templateQuerySchema = z.object({
  category: z.enum(MESSAGE_CATEGORIES).optional(),
  locale: z.enum(LOCALES).optional(),
  includeRetired: z.coerce.boolean().default(false),
});

export const templateIdParamsSchema = z.object({ id: z.string().min(1).max(200) });

export { messageTemplateInputSchema };

export const toneFindingSchema = z.object({
  kind: z.string(),
  start: z.number().int(),
  end: z.number().int(),
  text: z.string(),
});
export const templateIssueSchema = z.object({
  code: z.string(),
  field: z.string(),
  variable: z.string().optional(),
  start: z.number().int().optional(),
  end: z.number().int().optional(),
});

export const previewResultSchema = z.object({
  text: z.string(),
  subject: z.string().nullable(),
  missing: z.array(z.string()),
  issues: z.array(templateIssueSchema),
  tone: z.array(toneFindingSchema),
  length: z.number().int(),
  smsSegments: z.number().int(),
});
export type PreviewResult = z.infer<typeof previewResultSchema>;

export const templateSaveResultSchema = z.object({
  template: templateSchema,
  tone: z.array(toneFindingSchema).describe('Warnings: saved anyway, shown highlighted'),
});
