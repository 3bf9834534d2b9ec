// keqing import customers FILE --store CODE [--dry-run] [--json]
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import type { Command } from 'commander';
import { eq } from 'drizzle-orm';
import type { ImportSummary } from '../contracts/imports';
import { stores } from '../server/db/schema';
import { AppError } from '../server/errors';
import { recordAudit } from '../server/modules/audit/audit.service';
import type { Actor } from '../server/modules/customers/customers.service';
import {
  encodingHintFor,
  importCustomers,
  mappingProblems,
  proposeMapping,
  readTable,
  UnreadableFileError,
} from '../server/modules/imports';
import { findStoreByCode } from '../server/modules/org/stores.service';
import { withDatabase, type CliContext } from './context';
import { registerPurchaseImport } from './import-purchases';

type Options = { store: string; dryRun?: boolean; json?: boolean };

const BAR_WIDTH = 30;

/** A one-line bar redrawn with \r on a terminal's stderr; nothing when stderr is not a terminal. */
function progressBar() {
  if (!process.stderr.isTTY) return { update: () => {}, done: () => {} };
  let last = -1;
  return {
    update(processed: number, total: number) {
      const share = total ? processed / total : 1;
      const percent = Math.floor(share * 100);
      if (percent === last) return;
      last = percent;
      const filled = Math.round(share * BAR_WIDTH);
      process.stderr.write(
        `\r[${'#'.repeat(filled)}${'.'.repeat(BAR_WIDTH - filled)}] ${String(percent).padStart(3)}%  ${processed}/${total} rows`,
      );
    },
    done: () => process.stderr.write('\n'),
  };
}

function readable(s: ImportSummary, dryRun: boolean): string {
  const lines = [
    `${dryRun ? 'Dry run (nothing written): would create' : 'Created'} ${s.created}, ${dryRun ? 'update' : 'updated'} ${s.updated}, unchanged ${s.unchanged}, rejected ${s.rejected.length}.`,
  ];
  for (const r of s.rejected) lines.push(`  line ${r.line}, ${r.field}: ${r.message}`);
  return lines.join('\n');
}

function stop(message: string): void {
  console.error(message);
  process.exitCode = 2;
}

async function importCustomersCommand(file: string, opts: Options) {
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (err) {
    return stop(
      `Cannot read ${file}: ${(err as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (err as Error).message}`,
    );
  }
  // --json promises machine-readable stdout: set-up messages of a first start go to stderr instead.
  const log = console.log;
  if (opts.json) console.log = console.error;
  try {
    await withDatabase((ctx) => run(ctx, file, bytes, opts, log));
  } finally {
    console.log = log;
  }
}

async function run(
  { database, orgId }: CliContext,
  file: string,
  bytes: Buffer,
  opts: Options,
  print: (line: string) => void,
) {
  const db = database.db;
  const store = await findStoreByCode(db, orgId, opts.store);
  if (!store) return stop(`Unknown store code: ${opts.store}`);
  let table;
  try {
    table = await readTable(bytes, basename(file), encodingHintFor(store.country));
  } catch (err) {
    if (err instanceof UnreadableFileError) return stop(`Cannot read ${file}: ${err.message}`);
    throw err;
  }
  const mapping = proposeMapping(table.headers);
  const problems = mappingProblems(mapping);
  if (problems.length)
    return stop(`Cannot import ${file}:\n  ${problems.join('\n  ')}\nColumns: ${table.headers.join(', ')}`);
  const allStores = await db.select({ id: stores.id }).from(stores).where(eq(stores.orgId, orgId));
  const actor: Actor = { principal: null, userId: null, orgId, storeIds: allStores.map((s) => s.id) };
  const bar = progressBar();
  const started = performance.now();
  const summary = await importCustomers(db, actor, table, {
    storeId: store.id,
    mapping,
    dryRun: Boolean(opts.dryRun),
    onProgress: (n, total) => bar.update(n, total),
  }).catch((err: unknown) => {
    bar.done();
    if (err instanceof AppError) {
      stop(`Cannot import ${file}: ${err.params.reason ?? err.fields?.map((f) => f.message).join('; ') ?? err.code}`);
      return null;
    }
    throw err;
  });
  if (!summary) return;
  bar.done();
  const seconds = (performance.now() - started) / 1000;
  if (!opts.dryRun) {
    await recordAudit(db, {
      orgId,
      action: 'customers.imported',
      storeId: store.id,
      details: {
        created: summary.created,
        updated: summary.updated,
        unchanged: summary.unchanged,
        rejected: summary.rejected.length,
        format: table.format,
        encoding: table.encoding,
        via: 'cli',
      },
    });
  }
  // The documented shape: reason codes are for the web app's translations.
  if (opts.json)
    print(
      JSON.stringify({
        ...summary,
        rejected: summary.rejected.map(({ line, field, message }) => ({ line, field, message })),
      }),
    );
  else {
    const columns = table.headers.map((h, i) => `${h} → ${mapping[i]}`).join(', ');
    print(
      `${table.format.toUpperCase()}${table.encoding ? ` (${table.encoding})` : ''}, ${table.rows.length} rows in ${seconds.toFixed(1)} s. Columns: ${columns}`,
    );
    print(readable(summary, Boolean(opts.dryRun)));
  }
}

export function registerImportCommands(program: Command) {
  const importCommand = program.command('import').description('import data from a spreadsheet');
  importCommand
    .command('customers')
    .argument('<file>', 'CSV (UTF-8, GB18030/GBK, Big5 or Shift_JIS — detected) or XLSX (first sheet)')
    .requiredOption('--store <code>', 'store the new customers belong to; its country reads national phone numbers')
    .option('--dry-run', 'check every row and print the summary without writing anything')
    .option(
      '--json',
      'print the summary as JSON: {"created","updated","unchanged","rejected":[{"line","field","message"}]}',
    )
    .description(
      'import customers; rows match existing customers by member number, then phone, then e-mail, so importing twice creates nothing new',
    )
    .action(importCustomersCommand);
  registerPurchaseImport(importCommand);
}
