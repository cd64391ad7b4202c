/**
 * One task around the whole loop, in the browser: issue → acknowledge → report completion with a file →
 * return → report again → accept; then time moves past another task's deadline, it turns red and a notice
 * appears; and the assessment ranking reflects both. Work is led by two townships of Kelan County, which
 * the demo data leaves without tasks, so the scores are known exactly.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { APIRequestContext, Page } from 'playwright-core';
import { chinaDateOf } from '../src/platform/calendar-date.ts';
import { chineseLogin, newPage, openBrowser, screenshot, signInAsAdmin } from './support/browser.ts';

const TOWNSHIP = '140929102000'; // 宋家沟镇 leads both tasks
const OTHER = '140929100000'; // a township with nothing due
const DAY_MS = 86_400_000;

async function post(request: APIRequestContext, url: string, data: unknown) {
  const me = (await (await request.get('/api/auth/me')).json()) as { csrfToken: string };
  const response = await request.post(url, { data, headers: { 'X-CSRF-Token': me.csrfToken } });
  assert.ok(response.ok(), `${url}: ${response.status()} ${await response.text()}`);
  return (await response.json()) as { id: string; version: number };
}

function day(offsetDays: number): string {
  return chinaDateOf(new Date(Date.now() + offsetDays * DAY_MS));
}

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
  const suffix = Date.now().toString(36).slice(-5);

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
  await page.getByPlaceholder('退回理由').fill('缺少验收签字');
  await page
    .locator('.ant-popconfirm')
    .getByRole('button', { name: /确\s*定|OK/ })
    .click();
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
