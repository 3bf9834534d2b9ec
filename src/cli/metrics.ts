// keqing recompute: metrics, classes and worth for every customer now (what the nightly job does);
// keqing clv fit: the BG/NBD + Gamma-Gamma parameters on the purchases up to a date, in weeks.
import type { Command } from 'commander';
import { withDatabase } from './context';

const round = (v: number, digits = 6) => Number(v.toPrecision(digits));

export function registerMetricsCommands(program: Command) {
  program
    .command('recompute')
    .description('recompute metrics, classes and customer worth for the whole organisation now')
    .option('--org <id>', 'organisation id (single-organisation installs need not give it)')
    .option('--as-of <date>', 'compute as if today were YYYY-MM-DD (default: each store’s today)')
    .option('--json', 'print the result as JSON')
    .action(async (opts: { org?: string; asOf?: string; json?: boolean }) => {
      if (opts.asOf && !/^\d{4}-\d{2}-\d{2}$/.test(opts.asOf)) {
        console.error('--as-of must be a date YYYY-MM-DD');
        process.exit(2);
      }
      const { runRecomputeLocked } = await import('../server/modules/metrics/recompute.job');
      await withDatabase(async ({ database, orgId }) => {
        if (opts.org && opts.org !== orgId) {
          console.error(`Unknown organisation ${opts.org}.`);
          process.exit(2);
        }
        const result = await runRecomputeLocked(database, orgId, {
          asOf: opts.asOf,
          onProgress: (step, detail) => {
            if (!opts.json) console.error(`  ${step} (${String(detail?.ms ?? 0)} ms)`);
          },
        });
        if (!result) {
          console.error('Another recompute is running; try again when it has finished.');
          process.exit(3);
        }
        if (opts.json) console.log(JSON.stringify(result));
        else {
          console.log(`Recomputed ${result.customers} customers in ${result.ms} ms.`);
          for (const m of result.models)
            console.log(
              `  worth model ${m.currency}: ${m.status}${m.reason ? ` (${m.reason})` : ''}, ${m.customers} buyers`,
            );
        }
      });
    });

  const clv = program.command('clv').description('customer lifetime value models');
  clv
    .command('fit')
    .description('fit BG/NBD and Gamma-Gamma on the purchases up to a date (time in weeks, spend in major units)')
    .option('--store <code>', 'only this store’s purchases')
    .option('--until <date>', 'last day of the calibration period, YYYY-MM-DD (default: today)')
    .option('--json', 'print the parameters as JSON')
    .action(async (opts: { store?: string; until?: string; json?: boolean }) => {
      if (opts.until && !/^\d{4}-\d{2}-\d{2}$/.test(opts.until)) {
        console.error('--until must be a date YYYY-MM-DD');
        process.exit(2);
      }
      const { fitClvReport, ClvFitInputError } = await import('../server/modules/metrics/clv-fit');
      await withDatabase(async ({ database, orgId }) => {
        let report;
        try {
          report = await fitClvReport(database.db, orgId, { storeCode: opts.store, until: opts.until });
        } catch (err) {
          if (err instanceof ClvFitInputError) {
            console.error(err.message);
            process.exit(2);
          }
          throw err;
        }
        if (report.status !== 'ok') {
          console.error(
            `Not enough data to fit: ${report.customers} buyers, ${report.repeatCustomers} repeat buyers (${report.reason}).`,
          );
          process.exit(3);
        }
        const { bgnbd: b, gammagamma: g } = report;
        const out = {
          customers: report.customers,
          bgnbd: { r: round(b.r), alpha: round(b.alpha), a: round(b.a), b: round(b.b), loglik: round(b.loglik, 8) },
          gammagamma: { p: round(g.p), q: round(g.q), gamma: round(g.gamma) },
        };
        if (opts.json) console.log(JSON.stringify(out));
        else
          console.log(
            `${out.customers} customers up to ${report.until} (${report.currency}).\n` +
              `BG/NBD: r ${out.bgnbd.r}, alpha ${out.bgnbd.alpha}, a ${out.bgnbd.a}, b ${out.bgnbd.b}, log-likelihood ${out.bgnbd.loglik}\n` +
              `Gamma-Gamma: p ${out.gammagamma.p}, q ${out.gammagamma.q}, gamma ${out.gammagamma.gamma}`,
          );
      });
    });
}
