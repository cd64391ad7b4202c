/** Helpers the work-loop browser tests share: setting up records through the API, China days, unit pickers. */
import assert from 'node:assert/strict';
import type { APIRequestContext, Locator, Page } from 'playwright-core';
import { chinaDateOf } from '../../src/platform/calendar-date.ts';

const DAY_MS = 86_400_000;

/** Sends a write as the signed-in user (with the session's CSRF token) and fails with the server's answer. */
export async function post<Result = { id: string; version: number }>(
  request: APIRequestContext,
  url: string,
  data: unknown,
): Promise<Result> {
  const me = (await (await request.get('/api/auth/me')).json()) as { csrfToken: string };
  const response = await request.post(url, { data, headers: { 'X-CSRF-Token': me.csrfToken } });
  assert.ok(response.ok(), `${url}: ${response.status()} ${await response.text()}`);
  return (await response.json()) as Result;
}

/** The China day `offsetDays` from today, as the server and the browser (in Asia/Shanghai) count it. */
export function day(offsetDays: number): string {
  return chinaDateOf(new Date(Date.now() + offsetDays * DAY_MS));
}

/** A short token that keeps one run's records apart from another's on the same server. */
export function runSuffix(): string {
  return Date.now().toString(36).slice(-5);
}

/** Picks a unit in an organisation search box by typing its short code. */
export async function pickUnit(page: Page, box: Locator, shortCode: string) {
  await box.click();
  await box.locator('input').fill(shortCode);
  await page
    .locator('.ant-select-item-option')
    .filter({ hasText: `${shortCode} ·` })
    .first()
    .click();
}

/** The form item in `scope` (a dialog, a card) whose label has `label` in it. */
export function formItem(scope: Locator, label: string): Locator {
  return scope.locator('.ant-form-item').filter({ has: scope.page().locator('label', { hasText: label }) });
}

/** Confirms the open pop-up confirmation (antd's Popconfirm). */
export async function confirmPopup(page: Page) {
  await page
    .locator('.ant-popconfirm')
    .getByRole('button', { name: /确\s*定|OK/ })
    .click();
}

/** Resolves with the response to the next request of `method` whose path ends with `pathEnd`. */
export function responseTo(page: Page, method: string, pathEnd: string | RegExp) {
  return page.waitForResponse((response) => {
    const url = new URL(response.url()).pathname;
    const matches = typeof pathEnd === 'string' ? url.endsWith(pathEnd) : pathEnd.test(url);
    return matches && response.request().method() === method;
  });
}
