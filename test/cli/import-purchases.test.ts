// `keqing import purchases` end to end on an embedded data folder: the file is streamed, not read whole.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { usesPostgres } from '../helpers/db';
import { runCli } from '../helpers/cli';

describe.skipIf(usesPostgres())('keqing import purchases', () => {
  it('imports a streamed CSV, reports bad rows by line, and creates nothing the second time', async () => {
    const data = mkdtempSync(join(tmpdir(), 'keqing-import-p-'));
    const env = { KEQING_DATA_DIR: data };
    const file = join(data, 'pos.csv');
    writeFileSync(
      file,
      '\ufeffreceipt_no,date,style_no,product,qty,price,amount\r\n' +
        'C1,2026-10-01,S-1,"Coat, ""wool""",1,900,900\r\n' +
        'C1,2026-10-01,S-2,"Two\r\nlines",1,100,100\r\n' +
        'C2,2026-10-02,S-3,Hat,x,50,50\r\n' +
        'C3,2026-10-03,S-4,Tee,2,40,80\r\n',
    );
    const first = await runCli(['import', 'purchases', file, '--store', 'MAIN', '--json'], env);
    expect(first.code, first.stderr).toBe(0);
    expect(JSON.parse(first.stdout)).toEqual({
      created: 2,
      updated: 0,
      unchanged: 0,
      rejected: [{ line: 5, field: 'quantity', message: 'The quantity must be a whole number other than 0' }],
    });
    const again = await runCli(['import', 'purchases', file, '--store', 'MAIN'], env);
    expect(again.code, again.stderr).toBe(0);
    expect(again.stdout).toContain('Recorded 0 receipts (0 lines), unchanged 2, rejected rows 1.');
  }, 180_000);
});
