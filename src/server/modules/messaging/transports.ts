// How messages leave: e-mail through SMTP (nodemailer), SMS through a generic JSON HTTP gateway.
// Each transport answers with a SendResult (accepted / transient / permanent), never throws, and keeps
// its own timeouts well below the outbox lease, so a hung server cannot make two senders send one message.
import nodemailer from 'nodemailer';
import { classifyHttpStatus, classifySmtpError, sanitizeError, type SendResult } from '../../../domain/outbox-retry';

export type OutgoingEmail = {
  /** The Message-ID header without brackets: stable per outbox message, so a resend is recognisable. */
  messageId: string;
  from: string | { name: string; address: string };
  to: string;
  subject: string;
  text: string;
  headers: Record<string, string>;
};

export type EmailTransport = { send(mail: OutgoingEmail): Promise<SendResult>; close(): void };

const SMTP_TIMEOUTS = { connectionTimeout: 30_000, greetingTimeout: 30_000, socketTimeout: 60_000 };

/** SMTP from a URL: smtp://user:pass@host:587 (STARTTLS when offered) or smtps://host:465. */
export function smtpTransport(url: string): EmailTransport {
  const transporter = nodemailer.createTransport({
    url,
    ...SMTP_TIMEOUTS,
    // Message content is ours; never let it pull files or URLs into the mail.
    disableFileAccess: true,
    disableUrlAccess: true,
  });
  return {
    async send(mail) {
      try {
        const info = await transporter.sendMail({
          from: mail.from,
          to: mail.to,
          subject: mail.subject,
          text: mail.text,
          messageId: `<${mail.messageId}>`,
          headers: mail.headers,
        });
        return { kind: 'accepted', providerId: typeof info.response === 'string' ? info.response.slice(0, 200) : null };
      } catch (err) {
        const e = err as Error & { responseCode?: number; code?: string; response?: string };
        const error = sanitizeError(`${e.code ?? 'SMTP'}: ${e.response ?? e.message}`);
        return classifySmtpError(e) === 'permanent' ? { kind: 'permanent', error } : { kind: 'transient', error };
      }
    },
    close: () => transporter.close(),
  };
}

export type OutgoingSms = {
  /** Sent as the `Idempotency-Key` header: the outbox message id, the same on every attempt. */
  idempotencyKey: string;
  /** E.164, e.g. +8613800138000. */
  to: string;
  text: string;
};

export type SmsTransport = { send(sms: OutgoingSms): Promise<SendResult> };

export type HttpSmsGatewayOptions = {
  url: string;
  token?: string;
  timeoutMs?: number;
  fetch?: typeof fetch;
};

/**
 * A generic JSON SMS gateway.
 *
 * Request: `POST <url>` with `Authorization: Bearer <token>`, `Content-Type: application/json`,
 * `Idempotency-Key: <outbox message id>` and the body `{"to":"+8613800138000","text":"…","reference":"<id>"}`.
 *
 * Response: any 2xx means accepted; a JSON body `{"id":"…"}` is kept as the provider's message id. A
 * gateway that has seen the Idempotency-Key before must answer 2xx again without sending a second SMS.
 * 408, 425, 429 and 5xx (and network errors or no answer within the timeout) are retried, honouring
 * `Retry-After` in seconds; any other 4xx is final.
 */
export function httpSmsGateway(opts: HttpSmsGatewayOptions): SmsTransport {
  const doFetch = opts.fetch ?? fetch;
  return {
    async send(sms) {
      let res: Response;
      try {
        res = await doFetch(opts.url, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            accept: 'application/json',
            'idempotency-key': sms.idempotencyKey,
            ...(opts.token ? { authorization: `Bearer ${opts.token}` } : {}),
          },
          body: JSON.stringify({ to: sms.to, text: sms.text, reference: sms.idempotencyKey }),
          signal: AbortSignal.timeout(opts.timeoutMs ?? 30_000),
        });
      } catch (err) {
        return { kind: 'transient', error: sanitizeError(`gateway unreachable: ${(err as Error).message}`) };
      }
      const raw = await res.text().catch(() => '');
      const verdict = classifyHttpStatus(res.status);
      if (verdict === 'accepted') {
        let id: string | null = null;
        try {
          const body = JSON.parse(raw) as { id?: unknown };
          if (typeof body.id === 'string' || typeof body.id === 'number') id = String(body.id).slice(0, 200);
        } catch {
          // a gateway may answer with an empty body
        }
        return { kind: 'accepted', providerId: id };
      }
      const error = sanitizeError(`HTTP ${res.status} ${raw.slice(0, 200)}`);
      if (verdict === 'permanent') return { kind: 'permanent', error };
      const retryAfter = Number(res.headers.get('retry-after'));
      return Number.isFinite(retryAfter) && retryAfter > 0
        ? { kind: 'transient', error, retryAfterSeconds: Math.min(retryAfter, 86_400) }
        : { kind: 'transient', error };
    },
  };
}
