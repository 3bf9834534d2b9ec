// Segments and the dashboard in a real browser. The metrics and tiers other modules compute are written
// into the server's database between two starts (the server holds the embedded database's lock while
// it runs). A manager builds "gold or above, drifting, birthday next month, consents to SMS", sees its
// count (a solar and a lunar birthday next month), saves it and finds it in the list; then opens the
// dashboard. Screenshots at phone and desktop sizes in the four languages
// (test-results/screenshots/segments-*).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import type { Browser, Page } from 'playwright-core';
import { localDateOf } from '../../src/domain/care/dates';
import { solarToLunar } from '../../src/domain/lunar';
import { openDatabase } from '../../src/server/db/client';
import {
  accessibilityProblems,
  DESKTOP,
  ensureWebBuild,
  LANGUAGE_BUTTON,
  launchBrowser,
  LOCALES,
  logIn,
  OWNER,
  PHONE,
  type RunningServer,
  screenshot,
  startServer,
} from './helpers';

let server: RunningServer;
let browser: Browser;
let dataDir: string;
let segmentId: string;

function nextMonth15(today: string) {
  const [y, m] = [Number(today.slice(0, 4)), Number(today.slice(5, 7))];
  const [ny, nm] = m === 12 ? [y + 1, 1] : [y, m + 1];
  return `${ny}-${String(nm).padStart(2, '0')}-15`;
}

async function login(baseUrl: string) {
  const res = await fetch(`${baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(OWNER),
  });
  const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0]!;
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  return async (path: string, body?: unknown) => {
    const r = await fetch(`${baseUrl}${path}`, {
      method: body ? 'POST' : 'GET',
      headers: { cookie, 'x-csrf-token': csrfToken, ...(body ? { 'content-type': 'application/json' } : {}) },
      body: body ? JSON.stringify(body) : undefined,
    });
    if (!r.ok) throw new Error(`${path}: ${r.status} ${await r.text()}`);
    return r.json() as Promise<Record<string, unknown>>;
  };
}

async function chooseLanguage(page: Page, label: string) {
  await page.getByRole('button', { name: LANGUAGE_BUTTON }).first().click();
  await page.getByRole('menuitem', { name: label }).click();
  await expect
    .poll(() => page.evaluate(() => document.documentElement.lang))
    .toBe(LOCALES.find((l) => l.label === label)!.code);
}

async function shoot(page: Page, name: string) {
  await page.waitForTimeout(500);
  await screenshot(page, name);
  expect(await accessibilityProblems(page), name).toEqual([]);
}

/** The n-th visible field of a condition card (cards are labelled by their kind). */
const field = (page: Page, card: string, n: number) =>
  page.getByRole('group', { name: card, exact: true }).locator('input:visible').nth(n);

async function pickOption(page: Page, card: string, n: number, option: string) {
  await field(page, card, n).click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

beforeAll(async () => {
  ensureWebBuild();
  dataDir = mkdtempSync(join(tmpdir(), 'keqing-e2e-seg-'));
  browser = await launchBrowser();
  // First start: the organisation, and customers through the API.
  let first = await startServer({ KEQING_DATA_DIR: dataDir });
  const api = await login(first.baseUrl);
  const me = (await api('/api/auth/me')) as { currentStoreId: string; stores: Array<{ id: string; timezone: string }> };
  const storeId = me.currentStoreId;
  const today = localDateOf(new Date(), me.stores.find((s) => s.id === storeId)!.timezone);
  const lunar = solarToLunar(nextMonth15(today));
  const sms = [{ channel: 'sms', purpose: 'marketing', granted: true }];
  const people = [
    { familyName: '王', givenName: '丽华', birthday: `1985-${nextMonth15(today).slice(5)}`, consents: sms },
    {
      familyName: '陈',
      givenName: '静',
      lunarBirthday: { month: lunar.month, day: lunar.day, isLeapMonth: lunar.isLeap },
      consents: sms,
    },
    { familyName: '李', givenName: '娜', birthday: `1990-${nextMonth15(today).slice(5)}` },
    { familyName: '赵', givenName: '敏', birthday: `1979-${today.slice(5, 8)}01`, consents: sms },
  ];
  for (const [i, p] of people.entries()) {
    await api('/api/customers', { storeId, phones: [{ number: `1380013800${i}` }], allowDuplicate: true, ...p });
  }
  await first.stop();
  // What the metrics and loyalty modules would have computed.
  const database = await openDatabase({ dataDir });
  const db = database.db;
  await db.execute(sql`insert into tier_definitions (org_id, key, rank, labels)
    select o.org_id, v.k, v.r, v.l::jsonb from organizations o, (values
      ('silver', 1, '{"en":"Silver","zh-CN":"银卡","zh-TW":"銀卡","ja":"シルバー"}'),
      ('gold', 2, '{"en":"Gold","zh-CN":"金卡","zh-TW":"金卡","ja":"ゴールド"}'),
      ('platinum', 3, '{"en":"Platinum","zh-CN":"白金卡","zh-TW":"白金卡","ja":"プラチナ"}'),
      ('diamond', 4, '{"en":"Diamond","zh-CN":"钻石卡","zh-TW":"鑽石卡","ja":"ダイヤモンド"}')) v(k, r, l)
    on conflict do nothing`);
  await db.execute(sql`update customers set tier = case family_name when '王' then 'gold' when '陈' then 'platinum'
    when '李' then 'gold' else 'diamond' end`);
  await db.execute(sql`insert into customer_metrics (customer_id, org_id, store_id, currency, as_of, lapse_status,
      loyalty_stage, monetary_window, frequency_lifetime, class_abcd, rfm_segment, expected_value_365, p_alive,
      first_purchase_at, last_purchase_at)
    select c.id, c.org_id, c.store_id, 'CNY', current_date, 'drifting', 'repeat',
      case c.family_name when '王' then 880000 when '陈' then 420000 when '李' then 150000 else 60000 end, 3,
      case c.family_name when '王' then 'A' when '陈' then 'A' else 'B' end, 'at_risk',
      case c.family_name when '王' then 500000 else 120000 end, 0.4,
      now() - interval '400 days', now() - interval '120 days'
    from customers c`);
  await db.execute(sql`insert into receipts (org_id, store_id, customer_id, receipt_no, occurred_at, currency, total_list, total_discount, total_paid)
    select c.org_id, c.store_id, c.id, 'E' || row_number() over (), now() - (g.k * 30 || ' days')::interval, 'CNY', 100000, 0, 100000
    from customers c cross join generate_series(1, 3) g(k)`);
  await database.close();
  first = await startServer({ KEQING_DATA_DIR: dataDir });
  server = first;
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('segment builder', () => {
  it('builds "gold or above, drifting, birthday next month, consents to SMS", sees its count, saves it', async () => {
    const context = await browser.newContext({
      baseURL: server.baseUrl,
      locale: 'en-US',
      viewport: DESKTOP,
      timezoneId: 'Asia/Shanghai',
    });
    const page = await context.newPage();
    await logIn(page, OWNER.email, OWNER.password);
    await page.waitForURL((u) => !u.pathname.startsWith('/login'));
    await page.goto('/segments');
    await chooseLanguage(page, 'English');
    await page.getByRole('heading', { level: 1, name: 'Customer segments' }).waitFor();
    const count = page.getByTestId('segment-count');
    await expect.poll(() => count.textContent(), { timeout: 20_000 }).toBe('4');

    const add = async (kind: string) => {
      await page.getByRole('button', { name: 'Add condition' }).first().click();
      await page.getByRole('menuitem', { name: kind }).click();
    };
    try {
      await add('VIP tier'); // "this tier or above", gold
      await expect.poll(() => field(page, 'VIP tier', 1).inputValue()).toBe('Gold');
      await add('Class or status');
      await page
        .getByRole('group', { name: 'Class or status', exact: true })
        .locator('.mantine-MultiSelect-input')
        .click();
      await page.getByRole('option', { name: 'drifting', exact: true }).click();
      await page.keyboard.press('Escape');
      await add('Birthday');
      await pickOption(page, 'Birthday', 1, 'next month');
      await expect.poll(() => count.textContent(), { timeout: 20_000 }).toBe('3');
      await add('Consent to contact'); // SMS, promotion, has consented
      await expect.poll(() => count.textContent(), { timeout: 20_000 }).toBe('2');
      await page.getByRole('link', { name: /王丽华/ }).waitFor();
      await page.getByRole('link', { name: /陈静/ }).waitFor(); // her lunar birthday is next month
      expect(await page.getByRole('link', { name: /李娜/ }).count()).toBe(0); // no SMS consent
    } catch (err) {
      await screenshot(page, 'segments/failure');
      throw err;
    }
    await shoot(page, 'segments/builder-desktop-en');

    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page.getByRole('dialog').getByLabel('Name').fill('Gold+ drifting, birthday next month, SMS');
    await page.getByRole('dialog').getByRole('button', { name: 'Save' }).click();
    await page.waitForURL(/\/segments\/[0-9a-f-]{36}$/);
    segmentId = page.url().split('/').at(-1)!;
    await page.getByText('2 customers match today.').waitFor();
    await page.getByRole('link', { name: /王丽华/ }).waitFor();

    await page.goto('/segments?tab=saved');
    const item = page.getByRole('link', { name: 'Gold+ drifting, birthday next month, SMS' });
    await item.waitFor();
    await expect.poll(() => item.textContent(), { timeout: 20_000 }).toContain('2');
    await context.close();
  });

  it('opens the dashboard with the figures behind each chart', async () => {
    const context = await browser.newContext({ baseURL: server.baseUrl, locale: 'en-US', viewport: DESKTOP });
    const page = await context.newPage();
    await logIn(page, OWNER.email, OWNER.password);
    await page.waitForURL((u) => !u.pathname.startsWith('/login'));
    await page.goto('/dashboard');
    await chooseLanguage(page, 'English');
    await page.getByRole('heading', { level: 1, name: 'Dashboard' }).waitFor();
    await page.getByRole('heading', { name: 'Tier distribution' }).waitFor();
    await page.getByRole('heading', { name: '80/20 curve' }).waitFor();
    const tiers = page.getByRole('region', { name: 'Tier distribution' });
    await tiers.getByRole('button', { name: 'Numbers', exact: true }).click();
    await expect.poll(() => tiers.getByRole('table').textContent()).toContain('Gold2');
    await page.getByText('Not enough data for the worth model yet', { exact: false }).waitFor();
    await shoot(page, 'segments/dashboard-desktop-en');
    await context.close();
  });

  it('looks right on a phone and a desktop in the four languages', async () => {
    for (const viewport of [PHONE, DESKTOP]) {
      const context = await browser.newContext({ baseURL: server.baseUrl, locale: 'en-US', viewport });
      const page = await context.newPage();
      await logIn(page, OWNER.email, OWNER.password);
      await page.waitForURL((u) => !u.pathname.startsWith('/login'));
      const size = viewport === PHONE ? 'phone' : 'desktop';
      for (const l of LOCALES) {
        await page.goto(`/segments?edit=${segmentId}`);
        await chooseLanguage(page, l.label);
        await expect.poll(() => page.getByTestId('segment-count').textContent(), { timeout: 20_000 }).toBe('2');
        await shoot(page, `segments/builder-${size}-${l.code}`);
        await page.goto('/dashboard');
        await page.locator('.recharts-surface').first().waitFor();
        await shoot(page, `segments/dashboard-${size}-${l.code}`);
      }
      await context.close();
    }
  });
});
