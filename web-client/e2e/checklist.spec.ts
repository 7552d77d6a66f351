import { expect, test, type APIRequestContext } from '@playwright/test';
import {
  ADMIN,
  COURSE,
  expectNoAxeViolations,
  failOnConsoleErrors,
  PASSWORD,
  screenshots,
  signIn,
  SMOKE,
} from './helpers';

const PR1 = /Write a Dockerfile for a dummy server/;

async function setJoinCode(request: APIRequestContext) {
  const { token } = await (await request.post('/api/auth/login', { data: ADMIN })).json();
  await request.put(`${COURSE}/join-code`, {
    headers: { Authorization: `Bearer ${token}` },
    data: { code: 'E2E-JOIN-CODE' },
  });
}

test.beforeEach(async ({ page, request }) => {
  failOnConsoleErrors(page);
  await setJoinCode(request);
});

test(
  'a student joins, ticks a task, reloads and it is still ticked; the instructor sees it',
  SMOKE,
  async ({ page, browser }) => {
    // Two people's whole journey, three accessibility scans and two full-page screenshots: on a
    // busy two-core machine this takes longer than one page's budget.
    test.slow();
    const login = `e2e-${Date.now()}`;
    await page.goto('/signin');
    await page.getByLabel('Join code from your instructor').fill('E2E-JOIN-CODE');
    await page.getByLabel('GitHub login').nth(1).fill(login);
    await page.getByLabel('Choose a password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Join the course' }).click();

    await expect(page).toHaveURL(/\/checklist$/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('My checklist');
    const task = page.getByLabel(PR1);
    await task.check();
    await expect(task).toBeChecked();
    await expect(page.getByRole('article', { name: /H2: Infrastructure/ }).getByText('In progress')).toBeVisible();
    await page.reload();
    await expect(page.getByLabel(PR1)).toBeChecked();
    await expectNoAxeViolations(page);
    await page.screenshot({ path: `${screenshots}/checklist.png`, fullPage: true });

    const context = await browser.newContext();
    const instructor = await context.newPage();
    await signIn(instructor, ADMIN.login, ADMIN.password);
    await expect(instructor).toHaveURL(/\/instructor$/);
    const row = instructor.getByRole('row', { name: new RegExp(login) });
    // Cells after the student's name: completion, ticks by source, then H1, H2, ...
    await expect(row.getByRole('cell').nth(1)).toContainText('0 GitHub · 1 self · 0 staff');
    await expect(row.getByRole('cell').nth(3)).toContainText('In progress');
    await expectNoAxeViolations(instructor);
    await instructor.screenshot({ path: `${screenshots}/cohort.png`, fullPage: true });

    await row.getByRole('link', { name: login }).click();
    await expect(instructor.getByRole('heading', { level: 1 })).toHaveText(`${login}'s checklist`);
    await expect(instructor.getByLabel(PR1)).toBeChecked();
    await expectNoAxeViolations(instructor);
    await context.close();
  },
);

test('a change refused by the server rolls back and shows its message', async ({ page, request }) => {
  const login = `e2e-refused-${Date.now()}`;
  const joined = await request.post(`${COURSE}/enrollments`, {
    data: { login, password: PASSWORD, joinCode: 'E2E-JOIN-CODE' },
  });
  const { token } = await joined.json();
  await signIn(page, login, PASSWORD);
  await expect(page.getByLabel(PR1)).not.toBeChecked();

  // Another device ticks and unticks the same task: the page now holds an old version of it.
  const elsewhere = { headers: { Authorization: `Bearer ${token}` } };
  await request.put(`${COURSE}/checklist/H2/PR1/done`, { ...elsewhere, data: {} });
  await request.delete(`${COURSE}/checklist/H2/PR1/done`, elsewhere);

  // click, not check: the tick shows at once and may already be rolled back when Playwright looks.
  await page.getByLabel(PR1).click();
  // Said once, beside the item, with a retry (which reads the item again and now succeeds).
  const item = page.getByRole('listitem').filter({ has: page.getByLabel(PR1) });
  await expect(item.getByRole('alert')).toContainText('Not ticked');
  await expect(item.getByRole('alert')).toContainText('changed since you read it');
  await expect(page.getByRole('alert')).toHaveCount(1);
  await expect(page.getByLabel(PR1)).not.toBeChecked();
  await item.getByRole('button', { name: 'Try again' }).click();
  await expect(page.getByLabel(PR1)).toBeChecked();
  await expect(page.getByRole('alert')).toHaveCount(0);
});

test('signing in with a wrong password says so', async ({ page }) => {
  await signIn(page, ADMIN.login, 'not the password');
  await expect(page.getByRole('alert')).toHaveText('Wrong login or password.');
  await expectNoAxeViolations(page);
  await page.screenshot({ path: `${screenshots}/sign-in.png` });
});
