// The one way the web app talks to the API: JSON in and out, the CSRF header on writes, the UI language
// in Accept-Language, and problem+json turned into an ApiError with a closed code.
import type { z } from 'zod';
import { ERROR_STATUS, problemSchema, type ErrorCode, type Problem, type ProblemField } from '../../contracts/errors';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly problem: Problem,
  ) {
    super(problem.detail);
    this.name = 'ApiError';
  }
  get code(): ErrorCode {
    return this.problem.code;
  }
  get fields(): ProblemField[] {
    return this.problem.fields ?? [];
  }
  get params(): Record<string, string | number> {
    return this.problem.params ?? {};
  }
}

export function isApiError(e: unknown): e is ApiError {
  return e instanceof ApiError;
}

let csrfToken: string | null = null;
let language = 'en';

/** Set from `Me.csrfToken` whenever the session is (re)loaded. */
export function setCsrfToken(token: string | null) {
  csrfToken = token;
}
export function setRequestLanguage(lng: string) {
  language = lng;
}

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
type Query = Record<string, string | number | boolean | undefined | null>;
export type RequestOptions = { method?: Method; body?: unknown; query?: Query; signal?: AbortSignal };

function withQuery(path: string, query?: Query): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) {
    if (v !== undefined && v !== null && v !== '') params.set(k, String(v));
  }
  const qs = params.toString();
  return qs ? `${path}?${qs}` : path;
}

function fallbackProblem(status: number, path: string): Problem {
  const code: ErrorCode =
    status === 401
      ? 'unauthenticated'
      : status === 403
        ? 'forbidden'
        : status === 404
          ? 'not_found'
          : status === 429
            ? 'rate_limited'
            : status >= 500
              ? status === 503
                ? 'unavailable'
                : 'internal'
              : 'bad_request';
  return { type: 'about:blank', title: code, status: ERROR_STATUS[code], code, detail: code, instance: path };
}

async function toApiError(res: Response, path: string): Promise<ApiError> {
  const type = res.headers.get('content-type') ?? '';
  if (type.includes('json')) {
    const parsed = problemSchema.safeParse(await res.json().catch(() => null));
    if (parsed.success) return new ApiError(res.status, parsed.data);
  }
  return new ApiError(res.status, fallbackProblem(res.status, path));
}

/** Calls the API and validates the answer with the contract's schema, so callers get its exact type. */
export async function apiRequest<S extends z.ZodType>(
  schema: S,
  path: string,
  opts: RequestOptions = {},
): Promise<z.output<S>> {
  const method = opts.method ?? 'GET';
  const headers: Record<string, string> = { accept: 'application/json', 'accept-language': language };
  if (opts.body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;
  const url = withQuery(path, opts.query);
  let res: Response;
  try {
    res = await fetch(url, {
      method,
      headers,
      body: opts.body === undefined ? undefined : JSON.stringify(opts.body),
      credentials: 'same-origin',
      signal: opts.signal,
    });
  } catch (err) {
    if (err instanceof DOMException && err.name === 'AbortError') throw err;
    throw new ApiError(0, { ...fallbackProblem(503, path), status: 0 });
  }
  if (!res.ok) throw await toApiError(res, path);
  return schema.parse(await res.json());
}
