/**
 * The work-loop screens a person uses, beyond the one task walked around the loop in loop.e2e.ts: the plan tree
 * (moving a node, the refusal to delete one a task serves), a decision issuing a task, the task list's filters
 * and views, "my work" with its counts, and the inbox. Work is led by Kelan County townships the demo leaves
 * without tasks, and every title carries the run's suffix, so counts are exact.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Locator, Page } from 'playwright-core';
import { chineseLogin, newPage, openTestPage, screenshot, signInAs, signInAsAdmin } from './support/browser.ts';
import { confirmPopup, day, formItem, pickUnit, post, responseTo, runSuffix } from './support/loop.ts';

const TOWNSHIP = '140929201000'; // 高家会乡
const WORK_TOWNSHIP = '140929202000'; // 李家沟乡
const WORK_VILLAGE = '140929202200';

function task(title: string, options: { deadline: string; leader?: string; lead?: string; supervising?: string }) {
  return {
    title,
    issuerUnit: '1409',
    leadUnit: options.lead ?? TOWNSHIP,
    supervisingUnit: options.supervising ?? '1409',
    responsibleLeader: options.leader ?? '端到端领导',
    // Starting today, a task is on pace: green, or blue near its deadline.
    startOn: day(0),
    deadline: options.deadline,
    issue: true,
  };
}

type PlanNode = { id: string; number: string; title: string; children: PlanNode[] };

test('plan tree: a node dragged onto another moves under it; a node a task serves cannot be deleted', async (t) => {
  const { page, pageErrors } = await openTestPage(t, 'loop-plan-tree');
  const suffix = runSuffix();
  await signInAsAdmin(page, chineseLogin);
  const plan = await post(page.request, '/api/plans', { unit: '1409', title: `移动规划${suffix}`, framework: '1335' });
  const nodes = `/api/plans/${plan.id}/nodes`;
  await post(page.request, nodes, { number: '1', title: '一个目标' });
  await post(page.request, nodes, { number: '2', title: '三个定位' });
  const served = await post<{ nodes: PlanNode[] }>(page.request, nodes, { number: '3', title: '三大突破' });
  const servedNode = served.nodes.find((node) => node.number === '3');
  assert.ok(servedNode);
  await post(page.request, '/api/tasks', {
    ...task(`突破任务${suffix}`, { deadline: day(60) }),
    planNodeId: servedNode.id,
  });

  await page.goto(`/plans?plan=${plan.id}`);
  const tree = page.locator('.ant-tree');
  // Dropped well to the right of where the drag started, on the lower half of the target: inside it.
  const source = tree.getByText('一个目标');
  const target = tree.locator('.ant-tree-node-content-wrapper').filter({ hasText: '三个定位' });
  const [from, to] = await Promise.all([source.boundingBox(), target.boundingBox()]);
  assert.ok(from && to);
  const moved = responseTo(page, 'POST', '/move');
  await source.dragTo(target, {
    sourcePosition: { x: 4, y: from.height / 2 },
    targetPosition: { x: from.x + 100 - to.x, y: (to.height * 3) / 4 },
  });
  const response = await moved;
  assert.equal(response.status(), 200, await response.text());
  const after = (await response.json()) as { nodes: PlanNode[] };
  const second = after.nodes.find((node) => node.title === '三个定位');
  assert.deepEqual(
    second?.children.map((node) => node.title),
    ['一个目标'],
  );
  // The moved node shows under its new parent, one level in.
  await tree
    .locator('.ant-tree-treenode')
    .filter({ hasText: '一个目标' })
    .locator('.ant-tree-indent-unit')
    .waitFor({ state: 'attached' });

  await tree.getByText('三大突破').click();
  await page.getByRole('button', { name: /删\s*除/ }).click();
  await confirmPopup(page);
  await page.getByRole('alert').filter({ hasText: '规划节点 3 及其下级有 1 项任务，不能删除' }).waitFor();
  await tree.getByText('三大突破').waitFor();
  await screenshot(page, 'loop-plan-refusal');
  assert.deepEqual(pageErrors, []);
});

/** Types a day into an antd date input and confirms it. */
async function typeDay(input: Locator, value: string) {
  await input.click();
  await input.fill(value);
  await input.press('Enter');
}

test('a decision with an attachment issues a task, and the task shows the decision it came from', async (t) => {
  const { page, pageErrors } = await openTestPage(t, 'loop-decision');
  const suffix = runSuffix();
  await signInAsAdmin(page, chineseLogin);

  await page.goto('/plans?tab=decisions');
  await page.getByRole('button', { name: '记录决策' }).click();
  const dialog = page.getByRole('dialog');
  await pickUnit(page, formItem(dialog, '决策单位').locator('.ant-select'), '1409');
  await dialog.getByLabel('决策事项').fill(`常务会议决定${suffix}`);
  await dialog.getByLabel('决策内容').fill('推进全域旅游，年内完成景区提升');
  await dialog
    .locator('input[type=file]')
    .setInputFiles({ name: '会议纪要.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4 minutes') });
  await dialog.getByText('会议纪要.pdf').waitFor();
  await dialog.getByRole('button', { name: /确\s*定|OK/ }).click();

  const drawer = page.locator('.ant-drawer').filter({ hasText: `常务会议决定${suffix}` });
  await drawer.getByRole('link', { name: '会议纪要.pdf' }).waitFor();
  await drawer.getByRole('button', { name: '据此下达任务' }).click();
  const form = page.getByRole('dialog').filter({ hasText: '下达任务' });
  await form.getByLabel('任务', { exact: true }).fill(`景区提升${suffix}`);
  await pickUnit(page, formItem(form, '牵头单位').locator('.ant-select'), '140929201');
  await pickUnit(page, formItem(form, '督办单位').locator('.ant-select'), '1409');
  await form.getByLabel('责任领导').fill('王副市长');
  const span = formItem(form, '起止日期').locator('input');
  await typeDay(span.first(), day(0));
  await typeDay(span.last(), day(90));
  await form.getByRole('switch').click();
  const created = responseTo(page, 'POST', '/api/tasks');
  await form.getByRole('button', { name: /保\s*存/ }).click();
  assert.equal((await created).status(), 201);

  await drawer.getByRole('link', { name: `景区提升${suffix}` }).click();
  const taskDrawer = page.locator('.ant-drawer').filter({ hasText: `景区提升${suffix}` });
  await taskDrawer.getByRole('link', { name: `常务会议决定${suffix}` }).waitFor();
  await taskDrawer.getByText('已下达').waitFor();
  await screenshot(page, 'loop-task-from-decision');
  assert.deepEqual(pageErrors, []);
});

test('task list: filters by unit, leader, colour and deadline live in the URL; board and timeline show the task', async (t) => {
  const { page, pageErrors } = await openTestPage(t, 'loop-task-filters');
  const suffix = runSuffix();
  const leader = `筛选领导${suffix}`;
  await signInAsAdmin(page, chineseLogin);
  await post(page.request, '/api/tasks', task(`临近截止${suffix}`, { deadline: day(2), leader }));
  await post(page.request, '/api/tasks', task(`远期任务${suffix}`, { deadline: day(120), leader }));
  const near = () => page.getByRole('cell', { name: `临近截止${suffix}` });
  const far = () => page.getByRole('cell', { name: `远期任务${suffix}` });

  await page.goto('/tasks');
  await pickUnit(page, page.locator('.ant-select').filter({ hasText: '单位' }), TOWNSHIP.slice(0, 9));
  await page.waitForURL(/unit=140929201/);
  await page.getByPlaceholder('责任领导').fill(leader);
  await page.getByPlaceholder('责任领导').press('Enter');
  await page.waitForURL(/leader=/);
  await near().waitFor();
  await far().waitFor();
  // The search box follows the address: back to before the search empties it, forward fills it again.
  const leaderBoxShows = (value: string) =>
    page.waitForFunction(
      (expected) => document.querySelector<HTMLInputElement>('input[placeholder="责任领导"]')?.value === expected,
      value,
    );
  await page.goBack();
  await page.waitForURL((url) => !url.searchParams.has('leader'));
  await leaderBoxShows('');
  await page.goForward();
  await page.waitForURL(/leader=/);
  await leaderBoxShows(leader);

  await page.locator('.ant-select').filter({ hasText: '亮灯' }).click();
  await page.locator('.ant-select-item-option').filter({ hasText: '蓝灯' }).click();
  await page.waitForURL(/colour=blue/);
  await far().waitFor({ state: 'detached' });
  await near().waitFor();

  // Each filter went into the URL, none undoing another; they hold over a reload, and a deadline range adds on.
  const filters = new URL(page.url()).searchParams;
  assert.deepEqual([filters.get('unit'), filters.get('leader'), filters.get('colour')], [TOWNSHIP, leader, 'blue']);
  await page.reload();
  await near().waitFor();
  await page.locator('.ant-select').filter({ hasText: '高家会乡' }).waitFor();
  assert.equal(await page.getByPlaceholder('责任领导').inputValue(), leader);
  await page.locator('.ant-select').filter({ hasText: '蓝灯' }).locator('.ant-select-clear').click();
  await page.waitForURL((url) => !url.searchParams.has('colour'));
  await far().waitFor();
  const range = page.locator('.ant-picker-range').first().locator('input');
  await range.first().click();
  await range.first().fill(day(0));
  await range.first().press('Enter');
  await range.last().fill(day(30));
  await range.last().press('Enter');
  await page.waitForURL(/to=/);
  assert.equal(new URL(page.url()).searchParams.get('to'), day(30));
  await far().waitFor({ state: 'detached' });
  await near().waitFor();
  await screenshot(page, 'loop-task-filters');

  await page.getByText('看板', { exact: true }).click();
  const issued = page.locator('.ant-col').filter({ has: page.getByRole('heading', { name: /已下达/ }) });
  await issued.getByText(`临近截止${suffix}`).waitFor();
  await page.getByText('时间轴', { exact: true }).click();
  const bar = page.getByRole('row').filter({ hasText: `临近截止${suffix}` });
  await bar.locator('[style*="position: relative"]').waitFor();
  await screenshot(page, 'loop-task-timeline');
  assert.deepEqual(pageErrors, []);
});

/** The count on a "my work" tab; a tab with nothing waiting shows none. */
function tabCount(page: Page, name: string, count: number) {
  const tab = page.getByRole('tab', { name: new RegExp(name) });
  return count === 0
    ? tab.locator('.ant-badge-count').waitFor({ state: 'detached' })
    : tab.locator(`.ant-badge-count[title="${count}"]`).waitFor();
}

test('a township clerk sees "my work" with counts, acknowledges a task, and reads the inbox', async (t) => {
  const { browser, page, pageErrors } = await openTestPage(t, 'loop-my-work');
  const admin = await newPage(browser);
  const suffix = runSuffix();
  await signInAsAdmin(admin.page, chineseLogin);
  // The clerk's township supervises the work its village leads: all three lists have something in them.
  const account = { username: `clerk-${suffix}`, password: `Clerk-${suffix}-2024` };
  await post(admin.page.request, '/api/users', {
    ...account,
    displayName: `镇干部${suffix}`,
    role: 'staff',
    scopes: [WORK_TOWNSHIP],
  });
  const inVillage = { deadline: day(90), lead: WORK_VILLAGE, supervising: WORK_TOWNSHIP };
  await post(admin.page.request, '/api/tasks', task(`待签收任务${suffix}`, inVillage));
  const toReport = await post(admin.page.request, '/api/tasks', task(`待报送任务${suffix}`, inVillage));
  const toReview = await post(admin.page.request, '/api/tasks', task(`待审核任务${suffix}`, inVillage));
  await post(admin.page.request, `/api/tasks/${toReport.id}/actions`, {
    action: 'acknowledge',
    version: toReport.version,
  });
  const acknowledged = await post(admin.page.request, `/api/tasks/${toReview.id}/actions`, {
    action: 'acknowledge',
    version: toReview.version,
  });
  for (const kind of ['progress', 'completion'] as const)
    await post(admin.page.request, `/api/tasks/${acknowledged.id}/reports`, {
      kind,
      percent: kind === 'completion' ? 100 : 50,
      narrative: kind,
      figures: [],
      files: [],
      idempotencyKey: `${suffix}-${kind}`,
    });

  await signInAs(page, chineseLogin, account);
  // The lists follow the page's filters: searching for this run's tasks keeps earlier runs' work out of the counts.
  await page.goto(`/tasks?q=${suffix}`);
  await tabCount(page, '待签收', 1);
  await tabCount(page, '待报送', 1);
  await tabCount(page, '待审核', 1);
  await screenshot(page, 'loop-my-work');

  await page.getByRole('tab', { name: /待签收/ }).click();
  await page.getByRole('cell', { name: `待签收任务${suffix}` }).click();
  const drawer = page.locator('.ant-drawer').filter({ hasText: `待签收任务${suffix}` });
  await drawer.getByRole('button', { name: /^签\s*收$/ }).click();
  await drawer.getByText('已签收').waitFor();
  await tabCount(page, '待签收', 0);
  await tabCount(page, '待报送', 2);
  await page.keyboard.press('Escape');
  await drawer.waitFor({ state: 'hidden' });

  // Each task issued to the village is in the clerk's inbox; opening one reads it, then the rest at once.
  const bell = page.getByRole('button', { name: '通知' });
  const bellCount = page.locator('.ant-badge').filter({ has: bell }).locator('.ant-badge-count');
  await bellCount.waitFor();
  const unread = Number(await bellCount.getAttribute('title'));
  assert.ok(unread >= 3, `three tasks issued to the village are unread, not ${unread}`);
  await bell.click();
  const inbox = page.locator('.ant-popover');
  const read = responseTo(page, 'POST', '/api/notifications/read');
  await inbox.getByText(`待报送任务${suffix}`).click();
  assert.equal((await read).status(), 200);
  await page.waitForURL(new RegExp(`task=${toReport.id}`));
  await bellCount.and(page.locator(`[title="${unread - 1}"]`)).waitFor();
  const opened = page.locator('.ant-drawer').filter({ hasText: `待报送任务${suffix}` });
  await opened.getByText('已签收').waitFor();
  // Closed by its button: a key press may still go to the inbox popover the drawer was opened from.
  await opened.locator('.ant-drawer-close').click();
  await opened.waitFor({ state: 'hidden' });
  await bell.click();
  await inbox.getByRole('button', { name: '全部标为已读' }).click();
  await bellCount.waitFor({ state: 'detached' });
  await inbox.getByText('未读 0').waitFor();
  await screenshot(page, 'loop-inbox-read');
  assert.deepEqual(pageErrors, []);
  assert.deepEqual(admin.pageErrors, []);
});
