// Classes & worth in the browser: a few customers buy, head office recomputes, and the customer page,
// the worth list and the classification rules show the result — in all four languages, phone and desktop.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { Browser } from 'playwright-core';
import {
  accessibilityProblems,
  DESKTOP,
  ensureWebBuild,
  launchBrowser,
  logIn,
  newContext,
  OWNER,
  PHONE,
  screenshot,
  startServer,
  type RunningServer,
} from './helpers';

let server: RunningServer;
let browser: Browser;

async function api(page: Page, method: string, path: string, body?: unknown) {
  return page.evaluate(
    async ({ method, path, body }) => {
      const me = await (await fetch('/api/auth/me')).json();
      const res = await fetch(path, {
        method,
        headers: { 'content-type': 'application/json', 'x-csrf-token': me.csrfToken },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      return { status: res.status, json: (await res.json()) as Record<string, unknown> };
    },
    { method, path, body },
  );
}

async function shoot(page: Page, name: string) {
  for (const [size, viewport] of [
    ['phone', PHONE],
    ['desktop', DESKTOP],
  ] as const) {
    await page.setViewportSize(viewport);
    await page.waitForTimeout(400);
    await screenshot(page, `metrics/${name}-${size}`);
    expect(await accessibilityProblems(page), `${name}-${size}`).toEqual([]);
  }
}

beforeAll(async () => {
  ensureWebBuild();
  server = await startServer();
  browser = await launchBrowser();
}, 240_000);
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('classes and worth in the browser', () => {
  it('shows her classes on her page, the worth list and the rules with the last run', async () => {
    const context = await newContext(browser, server.baseUrl);
    const page = await context.newPage();
    await logIn(page, OWNER.email, OWNER.password);
    await page.waitForURL('**/');
    const me = (await api(page, 'GET', '/api/auth/me')).json as { currentStoreId: string; stores: { id: string }[] };
    const storeId = me.currentStoreId ?? me.stores[0]!.id;
    const people: [string, string, number[], number][] = [
      ['王', '丽华', [2, 20, 41, 60, 83, 101], 980_000],
      ['陈', '静', [75, 88, 99, 115], 120_000],
      ['林', '美玲', [12], 460_000],
      ['张', '敏', [420], 60_000],
      ['刘', '芳', [30, 200], 210_000],
      ['赵', '雪', [8], 35_000],
    ];
    const ids: string[] = [];
    let n = 0;
    for (const [familyName, givenName, days, paid] of people) {
      const c = await api(page, 'POST', '/api/customers', { storeId, familyName, givenName });
      expect(c.status).toBe(201);
      ids.push(String(c.json.id));
      for (const d of days) {
        const r = await api(page, 'POST', '/api/purchases', {
          storeId,
          customerId: c.json.id,
          receiptNo: `E2E-${++n}`,
          occurredAt: new Date(Date.now() - d * 86_400_000).toISOString(),
          lines: [
            {
              styleNo: 'SU-1',
              productName: '羊毛西服',
              category: 'suits',
              quantity: 1,
              unitListPrice: paid,
              discount: 0,
            },
          ],
        });
        expect(r.status).toBe(201);
      }
    }
    expect((await api(page, 'POST', '/api/metrics/recompute', {})).status).toBe(200);

    for (const locale of ['zh-CN', 'zh-TW', 'ja', 'en'] as const) {
      await api(page, 'PATCH', '/api/me/preferences', { locale });
      await page.goto(`/customers/${ids[0]}`);
      const card = page.getByTestId('metrics-card');
      await card.waitFor();
      await expect.poll(() => card.innerText()).toContain('A');
      await card.scrollIntoViewIfNeeded();
      await shoot(page, `customer-card-${locale}`);
      await page.goto('/worth');
      await page.getByRole('link', { name: /王/ }).first().waitFor();
      await shoot(page, `worth-${locale}`);
      await page.goto('/settings/classes');
      await page.getByTestId('model-CNY').waitFor();
      await shoot(page, `settings-${locale}`);
    }
    await page.goto(`/customers/${ids[1]}`);
    await expect.poll(() => page.getByTestId('metrics-card').innerText()).toMatch(/Drifting/);
    await context.close();
  }, 300_000);
});
