// Listen and shut down gracefully. Everything else is built by buildApp().
import { buildApp } from './app';
import type { Config } from './config';
import { openDatabase, type Database } from './db/client';
import { describeBootstrap, ensureBootstrapped } from './modules/org/bootstrap';
import { JOBS } from './jobs';
import { scheduleJobs } from './jobs/scheduler';

export async function openAndPrepare(config: Config): Promise<Database> {
  const database = await openDatabase({ url: config.databaseUrl, dataDir: config.dataDir });
  try {
    await database.migrate();
    const result = await ensureBootstrapped(database.db, config);
    const message = describeBootstrap(result);
    // Printed, not logged: the one-time password must not end up in log storage.
    if (message) console.log(message);
    return database;
  } catch (err) {
    await database.close();
    throw err;
  }
}

export async function startServer(config: Config): Promise<void> {
  const database = await openAndPrepare(config);
  const app = await buildApp({ database, config });
  const stopJobs = scheduleJobs(database, app.log, JOBS);
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    app.log.info({ signal }, 'shutting down: no new requests, finishing those in flight');
    const force = setTimeout(() => {
      app.log.error('in-flight requests did not finish within 20 s; closing anyway');
      void database.close().finally(() => process.exit(1));
    }, 20_000);
    force.unref();
    try {
      stopJobs();
      await app.close(); // stops accepting, waits for in-flight requests
      await database.close(); // PGlite flushes its WAL and checkpoints here
      app.log.info('stopped cleanly');
      process.exit(0);
    } catch (err) {
      app.log.error({ err }, 'error while shutting down');
      process.exit(1);
    }
  };
  process.once('SIGTERM', () => void stop('SIGTERM'));
  process.once('SIGINT', () => void stop('SIGINT'));
  try {
    await app.listen({ port: config.port, host: config.host });
  } catch (err) {
    await database.close();
    throw err;
  }
  app.log.info(`Keqing ${config.version} on http://localhost:${config.port} (database: ${database.kind})`);
}
