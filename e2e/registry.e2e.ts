/**
 * A clerk's day in the registry: identify a household with its members, register it, record the home visit,
 * income and a measure, exit it — and watch the village's incidence on the dashboard rise and fall back.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Page } from 'playwright-core';
import { idCheckCharacter } from '../src/modules/registry/rules/id-number.ts';
import { chineseLogin, newPage, openBrowser, openTestPage, screenshot, signInAsAdmin } from './support/browser.ts';

const village = '140929101201'; // 谷河村, Kelan County: every registered household there exited by 2020

function idNumber(birth: string): string {
  const first17 = `140929${birth}${String(100 + Math.floor(Math.random() * 800)).padStart(3, '0')}`;
  return first17 + idCheckCharacter(first17);
}

async function incidenceOnDashboard(page: Page): Promise<string> {
  await page.goto(`/registry?unit=${village}`);
  const card = page.getByRole('group', { name: '贫困发生率' });
  // '—' until the figures arrive: network idleness alone does not prove the statistics were fetched.
  const figure = card.locator('.ant-statistic-content').filter({ hasText: /%/ });
  await figure.waitFor();
  return (await figure.innerText()).trim();
}

test('register a household, assist it, exit it, and see the village incidence change', async (t) => {
  const browser = await openBrowser();
  t.after(() => browser.close());
  const { page, pageErrors } = await newPage(browser);
  await signInAsAdmin(page, chineseLogin);

  const before = await incidenceOnDashboard(page);

  await page.getByRole('tab', { name: '贫困户' }).click();
  await page.getByRole('button', { name: '新增贫困户' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('combobox').first().fill(village);
  await page.locator('.ant-select-item-option').filter({ hasText: '谷河' }).first().click();
  await dialog.getByLabel('姓名').first().fill('端到端户主');
  await dialog.getByLabel('身份证号').first().fill(idNumber('19750312'));
  await dialog.getByRole('button', { name: '添加成员' }).click();
  await dialog.getByLabel('姓名').nth(1).fill('端到端子女');
  await dialog.getByLabel('身份证号').nth(1).fill(idNumber('20080620'));
  await dialog.getByRole('button', { name: /确\s*定|OK/ }).click();

  const drawer = page.locator('.ant-drawer');
  await drawer.getByTestId('household-status').filter({ hasText: '已识别' }).waitFor();
  await drawer.getByRole('tab', { name: '办理' }).click();
  await drawer.getByLabel('理由').fill('村民评议，两公示一公告');
  await drawer.getByRole('button', { name: /建\s*档/ }).click();
  await drawer.getByTestId('household-status').filter({ hasText: '已建档' }).waitFor();

  const registered = await incidenceOnDashboard(page);
  assert.notEqual(registered, before, 'registering raises the village incidence');

  await page.getByRole('tab', { name: '贫困户' }).click();
  await page.getByPlaceholder('户编号或成员姓名').fill('端到端户主');
  await page.getByRole('row').filter({ hasText: '端到端户主' }).first().click();
  await drawer.getByRole('tab', { name: '办理' }).click();
  for (const need of ['不愁吃', '不愁穿', '义务教育有保障', '基本医疗有保障', '住房安全有保障', '饮水安全']) {
    await drawer.getByRole('checkbox', { name: need }).click();
    await drawer.getByRole('checkbox', { name: need }).and(page.locator(':checked')).waitFor();
  }
  const income = drawer.getByRole('form', { name: '记录收入' });
  await income.getByLabel('人均纯收入（元）').fill('9800');
  await income.getByRole('button', { name: '记录收入' }).click();
  await drawer.getByRole('tab', { name: '人均纯收入' }).click();
  await drawer.getByRole('cell', { name: '9800' }).waitFor();
  await drawer.getByRole('tab', { name: '办理' }).click();
  const measure = drawer.getByRole('form', { name: '记录帮扶措施' });
  await measure.getByLabel('措施类型').click();
  await page.locator('.ant-select-item-option').filter({ hasText: '产业扶贫' }).first().click();
  await measure.getByLabel('金额（元）').fill('3000');
  await measure.getByRole('button', { name: '记录帮扶措施' }).click();
  await drawer.getByRole('tab', { name: '帮扶措施' }).click();
  await drawer.getByRole('cell', { name: '产业扶贫' }).waitFor();
  await drawer.getByRole('tab', { name: '办理' }).click();
  await drawer.getByLabel('理由').fill('收入稳定超过标准，两不愁三保障');
  await drawer.getByRole('button', { name: /脱\s*贫/ }).click();
  await drawer.getByTestId('household-status').filter({ hasText: '已脱贫' }).waitFor();
  await screenshot(page, 'registry-household-exited');

  const exited = await incidenceOnDashboard(page);
  assert.equal(exited, before, 'exiting brings the incidence back');
  await screenshot(page, 'registry-dashboard');
  assert.deepEqual(pageErrors, []);
});

test('request a change of head, approve it village → township → county, and check an import file', async (t) => {
  const browser = await openBrowser();
  t.after(() => browser.close());
  const { page, pageErrors } = await newPage(browser);
  await signInAsAdmin(page, chineseLogin);
  const childId = idNumber('20030915');

  await page.goto(`/registry?unit=${village}`);
  await page.getByRole('tab', { name: '贫困户' }).click();
  await page.getByRole('button', { name: '新增贫困户' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('combobox').first().fill(village);
  await page.locator('.ant-select-item-option').filter({ hasText: '谷河' }).first().click();
  await dialog.getByLabel('姓名').first().fill('变更户主');
  await dialog.getByLabel('身份证号').first().fill(idNumber('19600101'));
  await dialog.getByRole('button', { name: '添加成员' }).click();
  await dialog.getByLabel('姓名').nth(1).fill('变更子女');
  await dialog.getByLabel('身份证号').nth(1).fill(childId);
  await dialog.getByRole('button', { name: /确\s*定|OK/ }).click();

  const drawer = page.locator('.ant-drawer');
  await drawer.getByTestId('household-status').filter({ hasText: '已识别' }).waitFor();
  await drawer.getByRole('tab', { name: '申请变更' }).click();
  await drawer.getByLabel('变更类型').click();
  await page.locator('.ant-select-item-option').filter({ hasText: '变更户主' }).click();
  await drawer.getByLabel('新户主', { exact: true }).click();
  await page.locator('.ant-select-item-option').filter({ hasText: '变更子女' }).click();
  await drawer.getByLabel('理由').fill('户主年迈，经村民会议同意');
  await drawer.getByRole('button', { name: '申请变更' }).click();
  await page.getByText('已提交变更申请').waitFor();
  await page.keyboard.press('Escape');

  await page.getByRole('tab', { name: '变更审批' }).click();
  const inbox = page.getByRole('table', { name: '变更审批' });
  const row = inbox.getByRole('row').filter({ hasText: '户主年迈' });
  for (const step of ['村级', '乡镇', '县级']) {
    await row.getByRole('cell', { name: step, exact: true }).waitFor();
    // The previous decision refreshes every registry figure; its button stays busy until then.
    await row.locator('.ant-btn-loading').waitFor({ state: 'detached' });
    await row.getByRole('button', { name: /同\s*意/ }).click();
  }
  await page.getByRole('combobox', { name: '状态' }).click();
  await page.locator('.ant-select-item-option').filter({ hasText: '已生效' }).click();
  await inbox.getByRole('row').filter({ hasText: '户主年迈' }).getByText('已生效').waitFor();
  await screenshot(page, 'registry-change-requests');

  await page.getByRole('button', { name: /导\s*入$/ }).click();
  const importing = page.getByRole('dialog', { name: '导入建档立卡数据' });
  await importing.locator('input[type=file]').setInputFiles({
    name: 'registry.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from('户编号,姓名\n1,无证件号\n'),
  });
  await importing.getByRole('button', { name: /校\s*验/ }).click();
  await importing.getByRole('table', { name: '逐行问题' }).or(importing.getByRole('alert')).first().waitFor();
  await screenshot(page, 'registry-import-dry-run');
  assert.deepEqual(pageErrors, []);
});

async function newHousehold(page: Page, members: [string, string][]) {
  await page.goto(`/registry?unit=${village}`);
  await page.getByRole('tab', { name: '贫困户' }).click();
  await page.getByRole('button', { name: '新增贫困户' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('combobox').first().fill(village);
  await page.locator('.ant-select-item-option').filter({ hasText: '谷河' }).first().click();
  for (const [index, [name, id]] of members.entries()) {
    if (index > 0) await dialog.getByRole('button', { name: '添加成员' }).click();
    await dialog.getByLabel('姓名').nth(index).fill(name);
    await dialog.getByLabel('身份证号').nth(index).fill(id);
  }
  await dialog.getByRole('button', { name: /确\s*定|OK/ }).click();
  await page.locator('.ant-drawer').getByTestId('household-status').filter({ hasText: '已识别' }).waitFor();
}

test('decide a duplicate ID from the queue, and take a village exit through its reviews', async (t) => {
  const browser = await openBrowser();
  t.after(() => browser.close());
  const { page, pageErrors } = await newPage(browser);
  await signInAsAdmin(page, chineseLogin);
  const shared = idNumber('20100404');

  await newHousehold(page, [
    ['查重原户主', idNumber('19700101')],
    ['查重子女', shared],
  ]);
  await newHousehold(page, [
    ['查重新户主', idNumber('19720202')],
    ['查重子女', shared],
  ]);
  await page.locator('.ant-drawer').getByText('待查重处理的成员').waitFor();
  await page.keyboard.press('Escape');

  await page.getByRole('tab', { name: '疑似重复' }).click();
  const queue = page.getByRole('table', { name: '疑似重复' });
  await queue
    .getByRole('row')
    .filter({ hasText: '查重子女' })
    .getByRole('button', { name: /处\s*理/ })
    .click();
  const deciding = page.getByRole('dialog');
  await deciding.getByLabel('理由').fill('经核实仍随原户生活');
  await deciding.getByRole('button', { name: /处\s*理/ }).click();
  await deciding.waitFor({ state: 'detached' });
  await page.getByText(/保留原户 \(\d+\)/).click();
  await queue.getByRole('row').filter({ hasText: '经核实仍随原户生活' }).waitFor();
  await screenshot(page, 'registry-duplicates');

  await page.getByRole('tab', { name: '贫困村县退出' }).click();
  const exits = page.getByRole('tabpanel', { name: '贫困村县退出' });
  await exits.getByRole('combobox').first().fill(village);
  await page.locator('.ant-select-item-option').filter({ hasText: '谷河' }).first().click();
  await exits.getByLabel('年份').fill('2020');
  await exits.locator('.ant-segmented').getByText('村', { exact: true }).click();
  const overview = page.getByRole('table', { name: '退出指标' });
  const row = overview.getByRole('row').filter({ hasText: '谷河' });
  await row.getByText('达到标准').waitFor();
  await row.getByRole('button', { name: '申请退出' }).click();
  const applying = page.getByRole('dialog');
  for (const condition of ['通路', '通水', '通电', '卫生室']) await applying.getByLabel(condition).check();
  await applying.getByRole('button', { name: '申请退出' }).click();
  await applying.waitFor({ state: 'detached' });

  const applications = page.getByRole('table', { name: '退出申请' });
  const application = applications.getByRole('row').filter({ hasText: '谷河' }).first();
  for (const step of ['乡镇', '县级']) {
    await application.getByRole('cell', { name: step, exact: true }).waitFor();
    await application.locator('.ant-btn-loading').waitFor({ state: 'detached' });
    await application.getByRole('button', { name: /同\s*意/ }).click();
  }
  await application.getByText('已批准').waitFor();
  await screenshot(page, 'registry-exits');
  assert.deepEqual(pageErrors, []);
});

test('see a county’s year by main cause and open the households behind a slice', async (t) => {
  const { page, pageErrors } = await openTestPage(t, 'registry-by-cause');
  await signInAsAdmin(page, chineseLogin);

  await page.goto('/registry?unit=140929');
  const figures = page.waitForResponse(
    (response) =>
      /\/api\/registry\/stats\/breakdown\?.*by=cause/.test(response.url()) && response.url().includes('year=2016'),
  );
  await page.getByLabel('年份').fill('2016');
  await figures;
  const byCause = page.getByTestId('registry-by-cause');
  const canvas = byCause.locator('canvas');
  await canvas.waitFor();
  await screenshot(page, 'registry-by-cause');

  // The first slice starts at the top of the ring and runs clockwise: click just past twelve o'clock.
  const box = await canvas.boundingBox();
  assert.ok(box, 'the by-cause chart is drawn');
  const radius = (0.5 * Math.min(box.width, box.height) * (0.35 + 0.68)) / 2;
  const centre = { x: box.x + box.width * 0.62, y: box.y + box.height * 0.55 };
  const angle = (4 * Math.PI) / 180;
  await page.mouse.click(centre.x + radius * Math.sin(angle), centre.y - radius * Math.cos(angle));

  const households = page.getByRole('tabpanel', { name: '贫困户' });
  await households.getByText('2016 年底前建档').waitFor();
  const table = households.getByRole('table');
  // The filtered page has arrived once the table stops loading and shows household rows (not antd's empty row).
  await table.locator('tbody tr.ant-table-row').first().waitFor();
  await households.locator('.ant-spin-spinning').waitFor({ state: 'detached' });
  // Every household listed has the clicked slice's cause (the table's fifth column).
  const causes = new Set(await table.locator('tbody tr.ant-table-row td:nth-child(5)').allInnerTexts());
  assert.equal(causes.size, 1, `one cause listed, not ${[...causes].join(', ')}`);
  await screenshot(page, 'registry-households-of-a-cause');
  assert.deepEqual(pageErrors, []);
});
