// keqing outbox send: drain the outbox once with the configured SMTP server and SMS gateway — the same
// sender the server runs every few seconds. For cron-style set-ups, and to flush the queue by hand.
import type { Command } from 'commander';
import { withDatabase } from './context';

export function registerOutboxCommands(program: Command) {
  const outbox = program.command('outbox').description('the outbox of e-mails and SMS');
  outbox
    .command('send')
    .description('send every message that is due now, then exit')
    .option('--lease-seconds <n>', 'how long a claimed message is reserved for this sender', '300')
    .option('--json', 'print the result as JSON')
    .action(async (opts: { leaseSeconds: string; json?: boolean }) => {
      const leaseSeconds = Number(opts.leaseSeconds);
      if (!Number.isInteger(leaseSeconds) || leaseSeconds < 1 || leaseSeconds > 3600) {
        console.error('--lease-seconds must be a whole number of seconds between 1 and 3600');
        process.exit(2);
      }
      // Loaded here, not at start-up: the mail library is not needed by every other command.
      const { configuredChannels, runOutboxOnce } = await import('../server/modules/messaging/outbox.sender');
      const { senderOptionsFrom } = await import('../server/modules/messaging/outbox.job');
      await withDatabase(async ({ config, database }) => {
        const options = senderOptionsFrom(config.messaging, { leaseSeconds });
        const channels = configuredChannels(options);
        if (!channels.length) {
          console.error(
            'Nothing can be sent: set KEQING_SMTP_URL, KEQING_MAIL_FROM and KEQING_PUBLIC_URL for e-mail, or KEQING_SMS_URL for SMS.',
          );
          process.exit(2);
        }
        try {
          const summary = await runOutboxOnce(database.db, options);
          if (opts.json) console.log(JSON.stringify({ channels, ...summary }));
          else
            console.log(
              `Sent ${summary.sent}, to retry ${summary.retried}, failed ${summary.failed}, cancelled ${summary.cancelled} (channels: ${channels.join(', ')}).`,
            );
        } finally {
          options.transports.email?.close();
        }
      });
    });
}
