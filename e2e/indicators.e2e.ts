/**
 * A county's figure entered in the grid, approved up to the city, then seen in the city's roll-up and map;
 * an indicator defined and edited on screen; a widget added to a dashboard's layout and rendered.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Page } from 'playwright-core';
import { chineseLogin, choose, newPage, openBrowser, screenshot, signInAsAdmin } from './support/browser.ts';

const CITY = '140900000000';
const KELAN = '140929000000';
// The current year's window is open (it closes 30 days after the year ends); the demo holds 2012–2021.
const PERIOD = String(new Date().getFullYear());

/** The map widget's values per county name, as the chart received them. */
async function mapValues(page: Page): Promise<Record<string, number | null>> {
  await page.goto(`/dashboards?unit=${CITY}&period=${PERIOD}`);
  const map = page.getByTestId('map-economy.gdp');
  await map.waitFor();
  return Object.fromEntries(JSON.parse((await map.getAttribute('data-values')) ?? '[]') as [string, number | null][]);
}

test('enter a value, approve it upwards, see the city roll-up and the map change', async (t) => {
  const browser = await openBrowser();
  t.after(() => browser.close());
  const { page, pageErrors } = await newPage(browser);
  await signInAsAdmin(page, chineseLogin);

  const before = await mapValues(page);
  assert.equal(before['岢岚县'] ?? null, null);

  await page.goto(`/indicators?unit=${KELAN}&period=${PERIOD}`);
  await page.getByRole('tab', { name: '数据填报' }).click();
  // Ant Design puts the test id on the input itself or on its wrapper, depending on the version.
  const gdp = page.locator('input[data-testid="value-economy.gdp"], [data-testid="value-economy.gdp"] input').first();
  await gdp.fill('123.45');
  await gdp.press('Enter');
  await page.getByRole('button', { name: /保\s*存/ }).click();
  await page.getByText('已保存 1 个数值').waitFor();
  // The value's own audit trail: the change, from empty to the value, by whom.
  await page.getByRole('button', { name: '修改记录' }).click();
  const change = page.getByTestId('value-history').getByRole('row').filter({ hasText: 'economy.gdp' });
  await change.getByRole('cell', { name: '123.45', exact: true }).waitFor();
  await screenshot(page, 'indicators-value-history');
  await page.keyboard.press('Escape');

  await page.goto(`/indicators?unit=${CITY}&period=${PERIOD}`);
  await page.getByRole('tab', { name: '审核' }).click();
  await page.getByTestId(`approve-${KELAN}`).click();
  await page.getByTestId(`approve-${KELAN}`).waitFor({ state: 'detached' });
  await page.getByTestId(`approve-${CITY}`).click();
  await page.getByTestId(`approve-${CITY}`).waitFor({ state: 'detached' });
  await screenshot(page, 'indicators-approved');

  await page.getByRole('tab', { name: '分析与排名' }).click();
  await page.getByRole('cell', { name: '岢岚县' }).waitFor();

  const after = await mapValues(page);
  assert.equal(after['岢岚县'], 123.45);
  const kpi = page.getByTestId('kpi-economy.gdp');
  await kpi.getByText('123.45').waitFor();
  await screenshot(page, 'indicators-cockpit');
  assert.deepEqual(pageErrors, []);
});

test('define a formula indicator on screen, see the server refuse an unknown operand, then edit it', async (t) => {
  const browser = await openBrowser();
  t.after(() => browser.close());
  const { page, pageErrors } = await newPage(browser);
  await signInAsAdmin(page, chineseLogin);

  await page.goto(`/indicators?unit=${CITY}&period=2021`);
  await page.getByRole('tab', { name: '指标定义' }).click();
  await page.getByRole('button', { name: '新建指标' }).click();
  const dialog = page.getByRole('dialog', { name: '新建指标' });
  await dialog.getByLabel('代码').fill('e2e.industry_to_gdp');
  await dialog.getByLabel('中文名称').fill('工业占比');
  await dialog.getByLabel('英文名称').fill('Industry share');
  await dialog.getByLabel('计量单位').fill('%');
  await choose(page, dialog.getByLabel('数值类型'), '百分比');
  await choose(page, dialog.getByLabel('单位汇总'), '不汇总');
  await choose(page, dialog.getByLabel('期间汇总'), '取期末');
  await choose(page, dialog.getByLabel('来源'), '公式');
  await dialog.getByLabel('分子').fill('industry.nope');
  await dialog.getByLabel('分母').fill('economy.gdp');
  await dialog.getByLabel('系数').fill('100');
  await dialog.getByRole('button', { name: /确\s*定/ }).click();
  // The server's finding shows under the field it concerns.
  await dialog.locator('.ant-form-item-explain-error').getByText('公式引用了不存在的指标 industry.nope').waitFor();
  await screenshot(page, 'indicators-definition-refused');

  await dialog.getByLabel('分子').fill('industry.value_added');
  await dialog.getByRole('button', { name: /确\s*定/ }).click();
  await dialog.waitFor({ state: 'hidden' });
  const row = page.getByRole('row').filter({ hasText: 'e2e.industry_to_gdp' });
  await row.getByText('industry.value_added ÷ economy.gdp × 100').waitFor();

  await row.getByTestId('edit-e2e.industry_to_gdp').click();
  const editor = page.getByRole('dialog', { name: '编辑指标 e2e.industry_to_gdp' });
  await editor.getByLabel('中文名称').fill('工业增加值占地区生产总值比重');
  await editor.getByLabel('预警线').fill('40');
  await editor.getByRole('button', { name: /确\s*定/ }).click();
  await editor.waitFor({ state: 'hidden' });
  await row.getByText('工业增加值占地区生产总值比重').waitFor();
  await row.getByRole('cell', { name: '40', exact: true }).waitFor();

  // Someone else saves the same definition while it is open here: saving says so and offers to reload.
  await row.getByTestId('edit-e2e.industry_to_gdp').click();
  await editor.getByLabel('预警线').fill('45');
  const other = await newPage(browser);
  await signInAsAdmin(other.page, chineseLogin);
  await other.page.goto(`/indicators?unit=${CITY}&period=2021&tab=definitions`);
  await other.page.getByTestId('edit-e2e.industry_to_gdp').click();
  const otherEditor = other.page.getByRole('dialog', { name: '编辑指标 e2e.industry_to_gdp' });
  await otherEditor.getByLabel('英文名称').fill('Industry in GDP');
  await otherEditor.getByRole('button', { name: /确\s*定/ }).click();
  await otherEditor.waitFor({ state: 'hidden' });

  await editor.getByRole('button', { name: /确\s*定/ }).click();
  await editor.getByText('版本冲突：请重新加载后再保存').waitFor();
  await screenshot(page, 'indicators-definition-conflict');
  await editor.getByRole('button', { name: '重新加载' }).click();
  await page.waitForFunction(
    () => document.querySelector<HTMLInputElement>('#indicator-definition_nameEn')?.value === 'Industry in GDP',
  );
  await editor.getByLabel('预警线').fill('45');
  await editor.getByRole('button', { name: /确\s*定/ }).click();
  await editor.waitFor({ state: 'hidden' });
  await row.getByRole('cell', { name: '45', exact: true }).waitFor();
  assert.deepEqual(pageErrors, []);
  assert.deepEqual(other.pageErrors, []);
});

test('add a widget to a dashboard layout, save it and see it render', async (t) => {
  const browser = await openBrowser();
  t.after(() => browser.close());
  const { page, pageErrors } = await newPage(browser);
  await signInAsAdmin(page, chineseLogin);

  await page.goto(`/dashboards?unit=${KELAN}&period=2021`);
  await page.getByTestId('widget-0').waitFor();
  const before = await page.locator('[data-testid^="widget-"]').count();
  await page.getByRole('button', { name: '编辑布局' }).click();
  const drawer = page.getByRole('dialog', { name: '编辑布局' });
  await drawer.getByRole('button', { name: '添加组件' }).click();
  const added = drawer.getByTestId(`layout-item-${before}`);
  await choose(page, added.getByLabel('组件类型'), '排名');
  await choose(page, added.getByLabel('指标'), '工业增加值 (industry.value_added)', 'industry.value_added');
  await choose(page, added.getByLabel('层级'), '县');
  await added.getByLabel('标题（可选）').fill('工业增加值排名');
  // Moved to the top: the new layout's first widget.
  for (let index = before; index > 0; index -= 1) {
    await drawer.getByTestId(`layout-item-${index}`).getByRole('button', { name: '上移' }).click();
  }
  await drawer.getByRole('button', { name: /保\s*存/ }).click();
  await page.getByText('布局已保存').waitFor();

  const widget = page.getByTestId('widget-0');
  await widget.getByText('工业增加值排名').waitFor();
  await widget.locator('canvas').first().waitFor();
  assert.equal(await page.locator('[data-testid^="widget-"]').count(), before + 1);
  await screenshot(page, 'indicators-dashboard-edited');
  assert.deepEqual(pageErrors, []);
});
