// Messaging in a real browser, with a local SMTP server started by the test: a guide (not her owner
// guide) e-mails a customer from her page and the mail arrives and lands on her timeline; she opens a
// prefilled SMS (iPhone link syntax, number fetched through the audited reveal) and records it; copies a
// WeChat text; the manager sees the staff statistics and the outbox; the customer unsubscribes from the
// link in the mail. Screenshots at phone and desktop sizes in the four languages
// (test-results/screenshots/messaging-*).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
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
  apiClient,
  type Api,
  chooseLanguage,
  pick,
} from './helpers';

const GUIDE = { email: 'lin@example.com', password: 'lin-pass-12345', name: '林小美' };
const OWNER_GUIDE = { email: 'zhou@example.com', password: 'zhou-pass-12345', name: '周婷' };
const HER = { email: 'wang.lihua@example.com', phone: '+8613800138000' };

let server: RunningServer;
let browser: Browser;
let smtp: TestSmtp;
let api: Api;
let customerId: string;

async function shoot(page: Page, name: string) {
  await page.waitForTimeout(300);
  await screenshot(page, name);
  expect(await accessibilityProblems(page), name).toEqual([]);
}

async function signedIn(user: { email: string; password: string }, opts: Parameters<Browser['newContext']>[0] = {}) {
  const context: BrowserContext = await browser.newContext({
    baseURL: server.baseUrl,
    locale: 'en-US',
    viewport: DESKTOP,
    timezoneId: 'Asia/Shanghai',
    ...opts,
  });
  const page = await context.newPage();
  await logIn(page, user.email, user.password);
  await page.waitForURL((u) => !u.pathname.startsWith('/login'));
  await page.locator('time').first().waitFor();
  return { context, page };
}

const dialog = (page: Page) => page.getByRole('dialog');
const tokenOf = (text: string) => /\/unsubscribe\/([A-Za-z0-9_-]{48})/.exec(text)?.[1];

beforeAll(async () => {
  ensureWebBuild();
  smtp = await startSmtp();
  [server, browser] = await Promise.all([
    startServer({
      KEQING_SMTP_URL: smtp.url,
      KEQING_MAIL_FROM: 'care@yayun.example',
      KEQING_PUBLIC_URL: 'https://crm.yayun.example',
    }),
    launchBrowser(),
  ]);
  api = await apiClient(server.baseUrl, OWNER);
  const me = (await api.get('/api/auth/me')) as { currentStoreId: string };
  for (const u of [GUIDE, OWNER_GUIDE])
    await api.post('/api/users', {
      displayName: u.name,
      email: u.email,
      password: u.password,
      role: 'staff',
      storeIds: [me.currentStoreId],
    });
  const users = (await api.get('/api/users')) as { items: Array<{ id: string; email: string }> };
  const customer = (await api.post('/api/customers', {
    storeId: me.currentStoreId,
    familyName: '王',
    givenName: '丽华',
    gender: 'female',
    email: HER.email,
    phones: [{ number: '13800138000' }],
    ownerUserId: users.items.find((u) => u.email === OWNER_GUIDE.email)!.id,
    consents: ['email', 'sms', 'phone', 'messaging'].map((channel) => ({ channel, purpose: 'care', granted: true })),
  })) as { id: string };
  customerId = customer.id;
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  await smtp?.close();
});

describe('messaging journey', () => {
  it('a guide e-mails her from her page, opens a prefilled SMS, copies for WeChat; all on her timeline', async () => {
    const { context, page } = await signedIn(GUIDE, {
      viewport: PHONE,
      userAgent: IPHONE,
      isMobile: true,
      hasTouch: true,
    });
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.baseUrl });
    await chooseLanguage(page, 'English');
    await page.goto(`/customers/${customerId}`);
    await page.getByRole('heading', { level: 1, name: '王丽华' }).waitFor();

    // E-mail through the outbox.
    await page.getByRole('button', { name: 'Contact', exact: true }).click();
    const sheet = dialog(page);
    await sheet.getByText('Contact 王丽华').waitFor();
    await pick(sheet, 'E-mail');
    await sheet.getByLabel('Subject').fill('Happy birthday');
    await sheet.getByLabel('Message').fill('王女士，祝您生日快乐，心想事成！\n——小美');
    await shoot(page, 'messaging-compose-email-phone');
    await sheet.getByRole('button', { name: 'Send e-mail' }).click();
    await sheet.getByText(/E-mail queued/).waitFor();
    await sheet.getByRole('button', { name: 'Close' }).last().click();

    const [mail] = await smtp.waitFor(1, 60_000);
    expect(mail!.to).toEqual([HER.email]);
    expect(mail!.subject).toBe('Happy birthday');
    expect(mail!.text).toContain('王女士，祝您生日快乐，心想事成！');
    expect(mail!.headers.get('list-unsubscribe')).toMatch(/^<https:\/\/crm\.yayun\.example\/unsubscribe\/[\w-]{48}>$/);
    expect(mail!.headers.get('list-unsubscribe-post')).toBe('List-Unsubscribe=One-Click');

    // On her timeline once the sender has recorded it.
    await page.getByRole('tab', { name: 'Timeline' }).click();
    await expect
      .poll(
        async () => {
          await page.reload();
          await page.getByRole('heading', { level: 1, name: '王丽华' }).waitFor();
          return page.getByText('E-mail · Sent').count();
        },
        { timeout: 30_000, interval: 1000 },
      )
      .toBe(1);

    // SMS from her own iPhone: the link carries the text, in iOS's `&body=` syntax.
    await page.getByRole('button', { name: 'Contact', exact: true }).click();
    const text = '王女士，天气转凉，出门记得添件外套。';
    await pick(sheet, 'SMS');
    await sheet.getByLabel('Message').fill(text);
    await sheet.getByRole('button', { name: 'Continue' }).click();
    const link = sheet.getByTestId('contact-link');
    await link.waitFor();
    expect(await link.getAttribute('href')).toBe(`sms:${HER.phone}&body=${encodeURIComponent(text)}`);
    await sheet.getByText(/Her number is fetched for your phone only now/).waitFor();
    await shoot(page, 'messaging-sms-link-phone');
    await sheet.getByText('Did you send it?').waitFor();
    await sheet.getByLabel('Note for her file').fill('她说周末来试新到的大衣');
    await sheet.getByRole('button', { name: 'Save' }).click();
    await sheet.getByText('Recorded on her timeline.').waitFor();
    await sheet.getByRole('button', { name: 'Close' }).last().click();
    await page.getByText('SMS · Sent').waitFor();
    await page.getByText('她说周末来试新到的大衣').waitFor();

    // WeChat: copy, with a visible confirmation; nothing recorded when the guide says "not now".
    await page.getByRole('button', { name: 'Contact', exact: true }).click();
    await pick(sheet, 'WeChat');
    await sheet.getByLabel('Message').fill('王女士，周末愉快！');
    await sheet.getByRole('button', { name: 'Continue' }).click();
    await sheet.getByRole('button', { name: 'Copy text for WeChat' }).click();
    await sheet.getByText('Copied. Paste it to her in WeChat.').waitFor();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe('王女士，周末愉快！');
    await shoot(page, 'messaging-wechat-copied-phone');
    await sheet.getByRole('button', { name: 'Not now' }).click();

    // Her Contacts tab lists both contacts.
    await page.getByRole('tab', { name: 'Contacts' }).click();
    await page.locator('li', { hasText: '她说周末来试新到的大衣' }).waitFor();
    expect(await page.locator('li', { hasText: 'Sent' }).count()).toBe(2);
    await shoot(page, 'messaging-panel-phone');

    // The number went into the link through the audited reveal: she is not this guide's customer.
    const audit = (await api.get('/api/audit?action=customer.contact_revealed')) as {
      items: Array<{ actorName: string; details: { reason: string } }>;
    };
    expect(audit.items.map((a) => [a.actorName, a.details.reason])).toEqual([[GUIDE.name, 'contact link: sms']]);
    await context.close();
  });

  it('the manager sees each employee’s contacts over the period, exports them, and the outbox', async () => {
    const { context, page } = await signedIn(OWNER);
    await chooseLanguage(page, 'English');
    await page.getByRole('link', { name: 'Contacts & messages' }).first().click();
    await page.getByRole('heading', { level: 1, name: 'Contacts and messages' }).waitFor();
    const row = page.getByRole('row', { name: new RegExp(GUIDE.name) });
    await row.waitFor();
    expect(await row.getByRole('cell').allInnerTexts()).toEqual(
      expect.arrayContaining(['2', expect.stringMatching(/^2\s*\(100%\)$/), '1']),
    );
    const csvHref = await page.getByRole('link', { name: 'Export CSV' }).getAttribute('href');
    expect(csvHref).toMatch(/^\/api\/contacts\/stats\?from=\d{4}-\d{2}-01&to=\d{4}-\d{2}-\d{2}&format=csv$/);
    const csv = (await api.get(csvHref!)) as string;
    expect(csv).toContain(GUIDE.name);

    await page.getByRole('tab', { name: 'Outbox' }).click();
    await page
      .locator('label')
      .filter({ hasText: /^Sent$/ })
      .click();
    await page.getByText('Happy birthday').waitFor();
    await page.getByRole('button', { name: 'Attempts' }).first().click();
    await dialog(page).getByText('Accepted by the server').waitFor();
    await dialog(page).getByRole('button', { name: 'Close' }).click();
    await context.close();
  });

  it('screens in the four languages, at phone and desktop sizes', async () => {
    for (const who of ['guide', 'manager'] as const) {
      const { context, page } = await signedIn(who === 'guide' ? GUIDE : OWNER);
      for (const { code, label } of LOCALES) {
        await chooseLanguage(page, label);
        for (const [size, viewport] of [
          ['phone', PHONE],
          ['desktop', DESKTOP],
        ] as const) {
          await page.setViewportSize(viewport);
          if (who === 'guide') {
            await page.goto(`/customers/${customerId}?tab=contacts`);
            await page.getByRole('heading', { level: 1, name: '王丽华' }).waitFor();
            await page.getByRole('listitem').filter({ visible: true }).first().waitFor();
            await shoot(page, `messaging-${code}-panel-${size}`);
            await page
              .locator('main')
              .getByRole('button', { name: /^(联系顾客|聯繫顧客|連絡する|Contact)$/ })
              .first()
              .click();
            await pick(dialog(page), /^(短信|簡訊|SMS)$/);
            await shoot(page, `messaging-${code}-compose-${size}`);
            await page.keyboard.press('Escape');
            await page.getByRole('tab', { name: /^(动态|動態|履歴|Timeline)$/ }).click();
            await page.locator('.mantine-Timeline-item').first().waitFor();
            await shoot(page, `messaging-${code}-timeline-${size}`);
          } else {
            await page.goto('/contacts');
            await page.getByText(GUIDE.name).filter({ visible: true }).first().waitFor();
            await shoot(page, `messaging-${code}-stats-${size}`);
            await page.goto('/contacts?tab=outbox');
            await pick(page, /^(已发送|已送出|送信済み|Sent)$/);
            await page.getByRole('listitem').filter({ visible: true }).first().waitFor();
            await shoot(page, `messaging-${code}-outbox-${size}`);
          }
        }
      }
      await context.close();
    }
  });

  it('the customer opens the link in her e-mail, in the language of the message, and unsubscribes', async () => {
    // One e-mail per language, so the page can be seen in each (the link carries the message's language).
    for (const locale of ['zh-TW', 'ja', 'en'] as const)
      await api.post('/api/outbox', {
        customerId,
        channel: 'email',
        purpose: 'care',
        locale,
        subject: `Season ${locale}`,
        body: '…',
        idempotencyKey: `season:${locale}:${customerId}`,
      });
    const mails = await smtp.waitFor(4, 60_000);
    const byLocale = new Map(mails.map((m) => [m.headers.get('content-language') ?? '', tokenOf(m.text)!]));
    const context = await browser.newContext({ baseURL: server.baseUrl, locale: 'en-US', viewport: PHONE });
    const page = await context.newPage();
    for (const { code } of LOCALES) {
      for (const [size, viewport] of [
        ['phone', PHONE],
        ['desktop', DESKTOP],
      ] as const) {
        await page.setViewportSize(viewport);
        const res = await page.goto(`/unsubscribe/${byLocale.get(code)}`);
        expect(res?.status()).toBe(200);
        expect(await page.evaluate(() => document.documentElement.lang)).toBe(code);
        await shoot(page, `messaging-${code}-unsubscribe-${size}`);
      }
    }
    expect(await page.locator('main').innerText()).toContain('Dear Ms 王');
    expect(await page.locator('main').innerText()).not.toContain(HER.email);
    await page.getByRole('button', { name: 'Yes, unsubscribe' }).click();
    await page.getByRole('heading', { name: 'You are unsubscribed' }).waitFor();
    await shoot(page, 'messaging-en-unsubscribed-desktop');
    // Her file now refuses care e-mail.
    const refused = await api
      .post('/api/outbox', { customerId, channel: 'email', purpose: 'care', subject: 'x', body: 'x' })
      .catch((e: { status: number; text: string }) => e);
    expect(refused).toMatchObject({ status: 409 });
    expect((refused as { text: string }).text).toContain('consent_required');
    await context.close();
  });
});
