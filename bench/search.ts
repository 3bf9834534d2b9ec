// Search-box latency with 100,000 customers on the embedded database, against a bare primary-key lookup
// measured in the same run. Target (issue 3): p95 under 50 ms.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { buildApp } from '../src/server/app';
import { loadConfig } from '../src/server/config';
import { openDatabase } from '../src/server/db/client';
import { customerPhones, customers, customerSearchKeys, stores } from '../src/server/db/schema';
import { prng, syntheticPerson, type Market } from '../src/server/demo/names';
import { ensureBootstrapped } from '../src/server/modules/org/bootstrap';
import { displayNameOf } from '../src/server/modules/customers/customers.mapping';
import { reverseDigits } from '../src/server/modules/customers/customers.input';
import { autoReading } from '../src/server/modules/customers/reading';
import { searchKeysOf } from '../src/server/modules/customers/search-index';
import { summarize, timeIt, type Figures } from './stats';

const N = Number(process.env.BENCH_CUSTOMERS ?? 100_000);
const QUERIES = Number(process.env.BENCH_QUERIES ?? 400);

export async function benchSearch(): Promise<Record<string, Figures | number>> {
  const dir = mkdtempSync(join(tmpdir(), 'keqing-bench-'));
  const database = await openDatabase({ dataDir: dir });
  try {
    await database.migrate();
    const config = loadConfig({
      KEQING_ADMIN_EMAIL: 'bench@example.com',
      KEQING_ADMIN_PASSWORD: 'bench-password-1',
      LOG_LEVEL: 'silent',
    });
    const boot = await ensureBootstrapped(database.db, config);
    if (!boot.created) throw new Error('fresh database expected');
    const db = database.db;
    const [jp] = await db
      .insert(stores)
      .values({
        orgId: boot.orgId,
        code: 'TKY',
        name: '銀座店',
        country: 'JP',
        currency: 'JPY',
        timezone: 'Asia/Tokyo',
        locale: 'ja',
      })
      .returning();
    const [tw] = await db
      .insert(stores)
      .values({
        orgId: boot.orgId,
        code: 'TPE',
        name: '信義店',
        country: 'TW',
        currency: 'TWD',
        timezone: 'Asia/Taipei',
        locale: 'zh-TW',
      })
      .returning();
    const storeOf: Record<Market, { id: string; locale: string }> = {
      CN: { id: boot.storeId, locale: 'zh-CN' },
      JP: { id: jp!.id, locale: 'ja' },
      TW: { id: tw!.id, locale: 'zh-TW' },
    };

    const r = prng(42);
    const t0 = performance.now();
    const ids: string[] = [];
    const tails: string[] = [];
    const BATCH = 1000;
    for (let start = 0; start < N; start += BATCH) {
      const rowsC = [];
      const rowsP = [];
      const rowsK = [];
      for (let i = start; i < Math.min(N, start + BATCH); i++) {
        const market: Market = i % 10 < 6 ? 'CN' : i % 10 < 8 ? 'TW' : 'JP';
        const p = syntheticPerson(r, market, i);
        const store = storeOf[market];
        const id = crypto.randomUUID();
        const memberNo = `M${String(i).padStart(7, '0')}`;
        const reading = p.reading ?? autoReading(p.familyName, p.givenName, store.locale);
        rowsC.push({
          id,
          orgId: boot.orgId,
          storeId: store.id,
          memberNo,
          familyName: p.familyName,
          givenName: p.givenName,
          displayName: displayNameOf(p.familyName, p.givenName, store.locale),
          reading,
          email: p.email,
          gender: p.gender,
          completeness: 10,
        });
        rowsP.push({
          orgId: boot.orgId,
          customerId: id,
          e164: p.phone,
          reversedDigits: reverseDigits(p.phone),
          isPrimary: true,
        });
        for (const k of searchKeysOf({
          familyName: p.familyName,
          givenName: p.givenName,
          reading,
          memberNo,
          email: p.email,
        }))
          rowsK.push({ orgId: boot.orgId, customerId: id, storeId: store.id, ...k });
        ids.push(id);
        tails.push(p.phone.slice(-4));
      }
      await db.insert(customers).values(rowsC);
      await db.insert(customerPhones).values(rowsP);
      for (let k = 0; k < rowsK.length; k += 5000) await db.insert(customerSearchKeys).values(rowsK.slice(k, k + 5000));
    }
    await db.execute(sql`analyze`);
    const loadSeconds = (performance.now() - t0) / 1000;

    const app = await buildApp({ database, config, logger: false, webDist: '/nonexistent' });
    await app.ready();
    const login = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: 'bench@example.com', password: 'bench-password-1' },
    });
    const cookie = `keqing_session=${login.cookies.find((c) => c.name === 'keqing_session')!.value}`;

    const q = prng(7);
    const queries = [
      'zw',
      'wangfang',
      '王芳',
      '張',
      '陳淑芬',
      'やまだ',
      'ヤマダ',
      'yamada',
      'sato',
      'lin',
      'M00123',
      'c12@example.cn',
    ];
    const pickQuery = () =>
      q() < 0.4 ? tails[Math.floor(q() * tails.length)]! : queries[Math.floor(q() * queries.length)]!;

    // Warm both paths, then measure.
    for (let i = 0; i < 20; i++) {
      await db
        .select()
        .from(customers)
        .where(sql`id = ${ids[i]!}`);
      await app.inject({ url: `/api/customers?q=${encodeURIComponent(pickQuery())}`, headers: { cookie } });
    }
    const pk = await timeIt(QUERIES, async (i) => {
      await db
        .select()
        .from(customers)
        .where(sql`id = ${ids[(i * 7919) % ids.length]!}`);
    });
    const search = await timeIt(QUERIES, async () => {
      const res = await app.inject({ url: `/api/customers?q=${encodeURIComponent(pickQuery())}`, headers: { cookie } });
      if (res.statusCode !== 200) throw new Error(res.body);
    });
    // Per query kind, to see where the tail comes from.
    const perQuery: Record<string, number> = {};
    for (const query of [...queries, tails[0]!]) {
      const times = await timeIt(15, async () => {
        await app.inject({ url: `/api/customers?q=${encodeURIComponent(query)}`, headers: { cookie } });
      });
      perQuery[query] = summarize(times).p50;
    }
    await app.close();
    return {
      customers: N,
      perQueryP50: perQuery as unknown as number,
      loadSeconds: Math.round(loadSeconds * 10) / 10,
      pkLookup: summarize(pk),
      searchApi: summarize(search),
    };
  } finally {
    await database.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
