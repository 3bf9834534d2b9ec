#!/usr/bin/env node
// Fails when the Drizzle schema and the committed migrations disagree: drizzle-kit generates into a
// scratch copy of the migrations folder, and any new file there means a migration is missing.
import { cpSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';

const committed = 'src/server/db/migrations';
const scratch = mkdtempSync(join(tmpdir(), 'keqing-migrations-'));
try {
  cpSync(committed, scratch, { recursive: true });
  const before = new Set(readdirSync(scratch));
  const r = spawnSync(
    'npx',
    [
      'drizzle-kit',
      'generate',
      '--dialect',
      'postgresql',
      '--schema',
      'src/server/db/schema/index.ts',
      '--out',
      scratch,
      '--name',
      'pending',
    ],
    { encoding: 'utf8' },
  );
  if (r.status !== 0) {
    console.error(r.stdout, r.stderr);
    process.exit(1);
  }
  const added = readdirSync(scratch).filter((f) => !before.has(f));
  if (added.length) {
    console.error(
      `The Drizzle schema has changes with no migration. Run \`npm run db:generate\` and commit the result.\nPending: ${added.join(', ')}`,
    );
    process.exit(1);
  }
  console.log('Schema and migrations agree.');
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
