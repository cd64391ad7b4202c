/** Two people change the same unit: the second is told, reloads the unit, and can then save. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { request } from 'playwright-core';
import { chinaDateOf } from '../src/platform/calendar-date.ts';
import {
  adminPassword,
  baseUrl,
  chineseLogin,
  newPage,
  openBrowser,
  screenshot,
  signInAsAdmin,
} from './support/browser.ts';

const unitCode = '140929102000'; // 宋家沟镇, a township of Kelan County

/** Someone else, in their own session, renames the unit while the page still holds the old version. */
async function renameElsewhere(name: string) {
  const other = await request.newContext({ baseURL: baseUrl });
  try {
    const login = await other.post('/api/auth/login', { data: { username: 'admin', password: adminPassword } });
    const { csrfToken } = (await login.json()) as { csrfToken: string };
    const unit = (await (await other.get(`/api/org-units/${unitCode}`)).json()) as { version: number };
    const renamed = await other.post(`/api/org-units/${unitCode}/rename`, {
      headers: { 'X-CSRF-Token': csrfToken },
      data: {
        name,
        effectiveOn: chinaDateOf(new Date()),
        reason: '另一位管理员的变更',
        version: unit.version,
      },
    });
    assert.equal(renamed.status(), 200, await renamed.text());
  } finally {
    await other.dispose();
  }
}

test('a stale edit is refused with a conflict, and succeeds after reloading', async (t) => {
  const browser = await openBrowser();
  t.after(() => browser.close());
  const { page, pageErrors } = await newPage(browser);
  const suffix = Date.now().toString(36).slice(-4);

  await signInAsAdmin(page, chineseLogin);
  await page.goto(`/org?unit=${unitCode}`);
  await page.getByRole('button', { name: '更名' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('新名称').fill(`宋家沟镇（甲${suffix}）`);
  await dialog.getByLabel('变更依据').fill('端到端测试：并发修改');

  await renameElsewhere(`宋家沟镇（乙${suffix}）`);
  await dialog.getByRole('button', { name: /^更\s*名$/ }).click();
  const conflict = dialog.getByRole('alert').filter({ hasText: '该记录已被他人修改' });
  await conflict.waitFor();
  await screenshot(page, 'version-conflict');

  await conflict.getByRole('button', { name: /重新加载/ }).click();
  await conflict.waitFor({ state: 'hidden' });
  await page.getByRole('heading', { level: 3, name: `宋家沟镇（乙${suffix}）` }).waitFor();
  await dialog.getByRole('button', { name: /^更\s*名$/ }).click();
  await dialog.waitFor({ state: 'hidden' });
  await page.getByRole('heading', { level: 3, name: `宋家沟镇（甲${suffix}）` }).waitFor();

  assert.deepEqual(pageErrors, []);
});
