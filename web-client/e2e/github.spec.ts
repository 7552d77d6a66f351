import { expect, test } from '@playwright/test';
import { ADMIN, COURSE, expectNoAxeViolations, failOnConsoleErrors, PASSWORD, signIn, SMOKE } from './helpers';

const fakeGithub = `http://127.0.0.1:${process.env.E2E_FAKE_GITHUB_PORT ?? 14180}`;

test(
  'a rostered student signs in with GitHub, lands on their checklist, registers their repository; the instructor sees them verified',
  SMOKE,
  async ({ page, request, browser }) => {
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
  },
);

async function joinWithPassword(request: import('@playwright/test').APIRequestContext, login: string) {
  const { token: admin } = await (await request.post('/api/auth/login', { data: ADMIN })).json();
  await request.put(`${COURSE}/join-code`, {
    headers: { Authorization: `Bearer ${admin}` },
    data: { code: 'E2E-LINK-JOIN-CODE' },
  });
  const joined = await request.post(`${COURSE}/enrollments`, {
    data: { login, password: PASSWORD, joinCode: 'E2E-LINK-JOIN-CODE' },
  });
  expect(joined.status()).toBe(201);
  return (await joined.json()).token as string;
}

test('a student who joined with a password links their GitHub account from the header and is proven', async ({
  page,
  request,
}) => {
  const providers = await (await request.get('/api/auth/providers')).json();
  test.skip(!providers.github, 'sign-in with GitHub is not set up where these tests run');
  failOnConsoleErrors(page);
  const login = `link-e2e-${Date.now()}`;
  await joinWithPassword(request, login);
  await signIn(page, login, PASSWORD);
  await expect(page).toHaveURL(/\/checklist$/);
  await request.post(`${fakeGithub}/__next-user`, { data: { id: (Date.now() % 1_000_000_000) + 7, login } });

  await page.getByRole('button', { name: 'Link your GitHub account' }).click();

  await expect(page).toHaveURL(/\/checklist$/);
  await expect(page.getByRole('navigation', { name: 'Main' })).toContainText(login);
  await expect(page.getByRole('button', { name: 'Link your GitHub account' })).toHaveCount(0);
  await expectNoAxeViolations(page);
});

test('a token in a link someone else made never replaces the session of this tab', async ({ page, request }) => {
  failOnConsoleErrors(page);
  const victim = `victim-e2e-${Date.now()}`;
  const attacker = `attacker-e2e-${Date.now()}`;
  await joinWithPassword(request, victim);
  const attackersToken = await joinWithPassword(request, attacker);
  await signIn(page, victim, PASSWORD);
  await expect(page).toHaveURL(/\/checklist$/);

  // The victim opens the attacker's link: a fresh load of the app in the same tab.
  await page.goto('about:blank');
  await page.goto(`/checklist#token=${attackersToken}&nonce=not-this-tabs-nonce`);

  await expect(page.getByRole('heading', { level: 1 })).toHaveText('My checklist');
  await expect(page.getByRole('navigation', { name: 'Main' })).toContainText(victim);
  await expect(page.getByRole('navigation', { name: 'Main' })).not.toContainText(attacker);
  await expect.poll(() => new URL(page.url()).hash).toBe('');
});

test('a refused sign-in with GitHub lands on the sign-in page with the reason, not on a bare document', async ({
  page,
  request,
}) => {
  const providers = await (await request.get('/api/auth/providers')).json();
  test.skip(!providers.github, 'sign-in with GitHub is not set up where these tests run');
  await page.goto('/api/auth/github/callback?code=stale&state=not-a-state-anyone-issued');

  await expect(page).toHaveURL(/\/signin$/);
  await expect(page.getByRole('alert')).toContainText('Signing in with GitHub did not work.');
  await expectNoAxeViolations(page);
});
