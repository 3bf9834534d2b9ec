// The demo brand (`keqing demo`) in a real browser: each shop guide opens Today and finds a believable list
// — birthdays, after-purchase calls — with the reasons in her language; the store manager sees the
// store's list. Screenshots at phone and desktop sizes in the four languages
// (test-results/screenshots/care/demo-*).
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { runCli } from '../helpers/cli';
import {
  accessibilityProblems,
  DESKTOP,
  ensureWebBuild,
  launchBrowser,
  LOCALES,
  logIn,
  OWNER,
  PHONE,
  type RunningServer,
  screenshot,
  startServer,
  chooseLanguage,
} from './helpers';

const DEMO_PASSWORD = 'keqing-demo-2026';

let server: RunningServer;
let browser: Browser;
let dataDir: string;

beforeAll(async () => {
  ensureWebBuild();
  dataDir = mkdtempSync(join(tmpdir(), 'keqing-care-demo-'));
  const env = {
    KEQING_DATA_DIR: dataDir,
    KEQING_ADMIN_EMAIL: OWNER.email,
    KEQING_ADMIN_PASSWORD: OWNER.password,
  };
  const migrate = await runCli(['migrate'], env, 300_000);
  expect(migrate.code, migrate.stderr).toBe(0);
  const demo = await runCli(['demo', '--stores', '3', '--customers', '400', '--purchases', '2000'], env, 600_000);
  expect(demo.code, demo.stderr).toBe(0);
  expect(demo.stdout).toMatch(/Care tasks for today: [1-9]/);
  [server, browser] = await Promise.all([startServer({ KEQING_DATA_DIR: dataDir }), launchBrowser()]);
}, 900_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('demo brand', () => {
  it('every guide of the first store has a believable list for today, in four languages', async () => {
    // A guide of the first store (s0-0 is its manager).
    const context = await browser.newContext({
      baseURL: server.baseUrl,
      locale: 'en-US',
      viewport: PHONE,
      timezoneId: 'Asia/Shanghai',
    });
    const page = await context.newPage();
    await logIn(page, 'demo1-s0-1@example.com', DEMO_PASSWORD);
    await page.waitForURL((u) => !u.pathname.startsWith('/login'));
    for (const { code, label } of LOCALES) {
      await page.goto('/today');
      await chooseLanguage(page, label);
      for (const [size, viewport] of [
        ['phone', PHONE],
        ['desktop', DESKTOP],
      ] as const) {
        await page.setViewportSize(viewport);
        await page.getByTestId('task-card').first().waitFor();
        expect(await page.getByTestId('task-card').count()).toBeGreaterThanOrEqual(2);
        // Reasons are words, never catalogue keys.
        expect(await page.locator('main').innerText()).not.toMatch(/care\.(reasons|rules)\./);
        await page.waitForTimeout(300);
        await screenshot(page, `care/demo-${code}-today-${size}`);
        expect(await accessibilityProblems(page)).toEqual([]);
      }
    }
    await page.getByTestId('task-card').first().getByRole('button').click();
    await page.getByRole('dialog').getByTestId('complete-form').waitFor();
    await page.waitForTimeout(300);
    await screenshot(page, 'care/demo-en-task-desktop');
    await context.close();

    // The store manager sees the store's list, with who each task is for.
    const mc = await browser.newContext({
      baseURL: server.baseUrl,
      locale: 'en-US',
      viewport: DESKTOP,
      timezoneId: 'Asia/Shanghai',
    });
    const mp = await mc.newPage();
    await logIn(mp, 'demo1-s0-0@example.com', DEMO_PASSWORD);
    await mp.waitForURL((u) => !u.pathname.startsWith('/login'));
    await mp.goto('/today?scope=store');
    await mp.getByTestId('task-card').first().waitFor();
    expect(await mp.getByTestId('task-card').count()).toBeGreaterThanOrEqual(4);
    await mp.waitForTimeout(300);
    await screenshot(mp, 'care/demo-manager-store-desktop');
    await mc.close();
  });
});
