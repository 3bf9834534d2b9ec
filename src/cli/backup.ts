// keqing backup FILE | keqing restore FILE
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Command } from 'commander';
import { loadConfig } from '../server/config';
import { openDatabase } from '../server/db/client';
import { RestoreError, restoreBackup, writeBackup } from '../server/db/backup';
import { organizations } from '../server/db/schema';
import { recordAudit } from '../server/modules/audit/audit.service';

const total = (counts: Record<string, number>) => Object.values(counts).reduce((a, b) => a + b, 0);

export function registerBackupCommands(program: Command) {
  program
    .command('backup')
    .argument('<file>', 'where to write the snapshot (gzip)')
    .description('write a consistent snapshot of the whole database to FILE')
    .action(async (file: string) => {
      const config = loadConfig();
      const database = await openDatabase({ url: config.databaseUrl, dataDir: config.dataDir, poolSize: 2 });
      try {
        await database.migrate();
        const summary = await writeBackup(database.db, resolve(file));
        const [org] = await database.db.select().from(organizations).limit(1);
        if (org)
          await recordAudit(database.db, {
            orgId: org.orgId,
            action: 'backup.created',
            details: { rows: total(summary.tables), via: 'cli' },
          });
        console.log(
          `Backup written to ${summary.file}: ${total(summary.tables)} rows in ${Object.keys(summary.tables).length} tables.`,
        );
      } finally {
        await database.close();
      }
    });

  program
    .command('restore')
    .argument('<file>', 'a snapshot written by `keqing backup`')
    .description('bring a snapshot back into an empty data folder or database')
    .action(async (file: string) => {
      if (!existsSync(file)) {
        console.error(`No such file: ${file}`);
        process.exit(2);
      }
      const config = loadConfig();
      const database = await openDatabase({ url: config.databaseUrl, dataDir: config.dataDir, poolSize: 2 });
      try {
        await database.migrate();
        const counts = await restoreBackup(database.db, resolve(file));
        const [org] = await database.db.select().from(organizations).limit(1);
        if (org)
          await recordAudit(database.db, {
            orgId: org.orgId,
            action: 'backup.restored',
            details: { rows: total(counts), via: 'cli' },
          });
        console.log(`Restored ${total(counts)} rows in ${Object.keys(counts).length} tables from ${file}.`);
      } catch (err) {
        if (err instanceof RestoreError) {
          console.error(err.message);
          process.exit(2);
        }
        throw err;
      } finally {
        await database.close();
      }
    });
}
