// The closed list of error codes, their HTTP status, and the problem+json body every error takes.
// Messages live in the i18n catalogues under `errors:<code>` so the UI and the server say the same thing.
import { z } from 'zod';

export const ERROR_STATUS = {
  validation_failed: 400,
  bad_request: 400,
  unauthenticated: 401,
  invalid_credentials: 401,
  session_expired: 401,
  account_disabled: 403,
  forbidden: 403,
  csrf_failed: 403,
  not_found: 404,
  conflict: 409,
  email_taken: 409,
  store_code_taken: 409,
  idempotency_conflict: 409,
  wrong_password: 400,
  weak_password: 400,
  last_owner: 409,
  member_no_taken: 409,
  possible_duplicate: 409,
  customer_erased: 409,
  merge_invalid: 400,
  import_invalid: 400,
  consent_required: 409,
  not_contactable: 409,
  no_contact_address: 409,
  outbox_state: 409,
  payload_too_large: 413,
  too_many_attempts: 429,
  rate_limited: 429,
  internal: 500,
  unavailable: 503,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;
export const ERROR_CODES = Object.keys(ERROR_STATUS) as ErrorCode[];

export const problemFieldSchema = z.object({
  field: z.string().describe('Dotted path of the offending input, e.g. `body.email`'),
  code: z.string(),
  message: z.string(),
});
export type ProblemField = z.infer<typeof problemFieldSchema>;

export const problemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    code: z.enum(ERROR_CODES as [ErrorCode, ...ErrorCode[]]),
    detail: z.string(),
    instance: z.string().optional(),
    requestId: z.string().optional(),
    fields: z.array(problemFieldSchema).optional(),
    params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
  })
  .describe('application/problem+json (RFC 9457)');
export type Problem = z.infer<typeof problemSchema>;
