// What the outbox does after an attempt: done, try again later (exponential back-off with jitter, up to
// a number of attempts), or give up. Also how a transport's answer is classified, and how an error text
// is cleaned of personal data before it is stored.

export type RetryPolicy = {
  /** Delay after the first failed attempt. */
  baseSeconds: number;
  /** The back-off never waits longer than this. */
  maxSeconds: number;
  /** Attempts in all, the first included; then the message is 'failed'. */
  maxAttempts: number;
};

/** 1 min, 2, 4, 8, 16: six attempts spread over about half an hour, then a manager sees it failed. */
export const DEFAULT_RETRY: RetryPolicy = { baseSeconds: 60, maxSeconds: 6 * 3600, maxAttempts: 6 };

/**
 * Seconds to wait after the `attempt`-th attempt failed (1-based): base·2^(attempt-1), capped, with
 * "equal jitter" (between half and all of it) so senders that failed together do not retry together.
 */
export function retryDelaySeconds(attempt: number, policy: RetryPolicy, random: () => number = Math.random): number {
  const exponent = Math.min(Math.max(attempt, 1) - 1, 30);
  const full = Math.min(policy.maxSeconds, policy.baseSeconds * 2 ** exponent);
  const r = Math.min(Math.max(random(), 0), 1);
  return Math.max(1, Math.round(full / 2 + (full / 2) * r));
}

export type SendResult =
  | { kind: 'accepted'; providerId: string | null }
  | { kind: 'transient'; error: string; retryAfterSeconds?: number }
  | { kind: 'permanent'; error: string };

export type NextStep = { status: 'sent' } | { status: 'queued'; delaySeconds: number } | { status: 'failed' };

/** After `attempts` attempts (this one included) ended with `result`. */
export function nextStep(
  result: SendResult,
  attempts: number,
  policy: RetryPolicy,
  random: () => number = Math.random,
): NextStep {
  if (result.kind === 'accepted') return { status: 'sent' };
  if (result.kind === 'permanent' || attempts >= policy.maxAttempts) return { status: 'failed' };
  const backOff = retryDelaySeconds(attempts, policy, random);
  const asked = result.retryAfterSeconds ?? 0;
  return { status: 'queued', delaySeconds: Math.min(policy.maxSeconds, Math.max(backOff, asked)) };
}

/**
 * An SMTP error: a 5xx reply is permanent (unknown mailbox, refused), a 4xx reply and anything below
 * the protocol (refused connection, timeout, TLS) is worth another try.
 */
export function classifySmtpError(err: { responseCode?: number; code?: string }): 'transient' | 'permanent' {
  if (typeof err.responseCode === 'number') return err.responseCode >= 500 ? 'permanent' : 'transient';
  // No reply code: nodemailer refused the envelope or message itself, which waiting will not mend.
  if (err.code === 'EENVELOPE' || err.code === 'EMESSAGE') return 'permanent';
  return 'transient';
}

/** An HTTP gateway's status: 2xx accepted; timeouts, throttling and server errors retried; other 4xx final. */
export function classifyHttpStatus(status: number): 'accepted' | 'transient' | 'permanent' {
  if (status >= 200 && status < 300) return 'accepted';
  if (status === 408 || status === 425 || status === 429 || status >= 500) return 'transient';
  return 'permanent';
}

const EMAIL = /[^\s<>]+@[^\s<>]+/g;
// Seven digits or more, with at most one separator between two digits ("550 5.1.1" stays).
const NUMBER = /\+?\d(?:[\s().-]?\d){6,}/g;

/**
 * An error text safe to store and show: e-mail addresses and phone-like numbers removed (SMTP servers
 * like to quote the recipient), control characters flattened, at most 300 characters.
 */
export function sanitizeError(text: string): string {
  return text
    .replace(EMAIL, '<address>')
    .replace(NUMBER, '<number>')
    .replace(/\p{Cc}+/gu, ' ')
    .trim()
    .slice(0, 300);
}
