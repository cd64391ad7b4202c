/** Shared setup for the browser tests: one Chromium per test file, pages pointed at the server under test. */
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TestContext } from 'node:test';
import { type Browser, chromium, type Locator, type Page } from 'playwright-core';

export const baseUrl = requiredEnv('E2E_BASE_URL');
export const adminPassword = requiredEnv('E2E_ADMIN_PASSWORD');
const artifacts = fileURLToPath(new URL('../../.test-artifacts/', import.meta.url));

function requiredEnv(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set; run the browser tests through e2e/run.ts (npm run test:e2e)`);
  return value;
}

export function openBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** A fresh page (own cookies and storage), and the uncaught errors it throws, which tests expect to stay empty. */
export async function newPage(browser: Browser): Promise<{ page: Page; pageErrors: string[] }> {
  const context = await browser.newContext({
    baseURL: baseUrl,
    viewport: { width: 1440, height: 900 },
    locale: 'zh-CN',
    // Users are in China: dates picked in the browser are China dates, as the server counts them.
    timezoneId: 'Asia/Shanghai',
  });
  context.setDefaultTimeout(15_000);
  const page = await context.newPage();
  const pageErrors: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
  return { page, pageErrors };
}

type LoginTexts = { username: string; password: string; submit: RegExp };

/** Signs in through the login page, as a person would. */
export async function signInAs(page: Page, texts: LoginTexts, account: { username: string; password: string }) {
  await page.goto('/');
  await page.waitForURL('**/login**');
  await page.getByLabel(texts.username).fill(account.username);
  await page.getByLabel(texts.password).fill(account.password);
  await page.getByRole('button', { name: texts.submit }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/login'));
}

/** Signs in as the administrator through the login page. */
export function signInAsAdmin(page: Page, texts: LoginTexts) {
  return signInAs(page, texts, { username: 'admin', password: adminPassword });
}

export const chineseLogin = { username: '用户名', password: '密码', submit: /登\s*录/ };

export async function screenshot(page: Page, name: string): Promise<string> {
  await mkdir(artifacts, { recursive: true });
  const file = path.join(artifacts, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

/**
 * One test's browser and first page; when the test fails, the page as it was goes to the artifacts as
 * `failed-<name>.png` before the browser closes.
 */
export async function openTestPage(t: TestContext, name: string) {
  const browser = await openBrowser();
  const opened = await newPage(browser);
  // Node sets `passed` on the context once the test body has settled; @types/node does not declare it yet.
  t.after(async () => {
    if (!(t as TestContext & { passed: boolean }).passed)
      await screenshot(opened.page, `failed-${name}`).catch(() => undefined);
    await browser.close();
  });
  return { browser, ...opened };
}

/** Picks an option of an Ant Design select opened by clicking `control`; a searchable one is typed into first. */
export async function choose(page: Page, control: Locator, option: string, search?: string) {
  await control.click();
  if (search) await control.fill(search);
  await page
    .locator('.ant-select-dropdown:visible .ant-select-item-option')
    .filter({ hasText: option })
    .first()
    .click();
}

/** Presses a dialog's OK button and waits for the dialog to close. */
export async function confirmDialog(dialog: Locator) {
  await dialog.getByRole('button', { name: /确\s*定|OK/ }).click();
  await dialog.waitFor({ state: 'hidden' });
}
