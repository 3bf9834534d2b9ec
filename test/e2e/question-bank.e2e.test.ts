// The question bank and the file contest in a real browser. The owner adds a choice question in four
// languages (checked by its preview), moves it with the keyboard; a guide answers it on a customer's page;
// the owner retires it and the guide sees the answer kept, greyed, no longer asked. A beautician names a
// colleague on a salon visit. The owner reads the file contest (medals, rules, CSV, print) and filters the
// audit log with date fields that speak the UI language. Screenshots: test-results/screenshots/qbank-*.
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
  apiClient,
  chooseLanguage,
} from './helpers';

const GUIDE = { email: 'fang@example.com', password: 'fang-pass-12345', name: '王芳' };
const COLLEAGUE = { email: 'na@example.com', password: 'na-pass-123456', name: '李娜' };

let server: RunningServer;
let browser: Browser;
let customerId: string;

async function resize(page: Page, viewport: { width: number; height: number }) {
  await page.setViewportSize(viewport);
  await page.waitForTimeout(400);
}

async function shootAllSizes(page: Page, name: string, fullPage = false) {
  for (const [size, viewport] of [
    ['phone', PHONE],
    ['desktop', DESKTOP],
  ] as const) {
    await resize(page, viewport);
    await screenshot(page, `${name}-${size}`, { fullPage });
    expect(await accessibilityProblems(page), `${name}-${size}`).toEqual([]);
  }
  await resize(page, DESKTOP);
}

async function shootDialog(page: Page, name: string) {
  await resize(page, PHONE);
  await screenshot(page, `${name}-phone`);
  expect(await accessibilityProblems(page), name).toEqual([]);
  await resize(page, DESKTOP);
  await screenshot(page, `${name}-desktop`);
}

beforeAll(async () => {
  ensureWebBuild();
  [server, browser] = await Promise.all([startServer(), launchBrowser()]);
  const api = await apiClient(server.baseUrl, OWNER);
  const me = (await api.get('/api/auth/me')) as { currentStoreId: string };
  const storeId = me.currentStoreId;
  const users: Record<string, string> = {};
  for (const u of [GUIDE, COLLEAGUE, { email: 'xin@example.com', password: 'xin-pass-123456', name: '赵欣' }]) {
    const created = (await api.post('/api/users', {
      displayName: u.name,
      email: u.email,
      password: u.password,
      role: 'staff',
      storeIds: [storeId],
    })) as { id: string };
    users[u.name] = created.id;
  }
  // Files for the contest: 王芳 keeps two rich ones, 李娜 one thin one, 赵欣 none yet.
  const file = async (owner: string, familyName: string, givenName: string, phone: string, extra = {}) =>
    (await api.post('/api/customers', {
      storeId,
      familyName,
      givenName,
      phones: [{ number: phone }],
      ownerUserId: users[owner],
      ...extra,
    })) as { id: string };
  const rich = (email: string) => ({
    gender: 'female',
    birthday: '1988-05-03',
    email,
    profile: { clothingSize: 'M', occupation: '教师', hobbies: ['瑜伽'], colourPreferences: ['藏青'] },
  });
  customerId = (await file(GUIDE.name, '张', '丽', '13800138001', rich('zhangli@example.com'))).id;
  await file(GUIDE.name, '刘', '敏', '13800138002', rich('liumin@example.com'));
  await file(COLLEAGUE.name, '孙', '静', '13800138003');
  await api.post('/api/service-items', { name: '深层补水护理', durationMinutes: 60, price: 38_000, currency: 'CNY' });
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('question bank and file contest', () => {
  it('owner adds a choice question in four languages; a guide answers it; the owner retires it', async () => {
    const owner = await (await newContext(browser, server.baseUrl, 'en-US')).newPage();
    await logIn(owner, OWNER.email, OWNER.password);
    await owner.locator('time').first().waitFor();
    await chooseLanguage(owner, 'English');
    // Profile questions live in the Settings hub.
    await owner.getByRole('navigation', { name: 'Main menu' }).getByRole('link', { name: 'Settings' }).click();
    await owner
      .getByRole('main')
      .getByRole('link', { name: /^Profile questions/ })
      .click();
    await owner.getByRole('heading', { level: 1, name: 'Profile questions' }).waitFor();

    // Add the question: English first (the UI language), then the three others.
    await owner.getByRole('button', { name: 'Add a question to Lifestyle' }).click();
    const dialog = owner.getByRole('dialog', { name: 'Add a question' });
    const inputs = await dialog.getByRole('group', { name: 'Question, in each language' }).getByRole('textbox').all();
    expect(await Promise.all(inputs.map((i) => i.getAttribute('lang')))).toEqual(['en', 'zh-CN', 'zh-TW', 'ja']);
    await dialog.getByRole('textbox', { name: 'English', exact: true }).fill('Favourite drink');
    expect(await dialog.getByRole('textbox', { name: 'Code' }).inputValue()).toBe('favourite_drink');
    await dialog.getByRole('textbox', { name: '简体中文', exact: true }).fill('喜欢的饮品');
    await dialog.getByRole('textbox', { name: '繁體中文', exact: true }).fill('喜歡的飲品');
    await dialog.getByRole('combobox', { name: 'Kind of answer' }).click();
    await owner.getByRole('option', { name: 'One choice' }).click();
    const options = [
      ['Tea', '茶', '茶', 'お茶'],
      ['Coffee', '咖啡', '咖啡', 'コーヒー'],
    ];
    for (const [i, [en, zhCN, zhTW, ja]] of options.entries()) {
      const card = dialog.getByRole('region', { name: `Option ${i + 1}` });
      await card.getByRole('textbox', { name: `Option ${i + 1}: English` }).fill(en!);
      await card.getByRole('textbox', { name: `Option ${i + 1}: 简体中文` }).fill(zhCN!);
      await card.getByRole('textbox', { name: `Option ${i + 1}: 繁體中文` }).fill(zhTW!);
      await card.getByRole('textbox', { name: `Option ${i + 1}: 日本語` }).fill(ja!);
    }
    // The Japanese wording is missing: said under that input, nothing saved.
    await dialog.getByRole('button', { name: 'Add the question' }).click();
    await dialog
      .getByRole('textbox', { name: '日本語', exact: true })
      .and(owner.locator('[aria-invalid=true]'))
      .waitFor();
    await dialog.getByRole('textbox', { name: '日本語', exact: true }).fill('好きな飲み物');

    // The preview shows the customer page's own input, in any of the four languages.
    const preview = dialog.getByRole('region', { name: 'Preview on her page' });
    await preview
      .locator('label')
      .filter({ hasText: /^日本語$/ })
      .click();
    await preview.getByRole('combobox', { name: '好きな飲み物' }).click();
    await owner.getByRole('option', { name: 'コーヒー' }).click();
    await expect.poll(() => preview.getByTestId('preview-line').textContent()).toBe('好きな飲み物: コーヒー');
    await shootDialog(owner, 'qbank-dialog-question-en');
    await dialog.getByRole('button', { name: 'Add the question' }).click();
    await dialog.waitFor({ state: 'detached' });
    const row = owner.getByRole('listitem', { name: 'Favourite drink' });
    await row.getByText('One choice · favourite_drink · Answers: 0').waitFor();
    await row.getByText(/^\d+\. Favourite drink$/).waitFor();
    const number = async () => Number((await row.getByText(/^\d+\. /).textContent())!.split('.')[0]);
    const last = await number();

    // Keyboard: the up button, pressed twice, keeps the focus and moves it two places.
    await row.getByRole('button', { name: 'Move Favourite drink up' }).focus();
    await owner.keyboard.press('Enter');
    await owner
      .getByRole('status')
      .filter({ hasText: `Favourite drink is now number ${last - 1}` })
      .waitFor();
    await owner.keyboard.press('Enter');
    await owner
      .getByRole('status')
      .filter({ hasText: `Favourite drink is now number ${last - 2}` })
      .waitFor();
    expect(await number()).toBe(last - 2);

    // A guide answers it on her customer's page, in Chinese.
    const guide = await (await newContext(browser, server.baseUrl, 'zh-CN')).newPage();
    await logIn(guide, GUIDE.email, GUIDE.password);
    await guide.locator('time').first().waitFor();
    await chooseLanguage(guide, '简体中文');
    await guide.goto(`/customers/${customerId}`);
    await guide.getByRole('button', { name: '填写' }).click();
    const answers = guide.getByRole('dialog', { name: '更多了解' });
    await answers.getByRole('combobox', { name: '喜欢的饮品' }).click();
    await guide.getByRole('option', { name: '咖啡' }).click();
    await answers.getByRole('button', { name: '保存' }).click();
    await answers.waitFor({ state: 'detached' });
    await guide.getByText('喜欢的饮品: 咖啡').waitFor();

    // The owner retires it, after confirming; its answer is counted.
    await owner.reload();
    await row.getByText('Answers: 1').waitFor();
    await row.getByRole('button', { name: 'Retire Favourite drink' }).click();
    const confirm = owner.getByRole('dialog', { name: 'Retire “Favourite drink”?' });
    await confirm.getByText(/The answers already given \(1\) are kept/).waitFor();
    await shootDialog(owner, 'qbank-dialog-retire-en');
    await confirm.getByRole('button', { name: 'Retire' }).click();
    await confirm.waitFor({ state: 'detached' });
    await row.getByText('Retired', { exact: true }).waitFor();
    // Bringing it back asks too (and is cancelled here).
    await row.getByRole('button', { name: 'Bring back Favourite drink' }).click();
    await owner
      .getByRole('dialog', { name: 'Bring back “Favourite drink”?' })
      .getByRole('button', { name: 'Cancel' })
      .click();

    // The guide's page keeps the answer, greyed and marked, and no longer asks the question.
    await guide.reload();
    const kept = guide.locator('[data-retired]').filter({ hasText: '喜欢的饮品' });
    await kept.getByText('已停用').waitFor();
    expect(await kept.textContent()).toContain('咖啡');
    await shootAllSizes(guide, 'qbank-customer-retired-zh-CN', true);
    await guide.getByRole('button', { name: '填写' }).click();
    await guide.getByRole('dialog', { name: '更多了解' }).getByText('生活方式').waitFor();
    expect(await guide.getByRole('dialog').getByRole('combobox', { name: '喜欢的饮品' }).count()).toBe(0);
    await guide.getByRole('dialog').getByRole('button', { name: '取消' }).click();

    // A beautician names the colleague who served, though she may not list accounts.
    await guide.goto(`/customers/${customerId}?tab=salon`);
    await guide.getByRole('button', { name: '记录到店护理' }).click();
    const visit = guide.getByRole('dialog', { name: '记录到店护理' });
    await visit.getByLabel(/^深层补水护理/).check();
    await visit.getByRole('combobox', { name: '美容师' }).click();
    await guide.getByRole('option', { name: COLLEAGUE.name }).click();
    await visit.getByRole('button', { name: '保存护理记录' }).click();
    await visit.waitFor({ state: 'detached' });
    await guide.getByText(COLLEAGUE.name).first().waitFor();

    // The editor in every language, on a phone and a desktop.
    for (const { code, label } of LOCALES) {
      await chooseLanguage(owner, label);
      await owner.getByRole('listitem').first().waitFor();
      await owner.evaluate(() => window.scrollTo(0, 0));
      await shootAllSizes(owner, `qbank-editor-${code}`);
      if (code === 'zh-CN' || code === 'ja') {
        // Her own language comes first in the form.
        await owner
          .getByRole('button', { name: /^在“.+”中添加问题$|^「.+」に質問を追加$/ })
          .first()
          .click();
        const form = owner.getByRole('dialog');
        const first = form
          .getByRole('group', { name: /^(问题（各语言）|質問文（各言語）)$/ })
          .getByRole('textbox')
          .first();
        expect(await first.getAttribute('lang')).toBe(code);
        await shootDialog(owner, `qbank-dialog-new-${code}`);
        await form.getByRole('button', { name: /^(取消|キャンセル)$/ }).click();
      }
    }
    await chooseLanguage(owner, 'English');
    await owner.context().close();
    await guide.context().close();
  });

  it('owner reads the file contest: medals, the rules, CSV in her language, a printable page', async () => {
    const context = await newContext(browser, server.baseUrl, 'zh-CN');
    const page = await context.newPage();
    await logIn(page, OWNER.email, OWNER.password);
    await page.locator('time').first().waitFor();
    await chooseLanguage(page, '简体中文');
    await page.getByRole('navigation', { name: '主菜单' }).getByRole('link', { name: '档案评比' }).click();
    await page.getByRole('heading', { level: 1, name: '顾客档案评比' }).waitFor();
    const first = page.getByTestId('podium-place').first();
    await first.getByRole('img', { name: '第 1 名' }).waitFor();
    expect(await first.textContent()).toContain(GUIDE.name);
    await page.getByText(/得分 = 她负责的所有档案的完整度相加后除以 10/).waitFor();
    const table = page.getByTestId('contest-table');
    const names = await table.locator('tbody tr td:nth-child(2)').allTextContents();
    expect(names).toEqual([GUIDE.name, COLLEAGUE.name, '赵欣']);

    // Only files of this month: all of them were registered today.
    await page.getByRole('combobox', { name: '建立或更新档案的时间' }).click();
    await page.getByRole('option', { name: '本月' }).click();
    await expect.poll(() => table.locator('tbody tr').count()).toBe(3);

    // The CSV has its headings in Chinese.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: '下载 CSV' }).click(),
    ]);
    const { readFile } = await import('node:fs/promises');
    const csv = await readFile((await download.path())!, 'utf8');
    expect(csv).toContain('名次,专属导购,档案数,平均完整度 (%)');
    expect(csv).toContain(`1,${GUIDE.name},2,`);

    for (const { code, label } of LOCALES) {
      await chooseLanguage(page, label);
      await table.locator('tbody tr').first().waitFor();
      await shootAllSizes(page, `qbank-contest-${code}`, true);
    }
    // On paper: no app bars, no buttons, the table.
    await page.emulateMedia({ media: 'print' });
    await screenshot(page, 'qbank-contest-print-en', { fullPage: true });
    expect(await page.getByRole('button', { name: 'Print' }).isVisible()).toBe(false);
    expect(await page.getByRole('navigation', { name: 'Main menu' }).isVisible()).toBe(false);
    await page.emulateMedia({ media: 'screen' });
    await context.close();
  });

  it('audit-log dates follow the chosen language, by typing, by arrow keys and on a calendar', async () => {
    const context = await newContext(browser, server.baseUrl, 'en-US');
    const page = await context.newPage();
    await logIn(page, OWNER.email, OWNER.password);
    await page.locator('time').first().waitFor();
    const words: Record<string, RegExp> = {
      'zh-CN': /^2026年3月15日星期日$/,
      'zh-TW': /^2026年3月15日 星期日$/,
      ja: /^2026年3月15日日曜日$/,
      en: /^Sunday,? (15 March|March 15,) 2026$/,
    };
    const fromLabel: Record<string, string> = { 'zh-CN': '开始日期', 'zh-TW': '開始日期', ja: '開始日', en: 'From' };
    const calendar: Record<string, string> = { 'zh-CN': '日历', 'zh-TW': '日曆', ja: 'カレンダー', en: 'Calendar' };
    for (const { code, label } of LOCALES) {
      await page.goto('/audit');
      await chooseLanguage(page, label);
      const field = page.getByRole('textbox', { name: fromLabel[code], exact: true });
      await field.fill('２０２６／３／１５'); // full-width, as a Chinese or Japanese input method types it
      await field.blur();
      expect(await field.inputValue()).toBe('2026-03-15');
      const description = page.locator(
        `#${await field.getAttribute('aria-describedby').then((v) => v!.split(' ')[0])}`,
      );
      await expect.poll(async () => (await description.textContent()) ?? '').toMatch(words[code]!);
      await field.focus();
      await page.keyboard.press('ArrowUp');
      expect(await field.inputValue()).toBe('2026-03-16');
      // The calendar: month and weekdays in the UI language; arrows move, Enter picks.
      const open = page
        .getByRole('button', { name: `${calendar[code]}：${fromLabel[code]}` })
        .or(page.getByRole('button', { name: `${calendar[code]}: ${fromLabel[code]}` }));
      await open.click();
      const grid = page.getByRole('grid');
      await grid.waitFor();
      await page.keyboard.press('ArrowRight');
      await page.keyboard.press('Enter');
      await grid.waitFor({ state: 'detached' });
      expect(await field.inputValue()).toBe('2026-03-17');
      await open.click();
      await grid.waitFor();
      await shootAllSizes(page, `qbank-audit-calendar-${code}`);
      await page.keyboard.press('Escape');
    }
    await context.close();
  });
});
