/**
 * The org tree's audit story end to end: find Kelan County, rename it through the UI, and see the change in
 * its History and Audit tabs.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { chineseLogin, newPage, openBrowser, screenshot, signInAsAdmin } from './support/browser.ts';

test('a county renamed in the UI shows up in its history and its audit trail', async (t) => {
  const browser = await openBrowser();
  t.after(() => browser.close());
  const { page, pageErrors } = await newPage(browser);
  // Unique per run, so the test also passes against a database that keeps earlier runs (DATABASE_URL).
  const newName = `岢岚县（测试${Date.now().toString(36).slice(-4)}）`;
  const reason = '忻政函〔2024〕88号：端到端测试';

  await signInAsAdmin(page, chineseLogin);
  await page.getByRole('menuitem', { name: '组织机构' }).click();
  await page.waitForURL('**/org');

  await page.getByRole('combobox', { name: '搜索名称或代码' }).fill('岢岚');
  await page.locator('.ant-select-item-option').filter({ hasText: '140929 ·' }).click();
  await page.waitForURL(/unit=140929000000/);
  const heading = page.getByRole('heading', { level: 3 });
  const oldName = (await heading.textContent())?.trim() ?? '';
  assert.ok(oldName.startsWith('岢岚县'), `the detail shows Kelan County, not ${oldName}`);

  await page.getByRole('button', { name: '更名' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('新名称').fill(newName);
  await dialog.getByLabel('变更依据').fill(reason);
  // antd spaces out two-character Chinese button labels: 更 名.
  await dialog.getByRole('button', { name: /^更\s*名$/ }).click();
  await dialog.waitFor({ state: 'hidden' });
  await page.getByRole('heading', { level: 3, name: newName }).waitFor();
  await page.locator('.ant-tree').getByText(newName).waitFor();

  await page.getByRole('tab', { name: '沿革' }).click();
  const history = page.getByRole('tabpanel', { name: '沿革' });
  await history.getByText(`由“${oldName}”更名为“${newName}”`).waitFor();
  await history.getByText(reason).waitFor();

  await page.getByRole('tab', { name: '审计记录' }).click();
  const auditRow = page.getByRole('tabpanel', { name: '审计记录' }).locator('tr', { hasText: '单位更名' }).first();
  await auditRow.waitFor();
  const rowText = await auditRow.innerText();
  assert.match(rowText, /admin/);
  assert.ok(rowText.includes(oldName) && rowText.includes(newName), `the audit row names both names: ${rowText}`);
  await page.waitForTimeout(400); // let the tab's fade-in finish so the screenshot shows the settled page
  await screenshot(page, 'org-history-audit-tab');

  await auditRow.click();
  const drawer = page.getByRole('dialog');
  await drawer.getByText('变更前后对比').waitFor();
  const diffRow = drawer.locator('tr', { hasText: 'name' }).first();
  assert.ok((await diffRow.innerText()).includes(newName), 'the drawer lines up the old and the new name');
  await page.waitForTimeout(400);
  await screenshot(page, 'org-history-audit-record');

  assert.deepEqual(pageErrors, []);
});
