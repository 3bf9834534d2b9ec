// The outbox sender as a background job: every few seconds, on every app instance (the claim's
// FOR UPDATE SKIP LOCKED and the lease keep instances apart, so no cluster-wide lock is taken).
import type { FastifyBaseLogger } from 'fastify';
import { loadConfig, type MessagingConfig } from '../../config';
import type { Database } from '../../db/client';
import type { Job } from '../../jobs/scheduler';
import { configuredChannels, runOutboxOnce, type SenderOptions } from './outbox.sender';
import { httpSmsGateway, smtpTransport } from './transports';

/** Sender options from the configuration: the transports that are configured, nothing else. */
export function senderOptionsFrom(config: MessagingConfig, extra: Partial<SenderOptions> = {}): SenderOptions {
  return {
    transports: {
      email: config.smtpUrl ? smtpTransport(config.smtpUrl) : undefined,
      sms: config.smsUrl ? httpSmsGateway({ url: config.smsUrl, token: config.smsToken }) : undefined,
    },
    mailFrom: config.mailFrom,
    publicUrl: config.publicUrl,
    ...extra,
  };
}

let options: SenderOptions | undefined;
let warned = false;

async function tick(database: Database, log: FastifyBaseLogger) {
  // The job list is static (jobs/index.ts); the environment is read once, at the first run.
  options ??= senderOptionsFrom(loadConfig().messaging);
  if (!configuredChannels(options).length) {
    if (!warned)
      log.info('outbox: no SMTP (with KEQING_MAIL_FROM and KEQING_PUBLIC_URL) or SMS gateway set; messages wait');
    warned = true;
    return;
  }
  const summary = await runOutboxOnce(database.db, options);
  if (summary.claimed) log.info({ outbox: summary }, 'outbox: sent what was due');
}

export const outboxJob: Job = {
  name: 'outbox-sender',
  everyMs: 5_000,
  firstDelayMs: 5_000,
  lock: 'process',
  run: tick,
};
