import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

describe('migrations', () => {
  it('agree with the Drizzle schema (no schema change without its migration)', () => {
    const r = spawnSync(process.execPath, ['scripts/check-migrations.mjs'], { encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
  }, 60_000);
});
