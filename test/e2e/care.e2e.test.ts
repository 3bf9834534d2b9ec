// Care tasks in a real browser (issue 6, "Done when"): the engine generates the day's tasks for a shop
// (`keqing tasks generate`), a guide opens Today on her phone, sees a task with its reasons, completes an
// after-purchase call with an outcome, sends a birthday message by e-mail (it arrives at a local SMTP
// server) and by a prefilled SMS link, and sees the contact on the customer's timeline. Head office edits
// the message library with a live preview and tone warnings. Screenshots at phone and desktop sizes in
// the four languages (test-results/screenshots/care/).
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { localDateOf, addDays } from '../../src/domain/care';
import { openDatabase } from '../../src/server/db/client';
import { stores } from '../../src/server/db/schema';
import { runCli } from '../helpers/cli';
import { markFirstRun } from '../helpers/care';
import { startSmtp, type TestSmtp } from '../helpers/smtp';
import {
  accessibilityProblems,
  DESKTOP,
  ensureWebBuild,
  IPHONE,
  launchBrowser,
  LOCALES,
  logIn,
  OWNER,
  PHONE,
  type RunningServer,
  screenshot,
  startServer,
  chooseLanguage,
  apiClient,
  pick,
} from './helpers';

const GUIDE = { email: 'lin@example.com', password: 'lin-pass-12345', name: '林小美' };
const MANAGER = { email: 'chen@example.com', password: 'chen-pass-12345', name: '陈店长' };
const HER = { email: 'wang.lihua@example.com', phone: '+8613800138000' };
const ZONE = 'Asia/Shanghai';

let server: RunningServer;
let browser: Browser;
let smtp: TestSmtp;
let dataDir: string;
let env: Record<string, string>;
let birthdayId: string;
let buyerId: string;
const today = localDateOf(new Date(), ZONE);

async function shoot(page: Page, name: string) {
  await page.waitForTimeout(300);
  await screenshot(page, `care/${name}`);
  expect(await accessibilityProblems(page), name).toEqual([]);
}

async function signedIn(user: { email: string; password: string }, opts: Parameters<Browser['newContext']>[0] = {}) {
  const context: BrowserContext = await browser.newContext({
    baseURL: server.baseUrl,
    locale: 'en-US',
    viewport: DESKTOP,
    timezoneId: ZONE,
    ...opts,
  });
  const page = await context.newPage();
  await logIn(page, user.email, user.password);
  await page.waitForURL((u) => !u.pathname.startsWith('/login'));
  await page.locator('main').waitFor();
  return { context, page };
}

const dialog = (page: Page) => page.getByRole('dialog');
const cards = (page: Page) => page.getByTestId('task-card');

function smtpEnv(): Record<string, string> {
  return {
    KEQING_DATA_DIR: dataDir,
    KEQING_SMTP_URL: smtp.url,
    KEQING_MAIL_FROM: 'care@yayun.example',
    KEQING_PUBLIC_URL: 'https://crm.yayun.example',
  };
}

beforeAll(async () => {
  ensureWebBuild();
  smtp = await startSmtp();
  dataDir = mkdtempSync(join(tmpdir(), 'keqing-care-e2e-'));
  env = smtpEnv();
  [server, browser] = await Promise.all([startServer(env), launchBrowser()]);

  // The shop: a guide and her manager, customers she looks after.
  const api = await apiClient(server.baseUrl, OWNER);
  const me = (await api.get('/api/auth/me')) as { currentStoreId: string };
  const storeId = me.currentStoreId;
  for (const [u, role] of [
    [GUIDE, 'staff'],
    [MANAGER, 'store_manager'],
  ] as const)
    await api.post('/api/users', {
      displayName: u.name,
      email: u.email,
      password: u.password,
      role,
      storeIds: [storeId],
    });
  const users = (await api.get('/api/users')) as { items: Array<{ id: string; email: string }> };
  const guideId = users.items.find((u) => u.email === GUIDE.email)!.id;
  const consents = ['email', 'sms', 'phone', 'messaging'].map((channel) => ({
    channel,
    purpose: 'care',
    granted: true,
  }));
  const customer = async (o: Record<string, unknown>) =>
    (
      (await api.post('/api/customers', { storeId, gender: 'female', ownerUserId: guideId, consents, ...o })) as {
        id: string;
      }
    ).id;
  const monthDay = today.slice(5);
  birthdayId = await customer({
    familyName: '王',
    givenName: '丽华',
    email: HER.email,
    phones: [{ number: '13800138000' }],
    birthday: `1986-${monthDay}`,
    profile: {
      clothingSize: 'M',
      shoeSize: '37',
      family: [{ relation: 'child', name: '小雨' }],
      notes: '喜欢素色羊绒',
    },
  });
  buyerId = await customer({
    familyName: '李',
    givenName: '娜',
    email: 'li.na@example.com',
    phones: [{ number: '13900139000' }],
    profile: { clothingSize: 'S', notes: '大衣要干洗' },
  });
  await customer({
    familyName: '赵',
    givenName: '敏',
    email: 'zhao.min@example.com',
    phones: [{ number: '13700137000' }],
    birthday: `1979-${monthDay}`,
  });
  await customer({
    familyName: '孙',
    givenName: '悦',
    email: 'sun.yue@example.com',
    phones: [{ number: '13600136000' }],
    birthday: `1992-${monthDay}`,
  });
  const zhou = await customer({
    familyName: '周',
    givenName: '雅',
    email: 'zhou.ya@example.com',
    phones: [{ number: '13500135000' }],
    profile: { clothingSize: 'L' },
  });
  // Big purchases a week ago: the after-purchase calls are due today.
  for (const [customerId, receiptNo, productName, price] of [
    [buyerId, 'R-20001', '羊绒大衣', 468_000],
    [zhou, 'R-20002', '真丝连衣裙', 259_000],
  ] as const)
    await api.post('/api/purchases', {
      storeId,
      customerId,
      sellerId: guideId,
      receiptNo,
      occurredAt: new Date(Date.now() - 7 * 86_400_000).toISOString(),
      lines: [{ productName, size: 'S', colour: '驼色', quantity: 1, unitListPrice: price }],
    });
  await server.stop();

  // The engine's first run was a month ago (so last week's purchase is not "back-dated"), then today's run.
  const database = await openDatabase({ dataDir });
  const [store] = await database.db.select().from(stores);
  await markFirstRun(
    database.db,
    { id: store!.id, code: store!.code, timezone: store!.timezone, currency: store!.currency, orgId: store!.orgId },
    addDays(today, -30),
  );
  await database.close();
  const gen = await runCli(['tasks', 'generate', '--date', today, '--json'], { KEQING_DATA_DIR: dataDir }, 300_000);
  expect(gen.code, gen.stderr).toBe(0);
  const result = JSON.parse(gen.stdout.trim().split('\n').at(-1)!) as {
    created: number;
    byRule: Record<string, number>;
  };
  expect(result.byRule).toMatchObject({ birthday: 3, after_purchase_call: 2 });

  server = await startServer(env);
}, 600_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  await smtp?.close();
});

describe('care journey', () => {
  it('a guide works her list: a call with an outcome, a birthday e-mail and SMS, all on her timeline', async () => {
    const { context, page } = await signedIn(GUIDE, {
      viewport: PHONE,
      userAgent: IPHONE,
      isMobile: true,
      hasTouch: true,
    });
    await chooseLanguage(page, 'English');
    // Today is the first thing in the navigation.
    const firstNav = page.getByRole('navigation').last().getByRole('link').first();
    expect(await firstNav.innerText()).toContain('Today');
    await firstNav.click();
    await page.getByRole('heading', { level: 1, name: 'Today' }).waitFor();
    await expect.poll(() => cards(page).count()).toBe(5);
    await shoot(page, 'journey-today-phone');

    // The after-purchase call: reasons, her essentials, completed with an outcome and a note.
    const call = cards(page).filter({ hasText: '李娜' });
    expect(await call.innerText()).toMatch(/Call/);
    expect(await call.innerText()).toMatch(/fits|washing/i);
    await call.getByRole('button').click();
    const sheet = dialog(page);
    await sheet.getByText('Why').waitFor();
    await sheet
      .getByText(/羊绒大衣/)
      .first()
      .waitFor();
    await sheet.getByText('大衣要干洗').waitFor();
    await shoot(page, 'journey-call-task-phone');
    await pick(sheet, 'Reached');
    await sheet.getByLabel('Note').fill('大衣很合身，提醒她干洗不要机洗');
    await sheet.getByRole('button', { name: 'Complete task' }).click();
    await sheet.getByText(/Task completed/).waitFor();
    await sheet.getByRole('button', { name: 'Close' }).first().click();
    await expect.poll(() => cards(page).count()).toBe(4);

    // The birthday: suggested words in her language, sent by e-mail through the outbox…
    await cards(page).filter({ hasText: '王丽华' }).getByRole('button').click();
    await sheet
      .getByText(/Birthday|birthday/)
      .first()
      .waitFor();
    const words = sheet.getByTestId('task-message');
    await expect.poll(() => words.inputValue()).toContain('王女士');
    const text = `${await words.inputValue()}`;
    await shoot(page, 'journey-birthday-task-phone');
    await sheet.getByRole('button', { name: 'Call or message' }).click();
    const contact = page.getByRole('dialog').filter({ hasText: 'Contact 王丽华' });
    await pick(contact, 'E-mail');
    await contact.getByLabel('Subject').fill('生日快乐');
    expect(await contact.getByLabel('Message').inputValue()).toBe(text);
    await contact.getByRole('button', { name: 'Send e-mail' }).click();
    await contact.getByText(/E-mail queued/).waitFor();
    await contact.getByRole('button', { name: 'Close' }).last().click();
    const [mail] = await smtp.waitFor(1, 60_000);
    expect(mail!.to).toEqual([HER.email]);
    expect(mail!.subject).toBe('生日快乐');
    expect(mail!.text).toContain(text.split('\n')[0]!);

    // …and by a prefilled SMS from her own iPhone.
    await sheet.getByRole('button', { name: 'Call or message' }).click();
    await pick(contact, 'SMS');
    expect(await contact.getByLabel('Message').inputValue()).toBe(text);
    await contact.getByRole('button', { name: 'Continue' }).click();
    const link = contact.getByTestId('contact-link');
    await link.waitFor();
    expect(await link.getAttribute('href')).toBe(`sms:${HER.phone}&body=${encodeURIComponent(text.trim())}`);
    await shoot(page, 'journey-sms-link-phone');
    await contact.getByLabel('Note for her file').fill('发了生日短信，她回复说周末来店');
    await contact.getByRole('button', { name: 'Save' }).click();
    await contact.getByText('Recorded on her timeline.').waitFor();
    await contact.getByRole('button', { name: 'Close' }).last().click();

    // Complete the birthday task with the contact the sheet recorded (not counted twice).
    await sheet.getByText(/Use the contact already recorded/).waitFor();
    await pick(sheet, 'Reached');
    await sheet.getByRole('button', { name: 'Complete task' }).click();
    await sheet.getByText(/Task completed/).waitFor();
    await sheet.getByRole('button', { name: 'Close' }).first().click();
    await expect.poll(() => cards(page).count()).toBe(3);

    // A call where she raises an issue: a complaint record is opened, with a link to it.
    await cards(page).filter({ hasText: '周雅' }).getByRole('button').click();
    await pick(sheet, 'Issue raised');
    await sheet.getByLabel(/What did she raise/).fill('连衣裙洗后有点缩水');
    await sheet.getByLabel('Note').fill('约她周六带来门店看看');
    await sheet.getByRole('button', { name: 'Complete task' }).click();
    await sheet.getByText(/Complaint opened\./).waitFor();
    await sheet
      .getByRole('link', { name: /Complaint opened — view it/ })
      .first()
      .click();
    await page.getByRole('heading', { level: 1, name: 'Complaint' }).waitFor();
    await page.getByText('连衣裙洗后有点缩水').waitFor();
    await shoot(page, 'journey-complaint-phone');

    // Her timeline shows the contacts.
    await page.goto(`/customers/${birthdayId}?tab=timeline`);
    await page.getByRole('heading', { level: 1, name: '王丽华' }).waitFor();
    await page.getByText('发了生日短信，她回复说周末来店').waitFor();
    await page.getByText('SMS · Sent').waitFor();
    await page.goto(`/customers/${buyerId}?tab=timeline`);
    await page.getByText('大衣很合身，提醒她干洗不要机洗').waitFor();
    await shoot(page, 'journey-timeline-phone');
    await context.close();
  });

  it('the manager sees the store’s tasks; head office edits a template with live preview and tone warnings', async () => {
    const m = await signedIn(MANAGER);
    await chooseLanguage(m.page, 'English');
    await m.page.goto('/today');
    await pick(m.page, 'My store');
    await expect.poll(() => cards(m.page).count()).toBe(2);
    expect(await cards(m.page).first().innerText()).toContain('For 林小美');
    await m.context.close();

    const { context, page } = await signedIn(OWNER);
    await chooseLanguage(page, 'English');
    await page.goto('/settings');
    await page.getByRole('link', { name: /Message library/ }).click();
    await page.getByRole('heading', { level: 1, name: 'Message library' }).waitFor();
    const first = page.getByTestId('template-card').first();
    await first.getByRole('button', { name: 'Edit' }).click();
    const editor = dialog(page);
    const body = editor.getByTestId('template-body');
    await body.fill('{name}，生日快乐！本周全场8折，新品到店，欢迎来选购。{guide}');
    await editor.getByText('Tone: this reads like an advert').waitFor();
    expect(await editor.locator('mark').count()).toBeGreaterThan(0);
    await expect.poll(() => editor.getByTestId('template-preview').innerText()).toContain('王女士');
    await shoot(page, 'journey-template-tone-desktop');
    await body.fill('{name}，生日快乐！{coupon}');
    await editor.getByText(/Unknown variable/).waitFor();
    expect(await editor.getByRole('button', { name: 'Save' }).isDisabled()).toBe(true);
    await body.fill('{name}，生日快乐！愿您新的一岁平安喜乐。—— {guide}');
    await editor.getByText(/Warm and personal/).waitFor();
    await editor.getByRole('button', { name: 'Save' }).click();
    await editor.waitFor({ state: 'detached' });
    await page.getByText('Edited').first().waitFor();
    await context.close();
  });

  it('screens in the four languages, at phone and desktop sizes', async () => {
    for (const who of ['guide', 'owner'] as const) {
      const { context, page } = await signedIn(who === 'guide' ? GUIDE : OWNER);
      for (const { code, label } of LOCALES) {
        await chooseLanguage(page, label);
        for (const [size, viewport] of [
          ['phone', PHONE],
          ['desktop', DESKTOP],
        ] as const) {
          await page.setViewportSize(viewport);
          if (who === 'guide') {
            await page.goto('/today');
            await cards(page).first().waitFor();
            await shoot(page, `${code}-today-${size}`);
            await cards(page).first().getByRole('button').click();
            await dialog(page).getByTestId('complete-form').waitFor();
            await shoot(page, `${code}-task-${size}`);
            await page.keyboard.press('Escape');
            await page.goto('/today?view=upcoming');
            await page.getByText(/^(近期没有任务|近期沒有任務|今後のタスクはありません|Nothing coming up)$/).waitFor();
            await shoot(page, `${code}-empty-${size}`);
          } else {
            await page.goto('/settings');
            await page
              .getByRole('link')
              .filter({ hasText: /话术库|話術庫|メッセージ文例集|Message library/ })
              .first()
              .waitFor();
            await shoot(page, `${code}-settings-${size}`);
            await page.goto(`/settings/templates?category=birthday&locale=${code}`);
            await page.getByTestId('template-card').first().waitFor();
            await shoot(page, `${code}-templates-${size}`);
          }
        }
      }
      await context.close();
    }
  });
});
