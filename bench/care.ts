// One day's care tasks for a large brand on PostgreSQL (issue 6: 1,000,000 customers in under 60 s; a
// guide's list in under 100 ms at the 95th percentile), against baselines measured in the same run: a
// plain count over the customers and a primary-key lookup of a task. The day is National Day
// (2027-10-01, a greeting for the whole audience) with the day's solar and lunar birthdays and the
// after-purchase calls of a week earlier. Needs BENCH_DATABASE_URL; a throw-away database is created
// and dropped (BENCH_KEEP_DB=1 keeps it for EXPLAIN). BENCH_CARE_CUSTOMERS (default 1,000,000) and
// BENCH_CARE_QUERIES (200) scale it.
import { readdirSync, readFileSync } from 'node:fs';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { loadConfig } from '../src/server/config';
import { openDatabase, rows } from '../src/server/db/client';
import { careRuns, users, userStores } from '../src/server/db/schema';
import { generateCareTasks, listTasks } from '../src/server/modules/care';
import { ensureBootstrapped } from '../src/server/modules/org/bootstrap';
import { summarize, timeIt } from './stats';

const DAY = '2027-10-01';

/** utime + stime (clock ticks) of each server process of one database on this machine. */
function backendTicks(dbName: string): Map<number, number> {
  const out = new Map<number, number>();
  let pids: string[];
  try {
    pids = readdirSync('/proc').filter((d) => /^\d+$/.test(d));
  } catch {
    return out;
  }
  for (const pid of pids) {
    try {
      const cmd = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
      if (!cmd.startsWith('postgres: ') || !cmd.includes(` ${dbName} `)) continue;
      const f = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
      out.set(Number(pid), Number(f[11]) + Number(f[12]));
    } catch {
      // gone meanwhile, or not ours to read
    }
  }
  return out;
}

/**
 * CPU seconds of this process and of the database's server processes (sampled every 200 ms, so that
 * a connection the pool closes meanwhile still counts): figures that do not depend on what else the
 * machine runs. postgres is null when the server is not on this machine.
 */
function cpuMeter(dbName: string) {
  const u0 = process.cpuUsage();
  const seen = new Map<number, { first: number; last: number }>();
  const sample = (initial: boolean) => {
    for (const [pid, t] of backendTicks(dbName)) {
      const s = seen.get(pid);
      if (s) s.last = t;
      else seen.set(pid, { first: initial ? t : 0, last: t });
    }
  };
  sample(true);
  const timer = setInterval(() => sample(false), 200);
  return () => {
    clearInterval(timer);
    sample(false);
    const u = process.cpuUsage(u0);
    let ticks = 0;
    for (const s of seen.values()) ticks += s.last - s.first;
    return {
      node: Math.round((u.user + u.system) / 1e5) / 10,
      postgres: seen.size ? Math.round(ticks / 10) / 10 : null,
    };
  };
}

/**
 * BENCH_PG_STATEMENTS=1: the generation's ten most expensive statements from pg_stat_statements
 * (the server must preload it), to see where the database's time goes.
 */
async function statementMeter(admin: pg.Client, dbName: string) {
  // The server must preload it: alter system set shared_preload_libraries = 'pg_stat_statements', then restart.
  await admin.query('create extension if not exists pg_stat_statements');
  await admin.query('select pg_stat_statements_reset()');
  return async () => {
    const r = await admin.query(
      `select left(regexp_replace(s.query, '\\s+', ' ', 'g'), 160) as query, s.calls::int,
              round(s.total_exec_time)::int as ms, s.rows::int
         from pg_stat_statements s join pg_database d on d.oid = s.dbid
        where d.datname = $1 order by s.total_exec_time desc limit 10`,
      [dbName],
    );
    return r.rows;
  };
}

export async function benchCare(): Promise<Record<string, unknown>> {
  const base = process.env.BENCH_DATABASE_URL;
  if (!base) return { skipped: 'set BENCH_DATABASE_URL=postgres://… to run the care benchmark' };
  const n = Number(process.env.BENCH_CARE_CUSTOMERS ?? 1_000_000);
  const queries = Number(process.env.BENCH_CARE_QUERIES ?? 200);
  const name = `keqing_bench_care_${Date.now()}`;
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  await admin.query(`create database ${name}`);
  const url = new URL(base);
  url.pathname = `/${name}`;
  const database = await openDatabase({ url: url.toString(), poolSize: 6 });
  try {
    await database.migrate();
    const config = loadConfig({
      KEQING_ADMIN_EMAIL: 'bench@example.com',
      KEQING_ADMIN_PASSWORD: 'bench-password-1',
      LOG_LEVEL: 'silent',
    });
    const boot = await ensureBootstrapped(database.db, config);
    if (!boot.created) throw new Error('fresh database expected');
    const { orgId, storeId } = boot;
    const db = database.db;

    // Staff: 40 guides and a store manager.
    const t0 = performance.now();
    const guides: string[] = [];
    for (let i = 0; i < 40; i += 1) {
      const [u] = await db
        .insert(users)
        .values({
          orgId,
          email: `guide${i}@bench.example`,
          displayName: `Guide ${i}`,
          passwordHash: 'x',
          role: 'staff',
        })
        .returning();
      await db.insert(userStores).values({ orgId, userId: u!.id, storeId });
      guides.push(u!.id);
    }
    const [mgr] = await db
      .insert(users)
      .values({
        orgId,
        email: 'manager@bench.example',
        displayName: 'Manager',
        passwordHash: 'x',
        role: 'store_manager',
      })
      .returning();
    await db.insert(userStores).values({ orgId, userId: mgr!.id, storeId });
    const guideArray = `{${guides.join(',')}}`;

    // Customers, phones and care consents, set-based.
    await db.execute(sql`
      insert into customers (org_id, store_id, member_no, family_name, given_name, display_name, gender, birthday,
                             lunar_birth_month, lunar_birth_day, owner_user_id, profile, email)
      select ${orgId}, ${storeId}, 'B' || g, '陈', '静' || g, '陈静' || g,
             case when g % 10 < 7 then 'female' else 'male' end,
             date '1950-01-01' + ((g::bigint * 7919) % 20000)::int,
             case when g % 5 = 0 then 1 + (g * 13) % 12 end, case when g % 5 = 0 then 1 + (g * 17) % 29 end,
             (${guideArray}::uuid[])[1 + g % 40],
             case when g % 3 = 0 then '{"family":[{"relation":"child"}]}'::jsonb else '{}'::jsonb end,
             case when g % 4 = 0 then 'c' || g || '@example.com' end
      from generate_series(1, ${n}) g`);
    await db.execute(sql`
      insert into customer_phones (org_id, customer_id, e164, reversed_digits, is_primary)
      select org_id, id, '+86139' || lpad(substr(member_no, 2), 8, '0'), reverse(lpad(substr(member_no, 2), 8, '0')), true
      from customers where store_id = ${storeId}`);
    await db.execute(sql`
      insert into customer_consents (org_id, customer_id, channel, purpose, granted, method)
      select org_id, id, 'phone', 'care', (hashtext(id::text) % 10) <> 0, 'bench' from customers where store_id = ${storeId}`);
    // Receipts a week before the day (after-purchase calls) for one customer in 500.
    await db.execute(sql`
      insert into receipts (org_id, store_id, customer_id, seller_id, receipt_no, occurred_at, currency, total_list, total_discount, total_paid, source)
      select c.org_id, c.store_id, c.id, c.owner_user_id, 'BR' || c.member_no, timestamptz '2027-09-24 12:00+08', 'CNY', 300000, 0, 300000, 'demo'
      from customers c where c.store_id = ${storeId} and (hashtext(c.id::text || 'receipt') % 500) = 0`);
    await db.execute(sql`
      insert into customer_stats (customer_id, org_id, lifetime_spend, receipt_count, visit_count, first_purchase_at, last_purchase_at)
      select customer_id, org_id, sum(total_paid), count(*), count(*), min(occurred_at), max(occurred_at) from receipts group by 1, 2`);
    await db.execute(
      sql`update customers c set last_visit_at = s.last_purchase_at from customer_stats s where s.customer_id = c.id`,
    );
    await db.insert(careRuns).values({ orgId, storeId, runDate: '2027-01-01', source: 'bench' });
    await db.execute(sql`vacuum analyze`);
    const setupSeconds = (performance.now() - t0) / 1000;

    // Baseline: one pass over the customers.
    const b0 = performance.now();
    await db.execute(sql`select count(*) from customers where store_id = ${storeId} and gender = 'female'`);
    const countMs = performance.now() - b0;

    const statements = process.env.BENCH_PG_STATEMENTS ? await statementMeter(admin, name) : null;
    const c0 = cpuMeter(name);
    const g0 = performance.now();
    const result = await generateCareTasks(database, { orgId, storeId, date: DAY, source: 'bench' });
    const generateSeconds = (performance.now() - g0) / 1000;
    const generateCpu = c0();
    const topStatements = statements ? await statements() : undefined;
    await db.execute(sql`analyze care_tasks`);
    await db.execute(sql`analyze care_task_reasons`);

    // A second run of the same day: everything is there already.
    const c1 = cpuMeter(name);
    const r0 = performance.now();
    const again = await generateCareTasks(database, { orgId, storeId, date: DAY, source: 'bench' });
    const rerunSeconds = (performance.now() - r0) / 1000;
    const rerunCpu = c1();

    const [anyTask] = await rows<{ id: string }>(db, sql`select id from care_tasks limit 1`);
    const pk = summarize(
      await timeIt(queries, async () => {
        await db.execute(sql`select * from care_tasks where id = ${anyTask!.id}`);
      }),
    );
    const list = summarize(
      await timeIt(queries, async (i) => {
        await listTasks(db, {
          orgId,
          viewer: { userId: guides[i % guides.length]!, role: 'staff', storeIds: [storeId] },
          view: 'today',
          scope: 'mine',
          date: DAY,
          limit: 50,
        });
      }),
    );
    const [counts] = await rows<{ tasks: number; reasons: number }>(
      db,
      sql`select (select count(*)::int from care_tasks) as tasks, (select count(*)::int from care_task_reasons) as reasons`,
    );
    return {
      customers: n,
      setupSeconds: Math.round(setupSeconds),
      day: DAY,
      generateSeconds: Math.round(generateSeconds * 10) / 10,
      // Where the generation's time went: the main loop waiting for reads, planning in Node, waiting
      // for writes (these add up to the run); and how long the reads and writes took themselves.
      phasesMs: result.phases,
      busyMs: result.busy,
      cpuSeconds: generateCpu,
      ...(topStatements ? { topStatements } : {}),
      rerunSeconds: Math.round(rerunSeconds * 10) / 10,
      rerunCpuSeconds: rerunCpu,
      generated: {
        created: result.created,
        tasks: result.tasks,
        unchanged: result.unchanged,
        suppressed: result.suppressed,
        byRule: result.byRule,
      },
      rerun: { created: again.created, unchanged: again.unchanged },
      rows: counts,
      baseline: { countCustomersMs: Math.round(countMs), taskPkLookup: pk },
      guideList: list,
    };
  } finally {
    await database.close();
    if (process.env.BENCH_KEEP_DB) console.log(`kept database ${name}`);
    else await admin.query(`drop database if exists ${name} with (force)`);
    await admin.end();
  }
}
