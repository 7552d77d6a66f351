import { expect, test } from '@playwright/test';
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

test.beforeEach(async ({ page }) => failOnConsoleErrors(page));

test('the agenda and a week show their dates and due times, with the course calendar', async ({ page, request }) => {
  const agenda = await (await request.get(`${COURSE}/agenda`, { headers: { Accept: 'application/json' } })).json();
  await page.goto('/');
  const week1 = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: /Week 1: Introduction/ }) });
  await expect(week1.locator('.dates')).toBeVisible();
  await expect(week1.locator('time').first()).toHaveAttribute('datetime', agenda.weeks[0].homework[0].due);
  await expect(page.getByRole('link', { name: 'Add the calendar' })).toHaveAttribute(
    'href',
    /\/api\/courses\/ml-in-production\/runs\/current\/calendar\.ics$/,
  );
  const calendar = await request.get(`${COURSE}/runs/current/calendar.ics`);
  expect(calendar.headers()['content-type']).toContain('text/calendar');
  expect(await calendar.text()).toContain('BEGIN:VCALENDAR');

  await page.goto('/weeks/2');
  await expect(page.getByText(/^Due /).first()).toBeVisible();
  await expectNoAxeViolations(page);
});

test('a student sees what is due this week and copies their private calendar address', async ({
  page,
  request,
  context,
}) => {
  const { token } = await (await request.post('/api/auth/login', { data: ADMIN })).json();
  const code =
    (await (await request.get(`${COURSE}/join-code`, { headers: { Authorization: `Bearer ${token}` } })).json()).code ??
    (
      await (
        await request.put(`${COURSE}/join-code`, {
          headers: { Authorization: `Bearer ${token}` },
          data: { code: 'E2E-DATES-CODE' },
        })
      ).json()
    ).code;
  const login = `dates-${Date.now()}`;
  await page.goto('/signin');
  await page.getByLabel('Join code from your instructor').fill(code);
  await page.getByLabel('GitHub login').nth(1).fill(login);
  await page.getByLabel('Choose a password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Join the course' }).click();
  await expect(page).toHaveURL(/\/checklist$/);

  await expect(page.getByRole('region', { name: 'Due this week' })).toBeVisible();
  await expect(page.getByRole('article', { name: /H2: Infrastructure/ }).getByText(/^Due /)).toBeVisible();
  await page.getByRole('button', { name: 'Get my calendar address' }).click();
  await expect(page.getByText(/It is shown only now/)).toBeVisible();
  const address = page.getByLabel('Your private calendar address');
  const url = await address.inputValue();
  await expect(page.getByRole('link', { name: 'Subscribe' })).toHaveAttribute('href', /^webcal:\/\//);
  expect(url).toMatch(/\/api\/calendars\/[0-9a-f]{40}\.ics$/);
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.getByRole('button', { name: 'Copy link' }).click();
  await expect(page.getByText(/Copied/)).toBeVisible();
  const feed = await request.get(new URL(url).pathname);
  expect(feed.status()).toBe(200);
  expect(await feed.text()).toContain('H2 due: Infrastructure [NOT STARTED]');
  await page.getByRole('button', { name: 'New address' }).click();
  await expect(page.getByText(/the old one no longer works/)).toBeVisible();
  expect((await request.get(new URL(url).pathname)).status()).toBe(404);
  await expectNoAxeViolations(page);
  await page.screenshot({ path: `${screenshots}/checklist-dates.png`, fullPage: true });
});

test('an instructor starts a run, sees its cohort and downloads the gradebook', SMOKE, async ({ page }) => {
  await signIn(page, ADMIN.login, ADMIN.password);
  await expect(page).toHaveURL(/\/instructor$/);
  const runs = page.getByRole('region', { name: 'Runs' });
  // toContainText reads the text as shown, whatever line breaks the markup has.
  await expect(runs).toContainText('Students join it with');

  const name = `past-${Date.now()}`;
  await runs.getByRole('button', { name: 'New run' }).click();
  await runs.getByLabel('Name (its address)').fill(name);
  await runs.getByLabel('Title').fill('Winter 2025');
  await runs.getByLabel('First day of week 1').fill('2025-01-06');
  await runs.getByLabel('Time zone').fill('UTC');
  await runs.getByRole('button', { name: 'Save the run' }).click();
  await expect(runs.getByRole('status')).toContainText('Winter 2025 starts 6 Jan 2025');
  await expect(runs.getByLabel('Run')).toHaveValue(name);
  await expect(page.getByText('No students in this run yet.')).toBeVisible();

  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download for Canvas' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe(`ml-in-production-${name}-canvas-grades.csv`);
  await expectNoAxeViolations(page);
  await page.screenshot({ path: `${screenshots}/instructor-runs.png`, fullPage: true });
});
