// One error type with a closed list of codes; rendered as application/problem+json.
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { ERROR_STATUS, type ErrorCode, type Problem, type ProblemField } from '../contracts/errors';
import type { Locale } from '../contracts/common';
import { errorCatalogues, interpolate, negotiateLocale } from '../i18n';

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly params: Record<string, string | number> = {},
    readonly fields?: ProblemField[],
    readonly headers?: Record<string, string>,
  ) {
    super(code);
    this.name = 'AppError';
  }
  get status(): number {
    return ERROR_STATUS[this.code];
  }
}

export const notFound = () => new AppError('not_found');
export const forbidden = () => new AppError('forbidden');

export function fieldError(field: string, code: string, locale: Locale = 'en'): ProblemField {
  const catalogue = errorCatalogues[locale].field as Record<string, string>;
  return { field, code, message: catalogue[code] ?? catalogue.invalid ?? code };
}

export function requestLocale(req: FastifyRequest): Locale {
  return req.principal?.kind === 'user' && req.principal.locale
    ? req.principal.locale
    : negotiateLocale(req.headers['accept-language']);
}

export function problemFor(
  code: ErrorCode,
  locale: Locale,
  extra: { params?: Record<string, string | number>; fields?: ProblemField[]; instance?: string; requestId?: string },
): Problem {
  const catalogue = errorCatalogues[locale] as Record<string, unknown>;
  const en = errorCatalogues.en as Record<string, unknown>;
  const template = (catalogue[code] ?? en[code] ?? code) as string;
  return {
    type: `https://keqing.dev/problems/${code}`,
    title: code,
    status: ERROR_STATUS[code],
    code,
    detail: interpolate(template, extra.params),
    instance: extra.instance,
    requestId: extra.requestId,
    fields: extra.fields,
    params: extra.params && Object.keys(extra.params).length ? extra.params : undefined,
  };
}

function sendProblem(reply: FastifyReply, problem: Problem, headers?: Record<string, string>) {
  if (headers) reply.headers(headers);
  return reply.status(problem.status).type('application/problem+json').send(problem);
}

// Zod's own messages are clear English; we pass them through and add a stable per-field code.
function zodFields(error: FastifyError): ProblemField[] {
  const validation = (error.validation ?? []) as Array<{
    instancePath?: string;
    keyword?: string;
    message?: string;
    params?: { issue?: { path?: PropertyKey[]; code?: string; message?: string } };
  }>;
  const context = (error.validationContext as string | undefined) ?? 'body';
  return validation.map((v) => {
    const issue = v.params?.issue;
    const path = issue?.path?.map(String).join('.') ?? (v.instancePath ?? '').replace(/^\//, '').replace(/\//g, '.');
    return {
      field: path ? `${context}.${path}` : context,
      // fastify-type-provider-zod puts the zod issue code (too_small, invalid_format…) in `keyword`.
      code: issue?.code ?? v.keyword ?? 'invalid',
      message: issue?.message ?? v.message ?? 'Invalid value',
    };
  });
}

export function registerErrorHandling(app: FastifyInstance) {
  app.setErrorHandler((error: FastifyError, req, reply) => {
    const locale = requestLocale(req);
    const base = { instance: req.url.split('?')[0], requestId: req.id };
    if (error instanceof AppError) {
      return sendProblem(
        reply,
        problemFor(error.code, locale, { ...base, params: error.params, fields: error.fields }),
        error.headers,
      );
    }
    if (hasZodFastifySchemaValidationErrors(error) || error.validation) {
      return sendProblem(reply, problemFor('validation_failed', locale, { ...base, fields: zodFields(error) }));
    }
    if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
      return sendProblem(reply, problemFor('payload_too_large', locale, base));
    }
    if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
      // Malformed JSON, wrong content type and similar client mistakes from Fastify itself.
      return sendProblem(reply, problemFor('bad_request', locale, base));
    }
    if (isResponseSerializationError(error)) {
      req.log.error(
        { err: { message: error.message, issues: error.cause?.issues } },
        'response did not match its schema',
      );
    } else {
      req.log.error({ err: { message: error.message, stack: error.stack, code: error.code } }, 'unhandled error');
    }
    return sendProblem(reply, problemFor('internal', locale, base));
  });

  app.setNotFoundHandler((req, reply) =>
    sendProblem(
      reply,
      problemFor('not_found', requestLocale(req), { instance: req.url.split('?')[0], requestId: req.id }),
    ),
  );
}
