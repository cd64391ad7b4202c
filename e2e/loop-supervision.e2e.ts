/**
 * The supervising and assessing offices' screens: the supervision centre (the colour wall drilled down by unit,
 * the overdue list, a notice by hand, an inspection with a photo, an escalation) and assessment (entries, a
 * bonus claim and an exemption decided, the ranking, a unit's breakdown showing the exemption, the Excel export).
 * Work is led by Kelan County townships the demo leaves without tasks.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Locator, Page } from 'playwright-core';
import { chineseLogin, choose, confirmDialog, openTestPage, screenshot, signInAsAdmin } from './support/browser.ts';
import { day, formItem, post, runSuffix } from './support/loop.ts';

const SUPERVISED = '140929203000'; // 水峪贯乡
const ASSESSED = ['140929204000', '140929205000']; // 西豹峪乡, 温泉乡

function task(title: string, lead: string, span: { startOn: string; deadline: string }) {
  return {
    title,
    issuerUnit: '1409',
    leadUnit: lead,
    supervisingUnit: '1409',
    responsibleLeader: '督查领导',
    ...span,
    issue: true,
  };
}

test('supervision centre: the wall drills down by unit, overdue work, a notice, an inspection with a photo, an escalation', async (t) => {
  const { page, pageErrors } = await openTestPage(t, 'loop-supervision');
  const suffix = runSuffix();
  const title = `逾期督查${suffix}`;
  await signInAsAdmin(page, chineseLogin);
  await post(page.request, '/api/tasks', task(title, SUPERVISED, { startOn: day(-5), deadline: day(1) }));
  // Two days on the task is overdue: the daily pass turns it red. Time goes back however the test ends.
  await post(page.request, '/api/test/clock', { advanceDays: 2 });
  try {
    await signInAsAdmin(page, chineseLogin); // the session's hours ran out with the days
    await post(page.request, '/api/supervision/passes', {});
    await superviseOverdueTask(page, title, suffix);
  } finally {
    await post(page.request, '/api/test/clock', { advanceDays: -2 });
  }
  assert.deepEqual(pageErrors, []);
});

async function superviseOverdueTask(page: Page, title: string, suffix: string) {
  await page.goto('/supervision?unit=1409');
  const breadcrumb = page.locator('.ant-breadcrumb');
  await page
    .locator('.ant-card')
    .filter({ hasText: '下级行政区划' })
    .getByRole('cell', { name: '岢岚县', exact: true })
    .click();
  await page.waitForURL(/unit=140929000000/);
  await breadcrumb.getByText('岢岚县').waitFor();
  await page.getByRole('cell', { name: '水峪贯乡', exact: true }).click();
  await page.waitForURL(/unit=140929203000/);
  await breadcrumb.getByText('水峪贯乡').waitFor();
  await screenshot(page, 'loop-wall-township');
  // Back up one step through the breadcrumb, and down again.
  await breadcrumb.getByText('岢岚县').click();
  await page.waitForURL(/unit=140929000000/);
  await page.getByRole('cell', { name: '水峪贯乡', exact: true }).click();
  await page.waitForURL(/unit=140929203000/);

  await page.getByRole('tab', { name: '逾期任务' }).click();
  await page.getByRole('tabpanel', { name: '逾期任务' }).getByRole('cell', { name: title }).waitFor();

  await page.getByRole('tab', { name: '督办单' }).click();
  const notices = page.getByRole('tabpanel', { name: '督办单' });
  await notices.getByRole('button', { name: '下发督办单' }).click();
  const noticeForm = page.getByRole('dialog').filter({ hasText: '督办内容' });
  await choose(page, noticeForm.getByRole('combobox'), title, suffix);
  await noticeForm.getByLabel('督办内容').fill(`请于三日内报送整改情况${suffix}`);
  await confirmDialog(noticeForm);
  const noticeRow = notices.getByRole('row').filter({ hasText: title });
  await noticeRow.getByText('人工').waitFor();

  await page.getByRole('tab', { name: '实地督查' }).click();
  const inspections = page.getByRole('tabpanel', { name: '实地督查' });
  await inspections.getByRole('button', { name: '记录实地督查' }).click();
  const inspectionForm = page.getByRole('dialog').filter({ hasText: '实地检查发现' });
  await choose(page, inspectionForm.getByRole('combobox').first(), title, suffix);
  await inspectionForm.getByLabel('实地检查发现').fill('现场仅完成路基，与报送的进度不符');
  await inspectionForm.getByText('与报送不符').click();
  await inspectionForm
    .locator('input[type=file]')
    .setInputFiles({ name: `现场${suffix}.png`, mimeType: 'image/png', buffer: Buffer.from('png-site-photo') });
  await inspectionForm.getByText(`现场${suffix}.png`).waitFor();
  await confirmDialog(inspectionForm);
  const inspectionRow = inspections.getByRole('row').filter({ hasText: title });
  await inspectionRow.getByText('与报送不符').waitFor();
  await inspectionRow.getByRole('link', { name: `现场${suffix}.png` }).waitFor();
  await screenshot(page, 'loop-inspections');

  // A row opens its task, where the supervisor escalates it to the next leader up.
  await inspectionRow.getByText('现场仅完成路基').click();
  const drawer = page.locator('.ant-drawer').filter({ hasText: title });
  await drawer.getByRole('button', { name: '提级督办' }).click();
  const escalation = page.getByRole('dialog').filter({ hasText: '提级至（领导）' });
  await escalation.getByLabel('督办内容').fill('整改不力，提请分管副市长督办');
  await escalation.getByLabel('提级至（领导）').fill(`分管副市长${suffix}`);
  await confirmDialog(escalation);
  await drawer.getByText(`→ 分管副市长${suffix}`).waitFor();
  await drawer.getByText('现场仅完成路基，与报送的进度不符').waitFor();
  await screenshot(page, 'loop-escalation');
}

test('assessment: an entered score, a veto, a bonus claim and an exemption decided; ranking, breakdown, export', async (t) => {
  const { page, pageErrors } = await openTestPage(t, 'loop-assessment');
  const suffix = runSuffix();
  const name = `界面考核${suffix}`;
  await signInAsAdmin(page, chineseLogin);
  const noticed = await post(
    page.request,
    '/api/tasks',
    task(`被督办任务${suffix}`, ASSESSED[0] ?? '', { startOn: day(0), deadline: day(60) }),
  );
  await post(page.request, '/api/supervision/notices', { taskId: noticed.id, body: '推进缓慢，限期整改' });
  await post(page.request, '/api/assessment/schemes', {
    code: `screens-${suffix}`,
    year: Number(day(0).slice(0, 4)),
    name,
    ownerUnit: '1409',
    assessedUnits: ASSESSED,
    definition: {
      vetoEffect: 'zero_total',
      grades: { bands: [{ grade: 'excellent', atLeast: 50 }], lowest: 'pass' },
      categories: [
        {
          code: 'work',
          name: '重点工作',
          items: [
            { code: 'social', name: '社会评价', cadence: 'annual', kind: 'entered', points: 20 },
            { code: 'innovation', name: '创新加分', cadence: 'annual', kind: 'bonus', points: 10 },
            {
              code: 'supervision',
              name: '督查扣分',
              cadence: 'annual',
              kind: 'deduction',
              points: 30,
              pointsPerEvent: { supervision_notice: 4 },
            },
            { code: 'safety', name: '安全生产', cadence: 'annual', kind: 'veto' },
          ],
        },
      ],
    },
  });

  await page.goto('/assessment');
  await choose(page, page.locator('.ant-select').first(), `${name}（60）`);
  await page.getByRole('tab', { name: '评价录入与加分' }).click();
  const inputs = page.getByRole('tabpanel', { name: '评价录入与加分' });
  const card = (title: string) =>
    inputs.locator('.ant-card').filter({ has: page.locator('.ant-card-head-title', { hasText: title }) });

  const entered = card('评价得分（如社会评价）');
  await choose(page, formItem(entered, '单位').locator('.ant-select').first(), '西豹峪乡');
  await choose(page, formItem(entered, '考核指标').locator('.ant-select').first(), '社会评价');
  await formItem(entered, '得分').locator('input').fill('80');
  await entered.getByRole('button', { name: /保\s*存/ }).click();
  await entered.getByText('已保存，重新计算后计入结果').waitFor();
  await card('已录入的评价得分')
    .getByRole('row')
    .filter({ hasText: '西豹峪乡' })
    .getByText('80', { exact: true })
    .waitFor();

  const veto = card('一票否决事项');
  await choose(page, formItem(veto, '单位').locator('.ant-select').first(), '温泉乡');
  await choose(page, formItem(veto, '考核指标').locator('.ant-select').first(), '安全生产');
  await formItem(veto, '理由').locator('textarea').fill('发生较大安全生产事故');
  await veto.getByRole('button', { name: /保\s*存/ }).click();
  await card('已录入的一票否决').getByRole('row').filter({ hasText: '温泉乡' }).waitFor();

  const bonus = card('加分申报');
  await bonus.getByRole('button', { name: '申报加分' }).click();
  const claim = page.getByRole('dialog').filter({ hasText: '申报加分' });
  await choose(page, formItem(claim, '单位').locator('.ant-select').first(), '西豹峪乡');
  await choose(page, formItem(claim, '考核指标').locator('.ant-select').first(), '创新加分');
  await formItem(claim, '分值').locator('input').fill('5');
  await formItem(claim, '理由').locator('textarea').fill('获评省级改革创新案例');
  await confirmDialog(claim);
  await decide(page, bonus.getByRole('row').filter({ hasText: '获评省级改革创新案例' }), '材料齐全，同意加分');

  await page.getByRole('tab', { name: '容错免责' }).click();
  const exemptions = page.getByRole('tabpanel', { name: '容错免责' });
  await exemptions.getByRole('button', { name: '申请容错免责' }).click();
  const apply = page.getByRole('dialog').filter({ hasText: '申请减免分值' });
  await choose(page, formItem(apply, '单位').locator('.ant-select').first(), '西豹峪乡');
  await choose(page, formItem(apply, '扣分事项').locator('.ant-select').first(), `被督办任务${suffix}`);
  await formItem(apply, '理由').locator('textarea').fill('因上级调整建设方案导致延误');
  await confirmDialog(apply);
  await decide(page, exemptions.getByRole('row').filter({ hasText: '因上级调整建设方案导致延误' }), '符合容错情形');
  await screenshot(page, 'loop-exemption-approved');

  await page.getByRole('tab', { name: '考核排名' }).click();
  await page.getByRole('button', { name: '计算考核结果' }).click();
  const ranking = page.getByRole('tabpanel', { name: '考核排名' });
  await ranking
    .getByRole('row')
    .filter({ hasText: '温泉乡' })
    .getByText(/一票否决 \(/)
    .waitFor();
  await ranking.getByRole('row').filter({ hasText: '西豹峪乡' }).click();
  const breakdown = page.locator('.ant-drawer').filter({ hasText: '西豹峪乡 ·' });
  await breakdown.getByText('已免责 4 分').waitFor();
  await breakdown.getByText('评价得分 80 / 100').waitFor();
  await breakdown.getByText('申报 5 分', { exact: false }).waitFor();
  await screenshot(page, 'loop-breakdown');
  await page.keyboard.press('Escape');
  await breakdown.waitFor({ state: 'hidden' });

  const download = page.waitForEvent('download');
  await ranking.getByRole('button', { name: '导出 Excel' }).click();
  assert.equal((await download).suggestedFilename(), `${name}-${day(0)}.xlsx`);
  assert.deepEqual(pageErrors, []);
});

/** Approves a pending application (a bonus claim, an exemption) with a reason, and waits for its new status. */
async function decide(page: Page, row: Locator, reason: string) {
  await row.getByRole('button', { name: /^同\s*意$/ }).click();
  const dialog = page.getByRole('dialog').filter({ hasText: '审批意见' });
  await dialog.getByLabel('审批意见').fill(reason);
  await confirmDialog(dialog);
  await row.getByText('已同意').waitFor();
}
