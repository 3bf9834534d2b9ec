// Browser journeys against the real server: build the UI if it is stale, start `keqing serve` on a free
// port with a throw-away data directory, and drive the system Chromium (never a downloaded one).
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Locator, type Page } from 'playwright-core';
import { expect } from 'vitest';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const OWNER = { email: 'owner@example.com', password: 'owner-pass-123' };
export const ORG_NAME = '雅韵服饰';

export const PHONE = { width: 390, height: 844 };
export const DESKTOP = { width: 1280, height: 800 };

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(p) : statSync(p).mtimeMs);
  }
  return newest;
}

/** Runs `npm run build:web` when dist/web is missing or older than the sources it is built from. */
export function ensureWebBuild() {
  const index = join(ROOT, 'dist/web/index.html');
  const sources = ['src/web', 'src/i18n', 'src/contracts'].map((d) => newestMtime(join(ROOT, d)));
  const config = statSync(join(ROOT, 'vite.config.ts')).mtimeMs;
  if (existsSync(index) && statSync(index).mtimeMs > Math.max(config, ...sources)) return;
  execFileSync('npm', ['run', 'build:web'], { cwd: ROOT, stdio: 'inherit' });
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

export type RunningServer = { baseUrl: string; stop(): Promise<void> };

/** Starts `node bin/keqing.mjs serve` on a free port with a fresh data directory (plus any extra settings). */
export async function startServer(extraEnv: Record<string, string> = {}): Promise<RunningServer> {
  const port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), 'keqing-e2e-'));
  let output = '';
  const child: ChildProcess = spawn(process.execPath, ['bin/keqing.mjs', 'serve'], {
    cwd: ROOT,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      KEQING_DATA_DIR: dataDir,
      KEQING_ADMIN_EMAIL: OWNER.email,
      KEQING_ADMIN_PASSWORD: OWNER.password,
      KEQING_ORG_NAME: ORG_NAME,
      LOG_LEVEL: 'warn',
      ...extraEnv,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (b: Buffer) => (output += b.toString()));
  child.stderr?.on('data', (b: Buffer) => (output += b.toString()));
  const baseUrl = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`keqing serve exited (${child.exitCode}):\n${output}`);
    try {
      const res = await fetch(`${baseUrl}/api/health`);
      if (res.ok) break;
    } catch {
      // Not listening yet.
    }
    if (Date.now() > deadline) throw new Error(`keqing serve did not become healthy:\n${output}`);
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    baseUrl,
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        await Promise.race([exited, new Promise((r) => setTimeout(r, 15_000))]);
        if (child.exitCode === null) child.kill('SIGKILL');
      }
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-quic',
      '--no-first-run',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** A fresh browser profile (no cookies, no localStorage) speaking `locale`. */
export async function newContext(browser: Browser, baseUrl: string, locale = 'en-US'): Promise<BrowserContext> {
  return browser.newContext({ baseURL: baseUrl, locale, viewport: DESKTOP, timezoneId: 'Asia/Shanghai' });
}

const SHOTS = join(ROOT, 'test-results/screenshots');

/** Saves test-results/screenshots/<name>.png: the viewport, as a person sees it (fixed bars included). */
export async function screenshot(page: Page, name: string, opts: { fullPage?: boolean } = {}) {
  mkdirSync(SHOTS, { recursive: true });
  await settled(page);
  // Let fonts and the last re-render settle so the picture is what a person would see.
  await page.evaluate(() => document.fonts.ready);
  await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: opts.fullPage ?? false });
}

/**
 * Waits (up to 15 s) until the screen has drawn: a visible h1 and no page loader (PageLoader) spinning. On a loaded
 * CI machine a page can take seconds to fetch its data; a picture or an accessibility check taken before
 * then tests the loading state, not the screen. Gives up silently: the checks that follow say what is wrong.
 */
export async function settled(page: Page) {
  await page
    .waitForFunction(
      () => {
        const shown = (el: Element) => {
          const r = el.getBoundingClientRect();
          return r.width > 0 && r.height > 0 && getComputedStyle(el).visibility !== 'hidden';
        };
        const loading = [...document.querySelectorAll('[role=status] .mantine-Loader-root')].some(shown);
        const heading = [...document.querySelectorAll('h1')].some(shown);
        return heading && !loading;
      },
      undefined,
      { timeout: 15_000, polling: 100 },
    )
    .catch(() => undefined);
}

export async function logIn(page: Page, email: string, password: string) {
  await page.goto('/login');
  await page.locator('input[type=email]').fill(email);
  await page.locator('input[type=password]').fill(password);
  await page.locator('form button[type=submit]').click();
}

/**
 * Basic accessibility checks on what is on screen: the page language, one h1, `main` and `nav`
 * landmarks, a label for every form field and an accessible name for every button and link.
 * Returns the problems found (an empty list when all is well).
 */
export async function accessibilityProblems(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const problems: string[] = [];
    const visible = (el: Element) => {
      const r = el.getBoundingClientRect();
      return (
        r.width > 0 &&
        r.height > 0 &&
        getComputedStyle(el).visibility !== 'hidden' &&
        !el.closest('[aria-hidden="true"]')
      );
    };
    const byIds = (ids: string | null) =>
      (ids ?? '')
        .split(/\s+/)
        .map((id) => document.getElementById(id)?.textContent?.trim() ?? '')
        .join(' ')
        .trim();
    const named = (el: Element) =>
      Boolean(
        el.getAttribute('aria-label')?.trim() ||
        byIds(el.getAttribute('aria-labelledby')) ||
        el.textContent?.trim() ||
        el.getAttribute('title')?.trim() ||
        el.querySelector('img[alt]:not([alt=""])'),
      );
    if (!document.documentElement.lang) problems.push('<html> has no lang');
    if (document.querySelectorAll('main').length !== 1) problems.push('expected exactly one <main>');
    const h1 = [...document.querySelectorAll('h1')].filter(visible);
    if (h1.length !== 1) problems.push(`expected one visible h1, found ${h1.length}`);
    for (const el of document.querySelectorAll('input:not([type=hidden]), select, textarea')) {
      if (!visible(el)) continue;
      const input = el as HTMLInputElement;
      const labelled =
        (input.labels?.length ?? 0) > 0 ||
        input.getAttribute('aria-label') ||
        byIds(input.getAttribute('aria-labelledby'));
      if (!labelled) problems.push(`unlabelled field: ${el.outerHTML.slice(0, 120)}`);
    }
    for (const el of document.querySelectorAll('button, a[href], [role=button], [role=menuitem]')) {
      if (visible(el) && !named(el)) problems.push(`unnamed control: ${el.outerHTML.slice(0, 120)}`);
    }
    return problems;
  });
}

/** The language menu's button, whatever language the page is in. */
export const LANGUAGE_BUTTON = /^(Language|语言|語言|言語): /;

/** The four UI languages, as the language menu names them. */
export const LOCALES = [
  { code: 'zh-CN', label: '简体中文' },
  { code: 'zh-TW', label: '繁體中文' },
  { code: 'ja', label: '日本語' },
  { code: 'en', label: 'English' },
] as const;

/** A phone browser (iOS link syntax for sms:). */
export const IPHONE =
  'Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1';

/** Switches the UI language from the header menu and waits until the page says it is in that language. */
export async function chooseLanguage(page: Page, label: string) {
  await page.getByRole('button', { name: LANGUAGE_BUTTON }).first().click();
  await page.getByRole('menuitem', { name: label }).click();
  await expect
    .poll(() => page.evaluate(() => document.documentElement.lang))
    .toBe(LOCALES.find((l) => l.label === label)!.code);
}

/**
 * A signed-in API client for a journey's set-up: the session cookie and the CSRF header, as the browser
 * sends them. A call answers the parsed JSON (or the text of any other content, a CSV say) and throws
 * on an error status, with the status and the server's answer on the error.
 */
export async function apiAs(baseUrl: string, who: { email: string; password: string }) {
  const res = await fetch(`${baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(who),
  });
  if (!res.ok) throw new Error(`login failed: ${res.status}`);
  const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0]!;
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  return async (method: string, path: string, body?: unknown): Promise<Record<string, unknown>> => {
    const r = await fetch(`${baseUrl}${path}`, {
      method,
      headers: { cookie, 'x-csrf-token': csrfToken, ...(body ? { 'content-type': 'application/json' } : {}) },
      body: body ? JSON.stringify(body) : undefined,
    });
    const text = await r.text();
    if (!r.ok) throw Object.assign(new Error(`${method} ${path}: ${r.status} ${text}`), { status: r.status, text });
    if (!text) return {};
    return r.headers.get('content-type')?.includes('json')
      ? (JSON.parse(text) as Record<string, unknown>)
      : (text as unknown as Record<string, unknown>);
  };
}

export type Api = { get(path: string): Promise<unknown>; post(path: string, body: unknown): Promise<unknown> };

/** apiAs as `get` and `post`. */
export async function apiClient(baseUrl: string, who: { email: string; password: string }): Promise<Api> {
  const call = await apiAs(baseUrl, who);
  return { get: (p) => call('GET', p), post: (p, b) => call('POST', p, b) };
}

/** Chips and segmented controls hide their radio; a person taps the label. */
export async function pick(scope: Page | Locator, label: string | RegExp) {
  await scope
    .locator('label')
    .filter({ hasText: typeof label === 'string' ? new RegExp(`^${label}$`) : label })
    .first()
    .click();
}
