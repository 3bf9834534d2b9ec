// Customer tags in a real browser: a manager creates "VIP event guest" on the tags settings page (its
// colour chosen by click and by arrow key), puts it on a customer from her page, sees the badge, takes it
// off, undoes that, takes it off again, and deletes the tag after a confirmation that counts its
// customers. Then the customer card and the tags page at phone and desktop sizes in the four languages
// (test-results/screenshots/tags-*), with no sideways scrolling on the phone.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
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
  apiAs,
  chooseLanguage,
} from './helpers';

let server: RunningServer;
let browser: Browser;
let customerId: string;
let api: (method: string, path: string, body?: unknown) => Promise<Record<string, unknown>>;

async function shoot(page: Page, name: string) {
  await page.waitForTimeout(500);
  await screenshot(page, name);
  expect(await accessibilityProblems(page), name).toEqual([]);
  // Nothing wider than the screen (a long tag name or a CJK line must wrap, not scroll sideways).
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow, `${name}: page wider than the viewport`).toBeLessThanOrEqual(0);
}

async function signedIn(viewport: { width: number; height: number }) {
  const context = await browser.newContext({
    baseURL: server.baseUrl,
    locale: 'en-US',
    viewport,
    timezoneId: 'Asia/Shanghai',
  });
  const page = await context.newPage();
  await logIn(page, OWNER.email, OWNER.password);
  await page.waitForURL((u) => !u.pathname.startsWith('/login'));
  return { context, page };
}

beforeAll(async () => {
  ensureWebBuild();
  browser = await launchBrowser();
  server = await startServer();
  api = await apiAs(server.baseUrl, OWNER);
  const me = (await api('GET', '/api/auth/me')) as { currentStoreId: string };
  const c = await api('POST', '/api/customers', {
    storeId: me.currentStoreId,
    familyName: '王',
    givenName: '丽华',
    phones: [{ number: '13800138000' }],
    allowDuplicate: true,
  });
  customerId = c.id as string;
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('customer tags', () => {
  it('a manager creates a tag, puts it on a customer, takes it off (with undo) and deletes it', async () => {
    const { context, page } = await signedIn(DESKTOP);
    try {
      await page.goto('/settings');
      await chooseLanguage(page, 'English');
      await page.getByRole('link', { name: /Customer tags/ }).click();
      await page.getByRole('heading', { level: 1, name: 'Customer tags' }).waitFor();
      await page.getByText('No tags yet', { exact: true }).waitFor();
      await page.getByRole('button', { name: 'New tag' }).click();
      const dialog = page.getByRole('dialog');
      await dialog.getByLabel('Name').fill('VIP event guest');
      await dialog.getByRole('radio', { name: 'Grape' }).click();
      await expect.poll(() => dialog.getByRole('radio', { name: 'Grape' }).getAttribute('aria-checked')).toBe('true');
      // The swatches are one radio group: only the chosen one is a tab stop, arrow keys move and choose.
      const isFocused = (name: string) =>
        dialog.getByRole('radio', { name }).evaluate((el) => el === document.activeElement);
      await expect.poll(() => dialog.locator('[role="radio"][tabindex="0"]').count()).toBe(1);
      await dialog.getByRole('radio', { name: 'Grape' }).focus();
      await page.keyboard.press('ArrowRight');
      await expect.poll(() => dialog.getByRole('radio', { name: 'Violet' }).getAttribute('aria-checked')).toBe('true');
      await expect.poll(() => isFocused('Violet')).toBe(true);
      expect(await dialog.getByRole('radio', { name: 'Grape' }).getAttribute('aria-checked')).toBe('false');
      expect(await dialog.getByRole('radio', { name: 'Violet' }).getAttribute('tabindex')).toBe('0');
      await shoot(page, 'tags/colour-keyboard-desktop-en');
      await page.keyboard.press('ArrowLeft');
      await expect.poll(() => isFocused('Grape')).toBe(true);
      await expect.poll(() => dialog.getByRole('radio', { name: 'Grape' }).getAttribute('aria-checked')).toBe('true');
      await dialog.getByRole('button', { name: 'New tag' }).click();
      await dialog.waitFor({ state: 'hidden' });
      const row = page.getByTestId('tag-row').filter({ hasText: 'VIP event guest' });
      await row.getByText('Not on any of your customers yet').waitFor();

      // A second tag of the same name is refused under the field.
      await page.getByRole('button', { name: 'New tag' }).click();
      await dialog.getByLabel('Name').fill('vip event guest');
      await dialog.getByRole('button', { name: 'New tag' }).click();
      await dialog.getByText('A tag with this name exists.').waitFor();
      await dialog.getByRole('button', { name: 'Cancel' }).click();
      await dialog.waitFor({ state: 'hidden' });

      await page.goto(`/customers/${customerId}`);
      const card = page.getByTestId('customer-tags-card');
      await card.getByText('No tags yet.').waitFor();
      await card.getByLabel('Add a tag').click();
      await page.getByRole('option', { name: 'VIP event guest' }).click();
      const remove = card.getByRole('button', { name: 'Remove tag VIP event guest' });
      await remove.waitFor();
      await shoot(page, 'tags/customer-desktop-en');

      await remove.click();
      await card.getByText('Took “VIP event guest” off.').waitFor();
      await card.getByText('No tags yet.').waitFor();
      await card.getByRole('button', { name: 'Undo' }).click();
      await remove.waitFor();
      await remove.click();
      await card.getByText('No tags yet.').waitFor();

      // Back on her: the tags page counts her, and the delete confirmation says so.
      await card.getByLabel('Add a tag').click();
      await page.getByRole('option', { name: 'VIP event guest' }).click();
      await remove.waitFor();
      await page.goto('/settings/tags');
      await row.getByText('On 1 of your customers').waitFor();
      await row.getByRole('button', { name: 'Delete tag VIP event guest' }).click();
      await dialog
        .getByText('“VIP event guest” is on 1 of your customers. Deleting the tag takes it off her.')
        .waitFor();
      await dialog.getByRole('button', { name: 'Delete' }).click();
      await dialog.waitFor({ state: 'hidden' });
      await page.getByText('No tags yet', { exact: true }).waitFor();
      await page.goto(`/customers/${customerId}`);
      await card.getByRole('link', { name: 'No tags yet — create the first ones' }).waitFor();
    } catch (err) {
      await screenshot(page, 'tags/failure');
      throw err;
    } finally {
      await context.close();
    }
  });

  it('looks right on a phone and a desktop in the four languages', async () => {
    const made: string[] = [];
    for (const [name, colour] of [
      ['VIP 活动嘉宾', 'grape'],
      ['偏好微信联系', 'green'],
      ['敏感肌', 'orange'],
      ['送礼顾客・年末のギフトをまとめて購入される方', 'pink'],
    ] as const) {
      const tag = await api('POST', '/api/tags', { name, colour });
      made.push(tag.id as string);
    }
    for (const id of made) await api('PUT', `/api/customers/${customerId}/tags/${id}`);
    for (const viewport of [PHONE, DESKTOP]) {
      const { context, page } = await signedIn(viewport);
      const size = viewport === PHONE ? 'phone' : 'desktop';
      for (const l of LOCALES) {
        await page.goto(`/customers/${customerId}`);
        await chooseLanguage(page, l.label);
        const card = page.getByTestId('customer-tags-card');
        await card.getByText('敏感肌').waitFor();
        await card.scrollIntoViewIfNeeded();
        await shoot(page, `tags/customer-${size}-${l.code}`);
        await page.goto('/settings/tags');
        await page.getByTestId('tag-row').first().waitFor();
        await shoot(page, `tags/manage-${size}-${l.code}`);
        await page.getByTestId('tag-row').first().getByRole('button').first().click();
        await page.getByRole('dialog').getByRole('radio').first().waitFor();
        await shoot(page, `tags/edit-${size}-${l.code}`);
        await page.keyboard.press('Escape');
        await page.getByRole('dialog').waitFor({ state: 'hidden' });
      }
      await context.close();
    }
  });
});
