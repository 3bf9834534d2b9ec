// keqing tiers review [--as-of YYYY-MM-DD] [--dry-run] [--json]: the yearly VIP tier review — the same
// one the server runs daily. Members below their tier's rule move down only once the review date plus
// the grace period has come; before that (or with --dry-run) it reports who would.
import type { Command } from 'commander';
import { withDatabase } from './context';

export function registerTiersCommands(program: Command) {
  const tiers = program.command('tiers').description('the VIP programme tiers');
  tiers
    .command('review')
    .description('run the yearly tier review (downgrades after the grace period; idempotent)')
    .option('--as-of <date>', 'review as of this date (YYYY-MM-DD), default today')
    .option('--dry-run', 'only report who would move down')
    .option('--json', 'print the result as JSON')
    .action(async (opts: { asOf?: string; dryRun?: boolean; json?: boolean }) => {
      if (opts.asOf && !/^\d{4}-\d{2}-\d{2}$/.test(opts.asOf)) {
        console.error('--as-of must be a date such as 2027-01-31');
        process.exit(2);
      }
      const { reviewTiers } = await import('../server/modules/loyalty/loyalty.service');
      const { recordAudit } = await import('../server/modules/audit/audit.service');
      await withDatabase(async ({ database, orgId }) => {
        const r = await reviewTiers(database.db, orgId, { asOf: opts.asOf, dryRun: !!opts.dryRun });
        if (!opts.dryRun)
          await recordAudit(database.db, {
            orgId,
            action: 'tier.reviewed',
            details: { reviewDate: r.reviewDate, downgraded: r.downgraded, inGrace: r.inGrace, via: 'cli' },
          });
        if (opts.json) return console.log(JSON.stringify(r));
        const head = `Review of ${r.reviewDate} (grace until ${r.effectiveOn})`;
        if (!r.due)
          console.log(`${head}: in the grace period; ${r.inGrace} member(s) would move down if nothing changes.`);
        else if (opts.dryRun)
          console.log(`${head}: ${r.downgraded} member(s) would move down (dry run, nothing changed).`);
        else console.log(`${head}: ${r.downgraded} member(s) moved down.`);
        for (const s of r.sample) console.log(`  ${s.displayName}: ${s.from} → ${s.to}`);
      });
    });
}
