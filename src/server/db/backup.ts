// Logical backup of every application table as gzip'd lines `table<TAB>row-json`, read inside one
// REPEATABLE READ transaction so the snapshot is consistent. Rows are kept as PostgreSQL's own JSON
// text and restored with json_populate_recordset, so bigints, timestamps and jsonb round-trip exactly
// and a backup from PGlite restores into PostgreSQL and back.
import { createReadStream, createWriteStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { once } from 'node:events';
import { createGunzip, createGzip } from 'node:zlib';
import { readdirSync } from 'node:fs';
import { sql } from 'drizzle-orm';
import { MIGRATIONS_DIR, rows, type Db } from './client';

export const BACKUP_FORMAT = 'keqing-backup';
const BATCH = 2000;

type Header = { format: string; version: 1; createdAt: string; migrations: string[]; tables: string[] };

export function migrationTags(): string[] {
  return readdirSync(MIGRATIONS_DIR)
    .filter((f) => f.endsWith('.sql'))
    .sort()
    .map((f) => f.replace(/\.sql$/, ''));
}

const ident = (name: string) => `"${name.replace(/"/g, '""')}"`;

/**
 * Application tables in an order where every table comes after the tables it references. Partitions
 * (customer_metrics') are read and written through their partitioned table, never on their own.
 */
export async function tablesInDependencyOrder(db: Db): Promise<string[]> {
  const tables = (
    await rows<{ name: string }>(
      db,
      sql`
    select c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
    where n.nspname = 'public' and c.relkind in ('r', 'p') and not c.relispartition order by c.relname`,
    )
  ).map((t) => t.name);
  const edges = await rows<{ child: string; parent: string }>(
    db,
    sql`
    select cc.relname as child, pc.relname as parent
    from pg_constraint k
    join pg_class cc on cc.oid = k.conrelid join pg_namespace cn on cn.oid = cc.relnamespace
    join pg_class pc on pc.oid = k.confrelid
    where k.contype = 'f' and cn.nspname = 'public' and cc.relname <> pc.relname`,
  );
  const ordered: string[] = [];
  const done = new Set<string>();
  const visit = (t: string, path: Set<string>) => {
    if (done.has(t) || path.has(t)) return;
    path.add(t);
    for (const e of edges) if (e.child === t) visit(e.parent, path);
    done.add(t);
    ordered.push(t);
  };
  for (const t of tables) visit(t, new Set());
  return ordered;
}

async function primaryKeyColumns(db: Db, table: string): Promise<string[]> {
  const cols = await rows<{ col: string }>(
    db,
    sql`
    select a.attname as col from pg_index i
    join pg_attribute a on a.attrelid = i.indrelid and a.attnum = any(i.indkey)
    where i.indrelid = ${ident(table)}::regclass and i.indisprimary order by a.attnum`,
  );
  return cols.map((c) => c.col);
}

export type BackupSummary = { file: string; tables: Record<string, number> };

export async function writeBackup(db: Db, file: string): Promise<BackupSummary> {
  const gzip = createGzip();
  const out = createWriteStream(file);
  gzip.pipe(out);
  const write = async (line: string) => {
    if (!gzip.write(line + '\n')) await once(gzip, 'drain');
  };
  const counts: Record<string, number> = {};
  await db.transaction(
    async (tx) => {
      const t = tx as unknown as Db;
      const tables = await tablesInDependencyOrder(t);
      const header: Header = {
        format: BACKUP_FORMAT,
        version: 1,
        createdAt: new Date().toISOString(),
        migrations: migrationTags(),
        tables,
      };
      await write(JSON.stringify(header));
      for (const table of tables) {
        const pk = await primaryKeyColumns(t, table);
        const order = pk.length ? ` order by ${pk.map((c) => `t.${ident(c)}`).join(', ')}` : '';
        await t.execute(
          sql.raw(`declare keqing_backup cursor for select row_to_json(t)::text as r from ${ident(table)} t${order}`),
        );
        counts[table] = 0;
        for (;;) {
          const batch = await rows<{ r: string }>(t, sql.raw(`fetch ${BATCH} from keqing_backup`));
          for (const { r } of batch) await write(`${table}\t${r}`);
          counts[table] += batch.length;
          if (batch.length < BATCH) break;
        }
        await t.execute(sql.raw('close keqing_backup'));
      }
      await write(JSON.stringify({ end: true, counts }));
    },
    { isolationLevel: 'repeatable read', accessMode: 'read only' },
  );
  gzip.end();
  await once(out, 'finish');
  return { file, tables: counts };
}

export class RestoreError extends Error {}

async function readHeaderAndRows(file: string, onRow: (table: string, json: string) => Promise<void>) {
  const lines = createInterface({ input: createReadStream(file).pipe(createGunzip()), crlfDelay: Infinity });
  let header: Header | undefined;
  let footer: { end: true; counts: Record<string, number> } | undefined;
  for await (const line of lines) {
    if (!header) {
      header = JSON.parse(line) as Header;
      if (header.format !== BACKUP_FORMAT) throw new RestoreError(`${file} is not a Keqing backup`);
      const ours = migrationTags();
      if (JSON.stringify(header.migrations) !== JSON.stringify(ours)) {
        throw new RestoreError(
          `This backup was made by a version of Keqing with ${header.migrations.length} migrations; this one has ${ours.length}. ` +
            'Restore it with the version that made it, then upgrade.',
        );
      }
      continue;
    }
    const tab = line.indexOf('\t');
    if (tab < 0) {
      footer = JSON.parse(line);
      continue;
    }
    await onRow(line.slice(0, tab), line.slice(tab + 1));
  }
  if (!header || !footer) throw new RestoreError(`${file} is incomplete: the backup was cut short`);
  return footer.counts;
}

/** Restores into a migrated database that holds no organisation yet; all or nothing. */
export async function restoreBackup(db: Db, file: string): Promise<Record<string, number>> {
  return db.transaction(async (tx) => {
    const t = tx as unknown as Db;
    const [{ n } = { n: 0 }] = await rows<{ n: number }>(t, sql`select count(*)::int as n from organizations`);
    if (n > 0)
      throw new RestoreError('The target database is not empty. Restore into an empty data folder or database.');
    const restored: Record<string, number> = {};
    let table = '';
    let batch: string[] = [];
    const flush = async () => {
      if (!batch.length) return;
      await t.execute(
        sql`insert into ${sql.identifier(table)} select * from json_populate_recordset(null::${sql.identifier(table)}, ${`[${batch.join(',')}]`}::json)`,
      );
      restored[table] = (restored[table] ?? 0) + batch.length;
      batch = [];
    };
    const counts = await readHeaderAndRows(file, async (tbl, json) => {
      if (tbl !== table) {
        await flush();
        table = tbl;
      }
      batch.push(json);
      if (batch.length >= BATCH) await flush();
    });
    await flush();
    for (const [tbl, expected] of Object.entries(counts)) {
      if ((restored[tbl] ?? 0) !== expected)
        throw new RestoreError(`Table ${tbl}: expected ${expected} rows, read ${restored[tbl] ?? 0}`);
    }
    return restored;
  });
}
