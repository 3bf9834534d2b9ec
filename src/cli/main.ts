// The `keqing` command. It reads the same environment as the server (see README, Configuration).
import { Command } from 'commander';
import { ConfigError, loadConfig } from '../server/config';
import { DataDirLockedError } from '../server/db/lock';
import { registerAdminCommands } from './admin';
import { registerBackupCommands } from './backup';
import { registerImportCommands } from './import';
import { registerDemoCommands } from './demo';
import { registerOutboxCommands } from './outbox';
import { registerTiersCommands } from './tiers';
import { registerTaskCommands } from './tasks';
import { registerMetricsCommands } from './metrics';

const program = new Command();
program
  .name('keqing')
  .description('Keqing (客情): clienteling and VIP-customer management for specialty stores')
  .showHelpAfterError();

program
  .command('serve')
  .description('apply migrations, create the first organisation if needed, and serve the app and API')
  .action(async () => {
    const { startServer } = await import('../server/server');
    await startServer(loadConfig());
  });

registerAdminCommands(program);
registerBackupCommands(program);
registerImportCommands(program);
registerDemoCommands(program);
registerOutboxCommands(program);
registerTiersCommands(program);
registerTaskCommands(program);
registerMetricsCommands(program);

try {
  await program.parseAsync(process.argv);
} catch (err) {
  if (err instanceof ConfigError || err instanceof DataDirLockedError) {
    console.error(err.message);
    process.exit(2);
  }
  const e = err as Error & { code?: string };
  if (e.code === 'ECONNREFUSED') {
    console.error('Cannot reach the PostgreSQL server in DATABASE_URL. Is it running?');
    process.exit(2);
  }
  console.error(e.message);
  // Drizzle wraps the database's own error ("Failed query: …"); its message says what went wrong.
  if (e.cause instanceof Error) console.error(e.cause.message);
  process.exit(1);
}
