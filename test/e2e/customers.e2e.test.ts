// The customer-file journey (issue 3) in a real browser: create 张伟 with a lunar birthday and 山田 花子,
// find them by initials, traditional characters, katakana and phone tail, enrich a file and watch the
// completeness rise, reveal a phone (and find it in the audit log), merge a duplicate, export the list.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
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

async function api(
  page: Page,
  method: string,
  path: string,
  body?: unknown,
): Promise<{ status: number; json: Record<string, unknown> }> {
  return page.evaluate(
    async ({ method, path, body }) => {
      const me = await (await fetch('/api/auth/me')).json();
      const res = await fetch(path, {
        method,
        headers: { 'content-type': 'application/json', 'x-csrf-token': me.csrfToken },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      return { status: res.status, json: await res.json() };
    },
    { method, path, body },
  );
}

async function setLanguage(page: Page, locale: string) {
  await api(page, 'PATCH', '/api/me/preferences', { locale });
  await page.reload();
  await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe(locale);
}

async function shoot(page: Page, name: string) {
  for (const [size, viewport] of [
    ['phone', PHONE],
    ['desktop', DESKTOP],
  ] as const) {
    await page.setViewportSize(viewport);
    await page.waitForTimeout(400);
    await screenshot(page, `${name}-${size}`);
    expect(await accessibilityProblems(page), `${name}-${size}`).toEqual([]);
  }
}

async function search(page: Page, q: string) {
  await page.goto('/customers');
  await page.getByLabel('Search customers').fill(q);
  await page.waitForTimeout(600);
}

beforeAll(async () => {
  ensureWebBuild();
  server = await startServer();
  browser = await launchBrowser();
}, 180_000);
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('the customer file in the browser', () => {
  it('creates, finds, enriches, reveals, merges and exports', async () => {
    const context = await newContext(browser, server.baseUrl);
    const page = await context.newPage();
    await page.setViewportSize(PHONE);
    await logIn(page, OWNER.email, OWNER.password);
    await page.waitForURL((u) => !u.pathname.startsWith('/login'));
    await setLanguage(page, 'en');

    // 张伟 with a lunar birthday, through the form.
    await page.goto('/customers/new');
    await page.getByLabel('Family name').fill('张');
    await page.getByLabel('Given name').fill('伟');
    await page.getByLabel('Mobile phone').fill('138-0013-8000');
    await page.getByText('Lunar date', { exact: true }).click();
    await page.getByLabel('Lunar month').fill('8');
    await page.getByLabel('Day', { exact: true }).fill('15');
    await expect.poll(() => page.getByText('Lunar 8/15').count()).toBeGreaterThan(0);
    await shoot(page, 'customer-new-en');
    await page.getByRole('button', { name: 'Create her file' }).click();
    await page.waitForURL(/\/customers\/[0-9a-f-]{36}$/);
    const zhangUrl = page.url();
    await expect.poll(() => page.getByRole('heading', { level: 1, name: '张伟' }).count()).toBe(1);
    expect(await page.getByText('Zhang Wei').count()).toBeGreaterThan(0);

    // 山田 花子 with her reading.
    await page.goto('/customers/new');
    await page.getByLabel('Family name').fill('山田');
    await page.getByLabel('Given name').fill('花子');
    await page.getByLabel('Reading (pinyin / furigana)').fill('やまだ はなこ');
    await page.getByLabel('Mobile phone').fill('+81 90-1234-5678');
    // Her language for messages: the store's unless she prefers another.
    expect(await page.getByRole('combobox', { name: 'Language for messages' }).inputValue()).toMatch(
      /^Store’s language/,
    );
    await page.getByRole('combobox', { name: 'Language for messages' }).click();
    await page.getByRole('option', { name: '日本語' }).click();
    await page.getByRole('button', { name: 'Create her file' }).click();
    await page.waitForURL(/\/customers\/[0-9a-f-]{36}$/);
    await expect.poll(() => page.getByText(/^Language for messages:\s*日本語$/).count()).toBe(1);

    // Found by initials, traditional characters, katakana and the phone tail.
    for (const [q, name] of [
      ['zw', '张伟'],
      ['張偉', '张伟'],
      ['ヤマダ', '山田 花子'],
      ['8000', '张伟'],
    ] as const) {
      await search(page, q);
      await expect.poll(() => page.getByRole('link', { name }).count(), { message: q }).toBeGreaterThan(0);
    }
    await shoot(page, 'customer-list-en');

    // A preference and a family member raise the completeness.
    await page.goto(zhangUrl);
    const scoreOf = async () =>
      Number(
        (
          await page
            .getByText(/^\d+%$/)
            .first()
            .textContent()
        )?.replace('%', ''),
      );
    const before = await scoreOf();
    await page.getByRole('button', { name: 'Edit' }).click();
    const coloursId = await page
      .locator('label', { hasText: /^Colours$/ })
      .first()
      .getAttribute('for');
    const colours = page.locator(`[id="${coloursId}"]`);
    await colours.fill('米色');
    await colours.press('Enter');
    await page.getByRole('button', { name: 'Add a family member' }).click();
    await page.getByPlaceholder('Name').last().fill('小宝');
    await page.getByPlaceholder('Age').last().fill('6');
    await page.getByRole('dialog').getByRole('combobox', { name: 'Language for messages' }).click();
    await page.getByRole('option', { name: '繁體中文' }).click();
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await expect.poll(() => page.getByText('米色').count()).toBeGreaterThan(0);
    await expect.poll(() => page.getByText(/^Language for messages:\s*繁體中文$/).count()).toBe(1);
    await expect.poll(scoreOf).toBeGreaterThan(before);

    // Reveal the phone: shown, and written to the audit log.
    await page.getByRole('button', { name: 'Show number' }).first().click();
    await expect.poll(() => page.getByText('+8613800138000').count()).toBeGreaterThan(0);
    await shoot(page, 'customer-page-en');
    await page.goto('/audit');
    await expect.poll(() => page.getByText('Contact details shown').count()).toBeGreaterThan(0);

    // A duplicate file of 张伟 is merged into the first one.
    const dup = await api(page, 'POST', '/api/customers', {
      storeId: (await api(page, 'GET', '/api/stores')).json.items
        ? ((await api(page, 'GET', '/api/stores')).json.items as Array<{ id: string }>)[0]!.id
        : '',
      familyName: '张',
      givenName: '伟',
      phones: [{ number: '13900139000' }],
      allowDuplicate: true,
    });
    expect(dup.status).toBe(201);
    await page.goto(`${zhangUrl}/merge`);
    await page.getByLabel('Find the other file').fill('13900139000');
    await page.getByRole('button', { name: 'Choose' }).first().click();
    await expect.poll(() => page.getByRole('button', { name: 'Merge the files' }).count()).toBe(1);
    await shoot(page, 'customer-merge-en');
    await page.getByRole('button', { name: 'Merge the files' }).click();
    await page.waitForURL(zhangUrl);
    await search(page, '9000');
    await expect.poll(() => page.getByRole('link', { name: '张伟' }).count()).toBe(1);

    // Export the list.
    await search(page, 'zw');
    await page
      .getByRole('button', { name: /export/i })
      .first()
      .click();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('menuitem').first().click()]);
    expect(download.suggestedFilename()).toMatch(/\.(csv|xlsx)$/);

    // The print card, and the main screens in the other languages.
    await page.goto(`${zhangUrl}/print`);
    await expect.poll(() => page.getByRole('heading', { name: '张伟' }).count()).toBe(1);
    await shoot(page, 'customer-print-en');
    for (const locale of ['zh-CN', 'zh-TW', 'ja']) {
      await page.goto('/customers');
      await setLanguage(page, locale);
      await page.waitForTimeout(500);
      await shoot(page, `customer-list-${locale}`);
      await page.goto(zhangUrl);
      await page.waitForTimeout(500);
      await shoot(page, `customer-page-${locale}`);
      await page.goto('/customers/new');
      await page.waitForTimeout(300);
      await shoot(page, `customer-new-${locale}`);
    }
    await context.close();
  }, 240_000);
});
