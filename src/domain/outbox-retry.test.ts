import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  classifyHttpStatus,
  classifySmtpError,
  DEFAULT_RETRY,
  nextStep,
  retryDelaySeconds,
  sanitizeError,
  type RetryPolicy,
} from './outbox-retry';

const policy: RetryPolicy = { baseSeconds: 60, maxSeconds: 3600, maxAttempts: 5 };

describe('back-off', () => {
  it('doubles from the base and stops at the cap (without jitter: the upper bound)', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8].map((a) => retryDelaySeconds(a, policy, () => 1))).toEqual([
      60, 120, 240, 480, 960, 1920, 3600, 3600,
    ]);
    expect(retryDelaySeconds(1, policy, () => 0)).toBe(30);
  });

  it('stays between half and all of the capped exponential delay, never below a second', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 200 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.integer({ min: 1, max: 600 }),
        fc.integer({ min: 1, max: 86_400 }),
        (attempt, r, base, cap) => {
          const p = { baseSeconds: base, maxSeconds: Math.max(base, cap), maxAttempts: 10 };
          const full = Math.min(p.maxSeconds, base * 2 ** (attempt - 1));
          const d = retryDelaySeconds(attempt, p, () => r);
          expect(d).toBeGreaterThanOrEqual(Math.max(1, Math.floor(full / 2)));
          expect(d).toBeLessThanOrEqual(Math.ceil(full));
        },
      ),
    );
  });
});

describe('nextStep', () => {
  const transient = { kind: 'transient' as const, error: '421 try later' };
  it('sends once accepted, retries transient errors until the last attempt, fails permanent ones at once', () => {
    expect(nextStep({ kind: 'accepted', providerId: null }, 1, policy)).toEqual({ status: 'sent' });
    expect(nextStep(transient, 1, policy, () => 1)).toEqual({ status: 'queued', delaySeconds: 60 });
    expect(nextStep(transient, 4, policy, () => 1)).toEqual({ status: 'queued', delaySeconds: 480 });
    expect(nextStep(transient, 5, policy)).toEqual({ status: 'failed' });
    expect(nextStep({ kind: 'permanent', error: '550 no such user' }, 1, policy)).toEqual({ status: 'failed' });
  });

  it('waits at least as long as the gateway asks, within the cap', () => {
    expect(nextStep({ ...transient, retryAfterSeconds: 900 }, 1, policy, () => 1)).toEqual({
      status: 'queued',
      delaySeconds: 900,
    });
    expect(nextStep({ ...transient, retryAfterSeconds: 99_999 }, 1, policy, () => 1)).toEqual({
      status: 'queued',
      delaySeconds: 3600,
    });
  });

  it('never makes more than maxAttempts attempts, whatever the errors', () => {
    fc.assert(
      fc.property(fc.array(fc.boolean(), { minLength: 1, maxLength: 40 }), (permanents) => {
        let attempts = 0;
        for (const permanent of permanents) {
          attempts++;
          const step = nextStep(
            permanent ? { kind: 'permanent', error: 'x' } : { kind: 'transient', error: 'x' },
            attempts,
            DEFAULT_RETRY,
          );
          if (step.status !== 'queued') break;
        }
        expect(attempts).toBeLessThanOrEqual(DEFAULT_RETRY.maxAttempts);
      }),
    );
  });
});

describe('classification', () => {
  it('SMTP: 5xx permanent, 4xx and network errors transient', () => {
    expect(classifySmtpError({ responseCode: 550 })).toBe('permanent');
    expect(classifySmtpError({ responseCode: 451 })).toBe('transient');
    expect(classifySmtpError({ code: 'ECONNREFUSED' })).toBe('transient');
    expect(classifySmtpError({ code: 'ETIMEDOUT' })).toBe('transient');
    expect(classifySmtpError({ code: 'EENVELOPE' })).toBe('permanent');
    // nodemailer calls a refusal after DATA 'EMESSAGE'; the reply code decides.
    expect(classifySmtpError({ code: 'EMESSAGE', responseCode: 451 })).toBe('transient');
    expect(classifySmtpError({ code: 'EMESSAGE', responseCode: 554 })).toBe('permanent');
  });

  it('HTTP: 2xx accepted; 408, 425, 429 and 5xx transient; other 4xx permanent', () => {
    expect([200, 201, 202, 400, 401, 404, 408, 409, 422, 425, 429, 500, 502, 503].map(classifyHttpStatus)).toEqual([
      'accepted',
      'accepted',
      'accepted',
      'permanent',
      'permanent',
      'permanent',
      'transient',
      'permanent',
      'permanent',
      'transient',
      'transient',
      'transient',
      'transient',
      'transient',
    ]);
  });
});

describe('sanitizeError', () => {
  it('removes the addresses and numbers SMTP servers and gateways quote', () => {
    expect(sanitizeError('550 5.1.1 <wang.li@example.com>: Recipient address rejected')).toBe(
      '550 5.1.1 <<address>>: Recipient address rejected',
    );
    expect(sanitizeError('invalid destination +86 138-0013-8000\r\n')).toBe('invalid destination <number>');
    expect(sanitizeError('x'.repeat(1000))).toHaveLength(300);
  });

  it('never lets an e-mail address or a phone-length digit run through', () => {
    fc.assert(
      fc.property(
        fc.string({ maxLength: 40 }),
        fc.emailAddress(),
        fc.stringMatching(/^\+?[1-9]\d{6,14}$/),
        fc.string({ maxLength: 40 }),
        (a, email, phone, b) => {
          const out = sanitizeError(`${a} ${email} ${b} ${phone} ${a}`);
          expect(out).not.toContain(email);
          expect(out.replace(/\D+/g, ' ')).not.toMatch(new RegExp(phone.replace('+', '\\+').slice(-7)));
        },
      ),
    );
  });
});
