// Statements for thousands of rows at once: one array parameter per column, spread by unnest(),
// instead of one parameter per value (building and binding tens of thousands of parameters costs more
// than PGlite's own work). Column names and SQL types come from the Drizzle table, so the schema stays
// the single source of truth.
import { getTableColumns, getTableName, sql, type SQL, type Table } from 'drizzle-orm';
import { rows as resultRows, type Db } from '../../db/client';

type Spec = { key: string; name: string; type: string };

function specsOf<T extends Table>(table: T, keys: readonly string[]): Spec[] {
  const columns = getTableColumns(table) as Record<string, { name: string; getSQLType(): string }>;
  return keys.map((key) => {
    const c = columns[key];
    if (!c) throw new Error(`${getTableName(table)} has no column ${key}`);
    return { key, name: c.name, type: c.getSQLType() };
  });
}

function toParam(v: unknown, type: string): unknown {
  if (v === undefined || v === null) return null;
  if (type === 'jsonb' || type === 'json') return JSON.stringify(v);
  return v instanceof Date ? v.toISOString() : v;
}

/** `unnest($1::uuid[], $2::text[], …) as u("id", "name", …)` over the given rows. */
function unnestOf(specs: Spec[], chunk: ReadonlyArray<Record<string, unknown>>): SQL {
  const arrays = specs.map((s) => sql`${sql.param(chunk.map((r) => toParam(r[s.key], s.type)))}::${sql.raw(s.type)}[]`);
  return sql`unnest(${sql.join(arrays, sql`, `)}) as u(${sql.raw(specs.map((s) => `"${s.name}"`).join(', '))})`;
}

// A large batch is still cut in chunks so no single statement holds an unbounded parameter.
const CHUNK = 5000;

function* chunks<R>(rows: ReadonlyArray<R>): Generator<ReadonlyArray<R>> {
  for (let i = 0; i < rows.length; i += CHUNK) yield rows.slice(i, i + CHUNK);
}

export async function bulkInsert<T extends Table>(
  db: Db,
  table: T,
  keys: ReadonlyArray<keyof T['$inferInsert'] & string>,
  rows: ReadonlyArray<T['$inferInsert']>,
): Promise<void> {
  const specs = specsOf(table, keys);
  const names = sql.raw(specs.map((s) => `"${s.name}"`).join(', '));
  for (const chunk of chunks(rows as ReadonlyArray<Record<string, unknown>>)) {
    await db.execute(
      sql`insert into ${sql.identifier(getTableName(table))} (${names}) select * from ${unnestOf(specs, chunk)}`,
    );
  }
}

/**
 * Sets `keys` on each row identified by `id`, only where `version` still has the value read (optimistic
 * locking, as updateCustomer does), bumps the version and returns the ids that were updated.
 */
export async function bulkUpdateVersioned<T extends Table>(
  db: Db,
  table: T,
  keys: ReadonlyArray<keyof T['$inferInsert'] & string>,
  rows: ReadonlyArray<T['$inferInsert'] & { id: string; version: number }>,
): Promise<string[]> {
  const specs = specsOf(table, ['id', 'version', ...keys]);
  const assignments = sql.raw(
    [
      ...specs.slice(2).map((s) => `"${s.name}" = u."${s.name}"`),
      '"version" = t."version" + 1',
      '"updated_at" = now()',
    ].join(', '),
  );
  const updated: string[] = [];
  for (const chunk of chunks(rows as ReadonlyArray<Record<string, unknown>>)) {
    const found = await resultRows<{ id: string }>(
      db,
      sql`update ${sql.identifier(getTableName(table))} as t set ${assignments} from ${unnestOf(specs, chunk)} where t."id" = u."id" and t."version" = u."version" returning t."id"`,
    );
    updated.push(...found.map((r) => r.id));
  }
  return updated;
}
