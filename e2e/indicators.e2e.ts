/** A county's figure entered in the grid, approved up to the city, then seen in the city's roll-up and map. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Page } from 'playwright-core';
import { chineseLogin, newPage, openBrowser, screenshot, signInAsAdmin } from './support/browser.ts';

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
