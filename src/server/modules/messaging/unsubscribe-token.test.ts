import { randomBytes, randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createRateLimiter } from './unsubscribe.routes';
import { parseUnsubscribeToken, signUnsubscribeToken, verifyUnsubscribeToken } from './unsubscribe-token';

const claimArb = fc.record({
  customerId: fc.uuid(),
  channel: fc.constantFrom('email' as const, 'sms' as const, 'phone' as const, 'messaging' as const, 'post' as const),
  purpose: fc.constantFrom('care' as const, 'marketing' as const),
  locale: fc.constantFrom('zh-CN' as const, 'zh-TW' as const, 'ja' as const, 'en' as const),
});

describe('unsubscribe tokens', () => {
  it('are 48 URL-safe characters and carry customer, channel, purpose and locale', () => {
    const key = randomBytes(32);
    fc.assert(
      fc.property(claimArb, (claim) => {
        const token = signUnsubscribeToken(key, claim);
        expect(token).toMatch(/^[A-Za-z0-9_-]{48}$/);
        expect(verifyUnsubscribeToken(key, token)).toEqual(claim);
      }),
    );
  });

  it('refuse another key, any changed character, and garbage', () => {
    const key = randomBytes(32);
    const other = randomBytes(32);
    fc.assert(
      fc.property(claimArb, fc.nat(47), fc.constantFrom(...'ABCabc019-_'), (claim, at, ch) => {
        const token = signUnsubscribeToken(key, claim);
        expect(verifyUnsubscribeToken(other, token)).toBeNull();
        const changed = `${token.slice(0, at)}${ch}${token.slice(at + 1)}`;
        if (changed === token) return;
        // 36 bytes fill 48 base64url characters exactly: every character counts.
        expect(verifyUnsubscribeToken(key, changed)).toBeNull();
      }),
    );
    expect(parseUnsubscribeToken('')).toBeNull();
    expect(parseUnsubscribeToken('a'.repeat(47))).toBeNull();
    expect(parseUnsubscribeToken('a'.repeat(48))).toBeNull(); // wrong version byte
    expect(() =>
      signUnsubscribeToken(key, { customerId: 'nope', channel: 'email', purpose: 'care', locale: 'en' }),
    ).toThrow();
  });

  it('differ per customer, channel and purpose', () => {
    const key = randomBytes(32);
    const customerId = randomUUID();
    const tokens = new Set(
      (['email', 'sms'] as const).flatMap((channel) =>
        (['care', 'marketing'] as const).map((purpose) =>
          signUnsubscribeToken(key, { customerId, channel, purpose, locale: 'en' }),
        ),
      ),
    );
    expect(tokens.size).toBe(4);
  });
});

describe('rate limiter', () => {
  it('allows a burst per address and window, then refuses with the seconds left', () => {
    const limit = createRateLimiter({ windowMs: 60_000, perAddress: 3 });
    const t0 = 1_000_000;
    expect([1, 2, 3].map(() => limit('a', t0).ok)).toEqual([true, true, true]);
    expect(limit('a', t0 + 10_000)).toEqual({ ok: false, retryAfterSeconds: 50 });
    expect(limit('b', t0 + 10_000).ok).toBe(true);
    expect(limit('a', t0 + 60_001).ok).toBe(true);
  });
});
