// The foundation journey in a real browser: the owner logs in, switches language, opens a store and
// hires a sales associate; the associate logs in and is kept out of the admin pages. Screenshots of the
// main screens are taken in every language at phone and desktop sizes (test-results/screenshots/).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import {
  accessibilityProblems,
  DESKTOP,
  ensureWebBuild,
  launchBrowser,
  LOCALES,
  logIn,
  newContext,
  OWNER,
  PHONE,
  type RunningServer,
  screenshot,
  startServer,
  chooseLanguage,
} from './helpers';

const STAFF = { email: 'mei@example.com', password: 'mei-pass-12345', name: '林小美' };

let server: RunningServer;
let browser: Browser;

async function pickOption(page: Page, label: string | RegExp, option: string | RegExp) {
  await page.getByLabel(label, { exact: false }).first().click();
  await page.getByRole('option', { name: option }).click();
}

/** Resizes and waits out the AppShell's 200 ms layout transition, so pictures are not mid-slide. */
async function resize(page: Page, viewport: { width: number; height: number }) {
  await page.setViewportSize(viewport);
  await page.waitForTimeout(400);
}

/** Phone and desktop pictures of the current screen, checking the accessibility basics at each size. */
async function shootAllSizes(page: Page, name: string) {
  for (const [size, viewport] of [
    ['phone', PHONE],
    ['desktop', DESKTOP],
  ] as const) {
    await resize(page, viewport);
    await screenshot(page, `${name}-${size}`);
    expect(await accessibilityProblems(page), `${name}-${size}`).toEqual([]);
  }
}

beforeAll(async () => {
  ensureWebBuild();
  [server, browser] = await Promise.all([startServer(), launchBrowser()]);
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('foundation journey', () => {
  it('owner: logs in, switches language, opens a store and creates a staff account', async () => {
    const context = await newContext(browser, server.baseUrl, 'en-US');
    const page = await context.newPage();

    // Before log-in the browser's language is used; a wrong password gets a translated message.
    await page.goto('/login');
    await expect.poll(() => page.locator('h1').textContent()).toBe('Log in to Keqing');
    await logIn(page, OWNER.email, 'not-the-password');
    await page.getByRole('alert').filter({ hasText: 'do not match an active account' }).waitFor();

    // The bootstrapped owner prefers zh-CN, so the shell comes up in simplified Chinese.
    await logIn(page, OWNER.email, OWNER.password);
    await page.getByRole('link', { name: '员工账号', exact: true }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('zh-CN');
    await expect.poll(() => page.locator('header').textContent()).toContain('雅韵服饰');

    await chooseLanguage(page, '日本語');
    await page.getByRole('link', { name: 'スタッフアカウント', exact: true }).waitFor();
    await page.getByRole('heading', { level: 2, name: 'ここでできること' }).waitFor();

    await chooseLanguage(page, '繁體中文');
    await page.getByRole('link', { name: '員工帳號', exact: true }).waitFor();
    await page.getByRole('heading', { level: 2, name: '你可以在這裡' }).waitFor();

    // Open a store; the form checks the contract schema before sending anything.
    await page.getByRole('link', { name: '門市與區域', exact: true }).click();
    await page.getByRole('button', { name: '新增門市' }).click();
    const storeDialog = page.getByRole('dialog', { name: '開設門市' });
    await storeDialog.getByRole('button', { name: '新增門市' }).click();
    await storeDialog.getByText('必填。').first().waitFor();
    await storeDialog.getByLabel('門市代碼').fill('tp 01');
    await storeDialog.getByRole('button', { name: '新增門市' }).click();
    await storeDialog.getByText('只能使用英文字母、數字、- 與 _，最多 20 個字元。').waitFor();
    await screenshot(page, 'store-form-errors-zh-TW-desktop');
    await storeDialog.getByLabel('門市代碼').fill('tp01');
    await storeDialog.getByLabel('門市名稱').fill('信義門市');
    await pickOption(page, '國家或地區', /\(TW\)$/);
    expect(await storeDialog.getByLabel('時區').inputValue()).toBe('Asia/Taipei');
    await storeDialog.getByRole('button', { name: '新增門市' }).click();
    await storeDialog.waitFor({ state: 'detached' });
    await page.getByText('信義門市').waitFor();
    await page.getByText('TP01', { exact: true }).waitFor();

    // The same code again: the server's error is shown, translated.
    await page.getByRole('button', { name: '新增門市' }).click();
    await storeDialog.getByLabel('門市代碼').fill('TP01');
    await storeDialog.getByLabel('門市名稱').fill('信義二店');
    await storeDialog.getByRole('button', { name: '新增門市' }).click();
    await storeDialog.getByRole('alert').filter({ hasText: 'TP01' }).waitFor();
    await storeDialog.getByRole('button', { name: '取消' }).click();

    // A sales associate for the new store.
    await page.getByRole('link', { name: '員工帳號', exact: true }).click();
    await page.getByRole('button', { name: '新增帳號' }).click();
    const userDialog = page.getByRole('dialog', { name: '新增員工帳號' });
    await resize(page, PHONE);
    await screenshot(page, 'user-form-zh-TW-phone');
    await resize(page, DESKTOP);
    await userDialog.getByLabel('姓名').fill(STAFF.name);
    await userDialog.getByLabel('電子郵件（登入用）').fill(STAFF.email);
    await userDialog.getByLabel('初始密碼').fill('short');
    await userDialog.getByRole('button', { name: '新增帳號' }).click();
    await userDialog.getByText('至少 10 個字元。').first().waitFor();
    await userDialog.getByLabel('初始密碼').fill(STAFF.password);
    expect(await userDialog.getByLabel('角色').inputValue()).toBe('導購');
    await userDialog.getByLabel('所屬門市').click();
    await page.getByRole('option', { name: '信義門市 (TP01)' }).click();
    await page.getByRole('option', { name: /總店|总店/ }).click(); // the form starts with the current store
    await userDialog.getByLabel('姓名').click(); // close the dropdown
    await userDialog.getByRole('button', { name: '新增帳號' }).click();
    await userDialog.waitFor({ state: 'detached' });
    const row = page.getByRole('listitem').filter({ hasText: STAFF.email });
    await row.getByText('信義門市').waitFor();
    await row.getByText('導購').waitFor();

    // Deactivate (with a confirmation), find her under "show deactivated", reactivate.
    await row.getByRole('button', { name: `${STAFF.name} 的操作` }).click();
    await page.getByRole('menuitem', { name: '停用' }).click();
    const confirm = page.getByRole('dialog', { name: `停用 ${STAFF.name} 的帳號？` });
    await resize(page, PHONE);
    await screenshot(page, 'deactivate-confirm-zh-TW-phone');
    await resize(page, DESKTOP);
    await confirm.getByRole('button', { name: '停用' }).click();
    await confirm.waitFor({ state: 'detached' });
    await row.waitFor({ state: 'detached' });
    await page.getByLabel('顯示已停用的帳號').check({ force: true });
    await row.getByText('已停用').waitFor();
    await row.getByRole('button', { name: `${STAFF.name} 的操作` }).click();
    await page.getByRole('menuitem', { name: '重新啟用' }).click();
    await page
      .getByRole('dialog', { name: `重新啟用 ${STAFF.name} 的帳號？` })
      .getByRole('button', { name: '重新啟用' })
      .click();
    await expect.poll(() => row.getByText('已停用').count()).toBe(0);
    await page.getByLabel('顯示已停用的帳號').uncheck({ force: true });

    // An API token: the secret is shown once, with a copy button; revoking asks first.
    await page.getByRole('link', { name: 'API 權杖', exact: true }).click();
    await page.getByText('還沒有 API 權杖').waitFor();
    await page.getByRole('button', { name: '新增權杖' }).click();
    const tokenDialog = page.getByRole('dialog', { name: '新增 API 權杖' });
    await tokenDialog.getByLabel('名稱').fill('信義店收銀機');
    await tokenDialog.getByRole('button', { name: '新增權杖' }).click();
    const secretDialog = page.getByRole('dialog', { name: '權杖「信義店收銀機」已建立' });
    expect(await secretDialog.getByTestId('token-secret').textContent()).toMatch(/^kq_/);
    await secretDialog.getByRole('button', { name: '複製權杖' }).waitFor();
    await resize(page, PHONE);
    await screenshot(page, 'token-secret-zh-TW-phone');
    await resize(page, DESKTOP);
    await secretDialog.getByRole('button', { name: '我已複製' }).click();
    await page.getByRole('button', { name: '撤銷權杖「信義店收銀機」？' }).click();
    const revokeDialog = page.getByRole('dialog', { name: '撤銷權杖「信義店收銀機」？' });
    await revokeDialog.getByRole('button', { name: '撤銷' }).click();
    await revokeDialog.waitFor({ state: 'detached' });
    await page.getByText('已撤銷', { exact: true }).waitFor();

    // Screens in every language, phone and desktop.
    for (const { code, label } of LOCALES) {
      await chooseLanguage(page, label);
      await page
        .getByRole('link', { name: /^(首页|首頁|ホーム|Home)$/ })
        .first()
        .click();
      await page.locator('time').first().waitFor();
      await shootAllSizes(page, `home-${code}`);
      await page.goto('/staff');
      await page.getByRole('listitem').filter({ hasText: STAFF.email }).waitFor();
      await shootAllSizes(page, `staff-${code}`);
      await page.goto('/audit');
      await page.locator('time').first().waitFor();
      await shootAllSizes(page, `audit-${code}`);
      // The action filter open: every action named in the chosen language, none as its code.
      for (const [size, viewport] of [
        ['phone', PHONE],
        ['desktop', DESKTOP],
      ] as const) {
        await resize(page, viewport);
        await page.locator('.mantine-Select-input').first().click();
        await page.getByRole('option').first().waitFor();
        const actions = await page.getByRole('option').allTextContents();
        expect(actions.length, `audit actions ${code}`).toBeGreaterThan(5);
        expect(actions.filter((a) => /^[a-z_]+(\.[a-z_]+)+$/.test(a.trim()))).toEqual([]);
        await screenshot(page, `audit-actions-${code}-${size}`);
        await page.keyboard.press('Escape');
      }
      await page.goto('/stores');
      await page.getByText('信義門市').first().waitFor();
      await shootAllSizes(page, `stores-${code}`);
      await page.goto('/account');
      await page.locator('input[autocomplete=current-password]').waitFor();
      await shootAllSizes(page, `account-${code}`);
      await page.goto('/tokens');
      await page.locator('code').first().waitFor();
      await shootAllSizes(page, `tokens-${code}`);
      await resize(page, DESKTOP);
    }
    // Back to the owner's usual language; the store switcher moves the home page to the other store's clock.
    await chooseLanguage(page, '简体中文');
    await page.getByRole('link', { name: '首页', exact: true }).first().click();
    await page.getByRole('button', { name: /^当前门店：/ }).click();
    await page.getByRole('menuitem', { name: /信義門市/ }).click();
    await page.locator('#current-store-title', { hasText: '信義門市' }).waitFor();
    await page.getByText('Asia/Taipei').waitFor();
    await page.getByRole('button', { name: /^当前门店：/ }).click();
    await page.getByRole('menuitem', { name: /总店/ }).click();
    await page.locator('#current-store-title', { hasText: '总店' }).waitFor();

    // Log out from the account menu.
    await page.getByRole('button', { name: /的账号菜单$/ }).click();
    await page.getByRole('menuitem', { name: '退出登录' }).click();
    await page.waitForURL('**/login');
    await page.getByRole('heading', { name: '登录客情' }).waitFor();
    await context.close();
  });

  it('login page in every language', async () => {
    const context = await newContext(browser, server.baseUrl, 'en-US');
    const page = await context.newPage();
    await page.goto('/login');
    for (const { code, label } of LOCALES) {
      await chooseLanguage(page, label);
      await shootAllSizes(page, `login-${code}`);
      await resize(page, DESKTOP);
    }
    await context.close();
  });

  it('staff: sees only her own pages and is refused the admin pages', async () => {
    const context = await newContext(browser, server.baseUrl, 'zh-TW');
    const page = await context.newPage();
    await page.goto('/login');
    await page.getByRole('heading', { name: '登入客情' }).waitFor();
    await logIn(page, STAFF.email, STAFF.password);
    await page.getByRole('heading', { name: /林小美/ }).waitFor();
    await page.getByText('信義門市').first().waitFor();

    const nav = page.getByRole('navigation', { name: '主選單' });
    await nav.getByRole('link', { name: '首頁', exact: true }).waitFor();
    const links = await nav.getByRole('link').allTextContents();
    expect(links).toEqual(['今日任務', '首頁', '顧客', '客群篩選', '顧客價值', '會員制度', '門市', '設定', '我的帳號']);
    for (const hidden of ['員工帳號', 'API 權杖', '操作紀錄']) {
      expect(await page.getByRole('link', { name: hidden }).count()).toBe(0);
    }
    await screenshot(page, 'staff-home-zh-TW-desktop');

    // Her stores are visible but not editable.
    await nav.getByRole('link', { name: '門市', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: '門市' }).waitFor();
    await page.getByText('信義門市').first().waitFor();
    expect(await page.getByRole('button', { name: /新增門市|編輯/ }).count()).toBe(0);

    for (const path of ['/staff', '/audit', '/tokens']) {
      await page.goto(path);
      await page.getByRole('heading', { level: 1, name: '你沒有權限使用此頁面' }).waitFor();
    }
    await resize(page, PHONE);
    await screenshot(page, 'not-allowed-zh-TW-phone');
    await page.getByRole('link', { name: '回到首頁', exact: true }).click();
    await page.getByRole('heading', { name: /林小美/ }).waitFor();
    await screenshot(page, 'staff-home-zh-TW-phone');
    await context.close();
  });

  it('log-in throttle: the message says how many minutes to wait', async () => {
    const context = await newContext(browser, server.baseUrl, 'ja-JP');
    const page = await context.newPage();
    for (let i = 0; i < 5; i++) {
      await logIn(page, 'nobody@example.com', `wrong-${i}`);
      await page.getByRole('alert').waitFor();
    }
    await logIn(page, 'nobody@example.com', 'wrong-again');
    await page
      .getByRole('alert')
      .filter({ hasText: /\d+ ?分後にもう一度お試しください/ })
      .waitFor();
    await resize(page, PHONE);
    await screenshot(page, 'login-throttled-ja-phone');
    await context.close();
  });
});
