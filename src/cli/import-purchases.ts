// keqing import purchases FILE --store CODE [--create-customers] [--dry-run] [--json]
import { constants } from 'node:fs';
import { access } from 'node:fs/promises';
import { basename } from 'node:path';
import type { Command } from 'commander';
import { eq } from 'drizzle-orm';
import { stores } from '../server/db/schema';
import { AppError } from '../server/errors';
import { recordAudit } from '../server/modules/audit/audit.service';
import type { Actor } from '../server/modules/customers/customers.service';
import { encodingHintFor, UnreadableFileError } from '../server/modules/imports';
import { openTableStream } from '../server/modules/imports/stream-table';
import { importPurchases } from '../server/modules/imports/purchases/purchase-import';
import { findStoreByCode } from '../server/modules/org/stores.service';
import { withDatabase } from './context';

type Options = { store: string; createCustomers?: boolean; dryRun?: boolean; json?: boolean };

function fail(message: string) {
  console.error(message);
  process.exitCode = 2;
}

async function importPurchasesCommand(file: string, opts: Options) {
  try {
    await access(file, constants.R_OK);
  } catch (err) {
    return fail(
      `Cannot read ${file}: ${(err as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (err as Error).message}`,
    );
  }
  const print = console.log;
  if (opts.json) console.log = console.error; // keep stdout machine-readable
  try {
    await withDatabase(async ({ database, orgId }) => {
      const db = database.db;
      const store = await findStoreByCode(db, orgId, opts.store);
      if (!store) return fail(`Unknown store code: ${opts.store}`);
      let table;
      try {
        table = await openTableStream(file, basename(file), encodingHintFor(store.country));
      } catch (err) {
        if (err instanceof UnreadableFileError) return fail(`Cannot read ${file}: ${err.message}`);
        throw err;
      }
      const all = await db.select({ id: stores.id }).from(stores).where(eq(stores.orgId, orgId));
      const actor: Actor = { principal: null, userId: null, orgId, storeIds: all.map((s) => s.id) };
      const tty = process.stderr.isTTY;
      const started = performance.now();
      const summary = await importPurchases(db, actor, table, {
        storeId: store.id,
        createCustomers: Boolean(opts.createCustomers),
        dryRun: Boolean(opts.dryRun),
        onProgress: (done, total, phase) =>
          tty && process.stderr.write(`\r${phase} ${done}${total ? `/${total}` : ''}   `),
      }).catch((err: unknown) => {
        if (err instanceof AppError) {
          fail(`Cannot import ${file}: ${String(err.params.reason ?? err.code)}`);
          return null;
        }
        throw err;
      });
      if (tty) process.stderr.write('\n');
      if (!summary) return;
      const seconds = (performance.now() - started) / 1000;
      if (!opts.dryRun) {
        await recordAudit(db, {
          orgId,
          action: 'purchases.imported',
          storeId: store.id,
          details: {
            created: summary.created,
            unchanged: summary.unchanged,
            rejected: summary.rejected.length,
            lines: summary.lines,
            customersCreated: summary.customersCreated,
            via: 'cli',
          },
        });
      }
      if (opts.json) {
        const { created, updated, unchanged, rejected } = summary;
        print(JSON.stringify({ created, updated, unchanged, rejected }));
        return;
      }
      print(
        `${table.format.toUpperCase()}${table.encoding ? ` (${table.encoding})` : ''}, ${summary.rows} rows in ${seconds.toFixed(1)} s (${Math.round(summary.rows / Math.max(seconds, 0.001))} rows/s).`,
      );
      print(
        `${opts.dryRun ? 'Dry run (nothing written): would record' : 'Recorded'} ${summary.created} receipts (${summary.lines} lines), unchanged ${summary.unchanged}, rejected rows ${summary.rejected.length}${summary.customersCreated ? `, new customers ${summary.customersCreated}` : ''}.`,
      );
      for (const r of summary.rejected) print(`  line ${r.line}, ${r.field}: ${r.message}`);
    });
  } finally {
    console.log = print;
  }
}

export function registerPurchaseImport(importCommand: Command) {
  importCommand
    .command('purchases')
    .argument(
      '<file>',
      'POS export: one row per receipt line (receipt number repeated) or one row per receipt (receipt_no,member_no,date,amount)',
    )
    .requiredOption('--store <code>', 'the store the receipts belong to')
    .option('--create-customers', 'create a minimal customer for an unknown member number')
    .option('--dry-run', 'check every row and print the summary without writing anything')
    .option(
      '--json',
      'print {"created","updated","unchanged","rejected":[{"line","field","message"}]} (created = receipts)',
    )
    .description(
      'import purchases; a receipt number already recorded for the store is left unchanged, so importing twice creates nothing',
    )
    .action(importPurchasesCommand);
}
