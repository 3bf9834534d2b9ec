// keqing demo [--customers N] [--purchases M] [--stores S] [--seed X]
import type { Command } from 'commander';
import { z } from 'zod';
import { stores } from '../server/db/schema';
import { generateDemo } from '../server/demo/generate';
import { recordAudit } from '../server/modules/audit/audit.service';
import { withDatabase } from './context';
import { sql } from 'drizzle-orm';

const optionsSchema = z.object({
  customers: z.coerce.number().int().min(1).max(2_000_000),
  purchases: z.coerce.number().int().min(0).max(20_000_000),
  stores: z.coerce.number().int().min(1).max(7),
  seed: z.coerce
    .number()
    .int()
    .min(0)
    .max(2 ** 31),
});

export function registerDemoCommands(program: Command) {
  program
    .command('demo')
    .description(
      'load a deterministic synthetic brand: stores in China, Taiwan and Japan, staff, customers, purchases, salon visits, repairs',
    )
    .option('--customers <n>', 'how many customers', '300')
    .option('--purchases <n>', 'how many purchase lines', '2000')
    .option('--stores <n>', 'how many stores (1 = only MAIN; up to 7)', '1')
    .option('--seed <n>', 'random seed: the same seed gives the same brand', '1')
    .action(async (raw: Record<string, string>) => {
      const parsed = optionsSchema.safeParse(raw);
      if (!parsed.success) {
        console.error(parsed.error.issues.map((i) => `  --${String(i.path[0])}: ${i.message}`).join('\n'));
        process.exit(2);
      }
      const opts = parsed.data;
      await withDatabase(async ({ database, orgId }) => {
        const [main] = await database.db
          .select()
          .from(stores)
          .where(sql`org_id = ${orgId} and code = 'MAIN'`);
        if (!main) throw new Error('The MAIN store is missing');
        const tty = process.stderr.isTTY;
        const started = Date.now();
        const summary = await generateDemo(database.db, orgId, main.id, {
          ...opts,
          onProgress: (stage, done, total) => {
            if (tty) process.stderr.write(`\r${stage}: ${done.toLocaleString()} / ${total.toLocaleString()}   `);
          },
        });
        if (tty) process.stderr.write('\n');
        const { seedDemoCare } = await import('../server/demo/care');
        const care = await seedDemoCare(database, orgId);
        await recordAudit(database.db, { orgId, action: 'demo.loaded', details: { ...opts, via: 'cli' } });
        // Classes, lapse and worth for the new brand at once, rather than after the nightly run.
        const { runRecompute } = await import('../server/modules/metrics/recompute.job');
        await runRecompute(database, orgId);
        console.log(
          `Demo brand loaded in ${((Date.now() - started) / 1000).toFixed(1)} s: ${summary.stores} stores, ${summary.staff} staff, ${summary.customers} customers, ` +
            `${summary.receipts} receipts (${summary.lines} lines, ${summary.returns} returns), ${summary.visits} salon visits, ${summary.repairs} repairs, ` +
            `${summary.tags} tags on ${summary.tagged} customers.`,
        );
        console.log(`Care tasks for today: ${care.tasks} (${care.created} reasons), each guide has a list.`);
        console.log(`Staff accounts: demo${opts.seed}-s<store>-<n>@example.com, password ${summary.staffPassword}`);
      });
    });
}
