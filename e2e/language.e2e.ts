/** Switching to English changes the whole UI, and the server answers in English too. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { chineseLogin, newPage, openBrowser, screenshot, signInAsAdmin } from './support/browser.ts';

test('the UI and the server speak English after switching the language', async (t) => {
  const browser = await openBrowser();
  t.after(() => browser.close());
  const { page, pageErrors } = await newPage(browser);

  await signInAsAdmin(page, chineseLogin);
  await page.getByRole('button', { name: '界面语言' }).click();
  await page.getByRole('menuitem', { name: 'English' }).click();

  const menu = page.locator('.ant-layout-sider .ant-menu');
  for (const item of ['Organisation', 'Users & roles', 'Audit log'])
    await menu.getByRole('menuitem', { name: item }).waitFor();
  assert.doesNotMatch(await menu.innerText(), /[\u4e00-\u9fff]/, 'no Chinese left in the menu');

  await menu.getByRole('menuitem', { name: 'Organisation' }).click();
  await page.getByRole('heading', { name: 'Organisation' }).waitFor();
  await page.getByRole('combobox', { name: 'Search by name or code' }).fill('1409');
  await page.locator('.ant-select-item-option').filter({ hasText: '1409 · City' }).click();
  await page.getByRole('tab', { name: 'History' }).waitFor();
  await page.getByText('Short code').waitFor();

  // The client asks only that a reason be given; the server wants at least two characters, and says so in English.
  await page.getByRole('button', { name: 'Rename' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('Reason').fill('x');
  await dialog.getByRole('button', { name: 'Rename' }).click();
  const alert = dialog.getByRole('alert').filter({ hasText: 'Invalid input' });
  await alert.waitFor();
  assert.doesNotMatch(await alert.innerText(), /[\u4e00-\u9fff]/, 'the server message is in English');
  await dialog
    .locator('.ant-form-item-explain-error')
    .filter({ hasText: /too small/i })
    .waitFor();
  await screenshot(page, 'language-english-validation');

  await dialog.getByRole('button', { name: 'Cancel' }).click();
  assert.deepEqual(pageErrors, []);
});
