import { expect, test } from '@playwright/test';

const COURSE = '/api/courses/ml-in-production';
const ADMIN = { login: 'admin', password: process.env.E2E_ADMIN_PASSWORD ?? 'syllabus-admin' };
const fakeGithub = `http://127.0.0.1:${process.env.E2E_FAKE_GITHUB_PORT ?? 14180}`;

test('a rostered student signs in with GitHub, lands on their checklist, registers their repository; the instructor sees them verified', async ({
  page,
  request,
  browser,
}) => {
  const providers = await (await request.get('/api/auth/providers')).json();
  test.skip(!providers.github, 'sign-in with GitHub is not set up where these tests run');
  const login = `gh-e2e-${Date.now()}`;
  const { token: admin } = await (await request.post('/api/auth/login', { data: ADMIN })).json();
  const asAdmin = { headers: { Authorization: `Bearer ${admin}` } };
  await request.post(`${COURSE}/roster`, {
    ...asAdmin,
    headers: { ...asAdmin.headers, 'Content-Type': 'text/csv' },
    data: `login,name,email\n${login},GitHub Student,\n`,
  });
  await request.post(`${fakeGithub}/__next-user`, { data: { id: Date.now() % 1_000_000_000, login } });

  await page.goto('/signin');
  await page.getByRole('link', { name: 'Sign in with GitHub' }).click();

  await expect(page).toHaveURL(/\/checklist$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('My checklist');
  await expect(page.getByRole('navigation', { name: 'Main' })).toContainText(login);
  await expect(page.getByText(/A task is ticked for you when a pull request you opened/)).toBeVisible();
  await page.getByLabel(/Your course repository on GitHub/).fill(`https://github.com/${login}/ml-in-production`);
  await page.getByRole('button', { name: 'Register the repository' }).click();
  await expect(page.getByText(`Pull requests in ${login}/ml-in-production now count as evidence.`)).toBeVisible();

  const context = await browser.newContext();
  const instructor = await context.newPage();
  await instructor.goto('/signin');
  await instructor.getByLabel('GitHub login', { exact: true }).first().fill(ADMIN.login);
  await instructor.getByLabel('Password', { exact: true }).fill(ADMIN.password);
  await instructor.getByRole('button', { name: 'Sign in' }).click();
  await expect(instructor).toHaveURL(/\/instructor$/);
  await expect(instructor.getByRole('row', { name: new RegExp(login) })).toContainText('✓ GitHub');
  await context.close();
});
