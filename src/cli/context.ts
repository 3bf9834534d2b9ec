// Opening the database for a CLI command, with the same configuration as the server.
import { loadConfig, type Config } from '../server/config';
import { openDatabase, type Database } from '../server/db/client';
import { organizations } from '../server/db/schema';
import { describeBootstrap, ensureBootstrapped } from '../server/modules/org/bootstrap';

export type CliContext = { config: Config; database: Database; orgId: string };

/** Opens, migrates and bootstraps the database, runs `fn`, and always closes it. */
export async function withDatabase<T>(fn: (ctx: CliContext) => Promise<T>): Promise<T> {
  const config = loadConfig();
  const database = await openDatabase({ url: config.databaseUrl, dataDir: config.dataDir, poolSize: 4 });
  try {
    await database.migrate();
    const message = describeBootstrap(await ensureBootstrapped(database.db, config));
    if (message) console.log(message);
    const orgs = await database.db.select({ id: organizations.orgId }).from(organizations).limit(2);
    if (orgs.length !== 1)
      throw new Error('This database holds several organisations; the CLI serves single-organisation installs.');
    return await fn({ config, database, orgId: orgs[0]!.id });
  } finally {
    await database.close();
  }
}

/** Reports validation problems of a CLI input the way the API does: one line per field. */
export function formatIssues(issues: Array<{ path: PropertyKey[]; message: string }>): string {
  return issues.map((i) => `  --${String(i.path[0] ?? 'input')}: ${i.message}`).join('\n');
}
