/**
 * One task around the whole loop, in the browser: issue → acknowledge → report completion with a file →
 * return → report again → accept; then time moves past another task's deadline, it turns red and a notice
 * appears; and the assessment ranking reflects both. Work is led by two townships of Kelan County, which
 * the demo data leaves without tasks, so the scores are known exactly.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Page } from 'playwright-core';
import { chineseLogin, newPage, openBrowser, screenshot, signInAsAdmin } from './support/browser.ts';
import { confirmPopup, day, pickUnit, post, responseTo, runSuffix } from './support/loop.ts';

const TOWNSHIP = '140929102000'; // 宋家沟镇 leads both tasks
const OTHER = '140929100000'; // a township with nothing due

function task(title: string, deadline: string, issue: boolean) {
  return {
    title,
    issuerUnit: '1409',
    leadUnit: TOWNSHIP,
    supervisingUnit: '1409',
    responsibleLeader: '端到端测试领导',
    startOn: day(-1),
    deadline,
    issue,
  };
}

async function openTask(page: Page, id: string) {
  await page.goto(`/tasks?task=${id}`);
  await page.getByRole('dialog').waitFor();
}

async function reportCompletion(page: Page, narrative: string, withFile: boolean) {
  const drawer = page.getByRole('dialog');
  await drawer.getByLabel('完成', { exact: true }).check();
  await drawer.getByLabel('完成比例').fill('100');
  await drawer.getByLabel('进展情况').fill(narrative);
  if (withFile) {
    await drawer
      .locator('input[type=file]')
      .setInputFiles({ name: '验收照片.png', mimeType: 'image/png', buffer: Buffer.from('png-evidence') });
    await drawer.getByText('验收照片.png').waitFor();
  }
  await drawer.getByRole('button', { name: '提交报送' }).click();
  await drawer.getByText(narrative).waitFor();
}

test('a task goes around the loop, another turns red, and the ranking reflects both', async (t) => {
  const browser = await openBrowser();
  t.after(() => browser.close());
  const { page, pageErrors } = await newPage(browser);
  const suffix = runSuffix();

  await signInAsAdmin(page, chineseLogin);
  const loopTask = await post(page.request, '/api/tasks', task(`闭环任务${suffix}`, day(2), false));
  const lateTask = await post(page.request, '/api/tasks', task(`将逾期任务${suffix}`, day(1), true));

  await openTask(page, loopTask.id);
  const drawer = page.getByRole('dialog');
  await drawer.getByRole('button', { name: /^下\s*达$/ }).click();
  await drawer.getByText('已下达').waitFor();
  await drawer.getByRole('button', { name: /^签\s*收$/ }).click();
  await drawer.getByText('已签收').waitFor();

  // Straight to completion is not offered before work starts: the first report is progress.
  await drawer.getByLabel('进展情况').fill('已启动');
  await drawer.getByLabel('完成比例').fill('40');
  await drawer.getByRole('button', { name: '提交报送' }).click();
  await drawer.getByText('推进中').first().waitFor();

  await reportCompletion(page, `第一次完成报送${suffix}`, true);
  await drawer.getByRole('link', { name: '验收照片.png' }).waitFor();
  // Each report has its own review buttons: return the completion report, not the earlier progress one.
  const firstCompletion = drawer.getByRole('listitem').filter({ hasText: `第一次完成报送${suffix}` });
  await firstCompletion.getByRole('button', { name: /^退\s*回$/ }).click();
  const reasonInput = page.getByPlaceholder('退回理由');
  await reasonInput.fill('缺少验收签字');
  assert.equal(await reasonInput.inputValue(), '缺少验收签字');
  // Wait for the review itself, so a refused or slow request fails here with its reason, not as a missing text.
  const reviewed = responseTo(page, 'POST', '/review');
  await confirmPopup(page);
  const review = await reviewed;
  assert.equal(review.status(), 200, await review.text());
  await drawer.getByText('缺少验收签字').waitFor();
  await drawer.getByText('已退回').first().waitFor();

  await reportCompletion(page, `第二次完成报送${suffix}`, false);
  const secondCompletion = drawer.getByRole('listitem').filter({ hasText: `第二次完成报送${suffix}` });
  await secondCompletion.getByRole('button', { name: '审核通过' }).click();
  await drawer.getByText('已办结').first().waitFor();
  await screenshot(page, 'loop-task-closed');

  // Three days on, the other task is overdue: the daily pass turns it red and issues a notice.
  await post(page.request, '/api/test/clock', { advanceDays: 3 });
  await signInAsAdmin(page, chineseLogin); // the session's hours ran out with the days
  await post(page.request, '/api/supervision/passes', {});
  await page.goto('/tasks?colour=red');
  await page.getByRole('cell', { name: `将逾期任务${suffix}` }).waitFor();
  await page.goto('/supervision?unit=1409');
  await page.getByRole('tab', { name: '督办单' }).click();
  await page
    .getByRole('cell', { name: `将逾期任务${suffix}` })
    .first()
    .waitFor();
  await screenshot(page, 'loop-notice');

  const scheme = await post(page.request, '/api/assessment/schemes', {
    code: `e2e-${suffix}`,
    year: Number(day(3).slice(0, 4)),
    name: `端到端考核${suffix}`,
    ownerUnit: '1409',
    assessedUnits: [TOWNSHIP, OTHER],
    definition: {
      vetoEffect: 'zero_total',
      grades: {
        bands: [
          { grade: 'excellent', atLeast: 90 },
          { grade: 'pass', atLeast: 60 },
        ],
        lowest: 'fail',
      },
      categories: [
        {
          code: 'work',
          name: '重点工作',
          items: [
            { code: 'on_time', name: '按期完成', cadence: 'annual', kind: 'timeliness', points: 60 },
            {
              code: 'supervision',
              name: '督查扣分',
              cadence: 'annual',
              kind: 'deduction',
              points: 40,
              pointsPerEvent: { red: 5 },
            },
          ],
        },
      ],
    },
  });
  await page.goto('/assessment');
  await page.getByRole('combobox').first().click();
  await page
    .locator('.ant-select-item-option')
    .filter({ hasText: `端到端考核${suffix}（100）` })
    .click();
  const asOf = page.getByPlaceholder(/日期|Select date/);
  await asOf.click();
  await asOf.fill(day(3));
  await asOf.press('Enter');
  await page.getByRole('button', { name: '计算考核结果' }).click();
  // One of two tasks closed on time (30 of 60), one red spell (−5 of 40): 65; the other township 100.
  const row = page.getByRole('row', { name: /宋家沟镇/ });
  await row.getByRole('cell', { name: '65', exact: true }).waitFor();
  await page.getByRole('row', { name: /100/ }).first().waitFor();
  await screenshot(page, 'loop-ranking');
  // Back to the real day, so the browser's date pickers and the server agree for the tests that follow.
  await post(page.request, '/api/test/clock', { advanceDays: -3 });
  assert.ok(scheme.id);
  assert.ok(lateTask.id);
  assert.deepEqual(pageErrors, []);
});

test('the plan tree editor adds numbered nodes at any depth, edits and deletes them', async (t) => {
  const browser = await openBrowser();
  t.after(() => browser.close());
  const { page, pageErrors } = await newPage(browser);
  const suffix = runSuffix();
  await signInAsAdmin(page, chineseLogin);
  const plan = await post(page.request, '/api/plans', { unit: '1409', title: `测试规划${suffix}`, framework: '1335' });

  await page.goto(`/plans?plan=${plan.id}`);
  const tree = page.locator('.ant-tree');
  const editor = page.locator('.ant-card').filter({ has: page.getByRole('button', { name: /添加节点|保\s*存/ }) });
  await page.getByRole('button', { name: '添加顶层节点' }).click();
  await editor.getByLabel('编号').waitFor();
  assert.equal(await editor.getByLabel('编号').inputValue(), '1');
  await editor.getByLabel('节点名称').fill('一个目标');
  await editor.getByRole('button', { name: '添加节点' }).click();
  await tree.getByText('一个目标').waitFor();

  await page.getByRole('button', { name: '添加顶层节点' }).click();
  await editor.getByLabel('节点名称').fill('三个定位');
  await editor.getByRole('button', { name: '添加节点' }).click();
  await tree.getByText('三个定位').click();
  await page.getByRole('button', { name: '在 2 之下添加' }).click();
  assert.equal(await editor.getByLabel('编号').inputValue(), '2.1');
  await editor.getByLabel('节点名称').fill('区域性中心城市');
  await editor.getByLabel('关联指标代码').pressSequentially('GDP,');
  await editor.locator('.ant-select-selection-item, .ant-select-selection-overflow-item').getByText('GDP').waitFor();
  await editor.getByRole('button', { name: '添加年度目标' }).click();
  await editor.getByPlaceholder('如 ≥ 6.5%').fill('≥ 6.5%');
  await editor.getByRole('button', { name: '添加节点' }).click();
  const child = tree.locator('.ant-tree-treenode').filter({ hasText: '区域性中心城市' });
  await child.getByText('GDP').waitFor();
  await child.getByText(/：≥ 6\.5%/).waitFor();

  await tree.getByText('一个目标').click();
  await editor.getByLabel('节点名称').fill('一个总目标');
  await editor.getByRole('button', { name: /保\s*存/ }).click();
  await tree.getByText('一个总目标').waitFor();

  await tree.getByText('区域性中心城市').click();
  await page.getByRole('button', { name: /删\s*除/ }).click();
  await confirmPopup(page);
  await tree.getByText('区域性中心城市').waitFor({ state: 'detached' });
  await screenshot(page, 'loop-plan-tree');
  assert.deepEqual(pageErrors, []);
});

test('the scheme editor builds categories and items with weights and scoring rules', async (t) => {
  const browser = await openBrowser();
  t.after(() => browser.close());
  const { page, pageErrors } = await newPage(browser);
  const suffix = runSuffix();
  await signInAsAdmin(page, chineseLogin);

  await page.goto('/assessment');
  await page.getByRole('tab', { name: '新建方案' }).click();
  const form = page.getByRole('tabpanel', { name: '新建方案' });
  await form.getByLabel('方案编号').fill(`form-${suffix}`);
  await form.getByLabel('方案名称').fill(`表单考核${suffix}`);
  await pickUnit(page, form.locator('.ant-form-item').filter({ hasText: '考核单位' }).locator('.ant-select'), '1409');
  const assessed = form.locator('.ant-form-item').filter({ hasText: '考核对象' }).locator('.ant-select');
  await pickUnit(page, assessed, '140929');
  await page.keyboard.press('Escape');
  await form.getByPlaceholder('类别名称').fill('重点工作');
  await form.getByLabel('考核指标', { exact: true }).first().fill('按期完成');
  await form.getByLabel('分值', { exact: true }).first().fill('60');
  await form.getByRole('button', { name: '添加考核指标' }).click();
  await form.getByLabel('指标编号', { exact: true }).nth(1).fill('supervision');
  await form.getByLabel('考核指标', { exact: true }).nth(1).fill('督查扣分');
  await form.getByLabel('计分规则', { exact: true }).nth(1).click();
  await page.locator('.ant-select-item-option').filter({ hasText: '督查扣分' }).click();
  await form.getByLabel('分值', { exact: true }).nth(1).fill('40');
  await form.getByLabel('红灯', { exact: true }).fill('2');
  await form.getByText('满分合计 100 分').waitFor();
  await form.getByRole('button', { name: /保\s*存/ }).click();

  // Saved: the new scheme is chosen, and its editor reads back what the form sent.
  await page.getByText(`表单考核${suffix}（100）`).first().waitFor();
  await page.getByRole('tab', { name: '考核方案' }).click();
  const saved = page.getByRole('tabpanel', { name: '考核方案' });
  assert.equal(await saved.getByLabel('红灯', { exact: true }).inputValue(), '2');
  await screenshot(page, 'loop-scheme-editor');
  assert.deepEqual(pageErrors, []);
});
