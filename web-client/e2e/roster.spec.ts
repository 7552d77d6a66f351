import { expect, test } from '@playwright/test';
import { ADMIN, COURSE, PASSWORD, expectNoAxeViolations, failOnConsoleErrors, signIn } from './helpers';

test('a roster naming a login someone joined under shows the conflict, and the instructor resets it to an invite', async ({
  page,
  request,
}) => {
  failOnConsoleErrors(page);
  const { token: admin } = await (await request.post('/api/auth/login', { data: ADMIN })).json();
  await request.put(`${COURSE}/join-code`, {
    headers: { Authorization: `Bearer ${admin}` },
    data: { code: 'E2E-ROSTER-JOIN-CODE' },
  });
  const grace = `grace-e2e-${Date.now()}`;
  const squatted = await request.post(`${COURSE}/enrollments`, {
    data: { login: grace, password: PASSWORD, joinCode: 'E2E-ROSTER-JOIN-CODE' },
  });
  const { token: squatter } = await squatted.json();

  await signIn(page, ADMIN.login, ADMIN.password);
  await expect(page).toHaveURL(/\/instructor$/);
  await page.getByLabel('…or paste it').fill(`login,name,email\n${grace},Grace Hopper,\n`);
  await page.getByRole('button', { name: 'Upload the roster' }).click();

  const conflicts = page.getByRole('group', { name: /Logins someone joined under/ });
  await expect(conflicts).toContainText(`Line 2: ${grace}`);
  await expectNoAxeViolations(page);
  await conflicts.getByRole('button', { name: `Reset ${grace} to an invite` }).click();

  await expect(page.getByRole('status').filter({ hasText: `${grace} was reset` })).toBeVisible();
  await expect(conflicts).toHaveCount(0);
  const me = await request.get('/api/auth/me', { headers: { Authorization: `Bearer ${squatter}` } });
  expect(me.status()).toBe(401);
});

test('an instructor rejects a student repository, and its label follows on the student page and in the cohort', async ({
  page,
  request,
}) => {
  failOnConsoleErrors(page);
  const { token: admin } = await (await request.post('/api/auth/login', { data: ADMIN })).json();
  const asAdmin = { Authorization: `Bearer ${admin}` };
  await request.put(`${COURSE}/join-code`, { headers: asAdmin, data: { code: 'E2E-ROSTER-JOIN-CODE' } });
  const login = `repo-e2e-${Date.now()}`;
  await request.post(`${COURSE}/enrollments`, {
    data: { login, password: PASSWORD, joinCode: 'E2E-ROSTER-JOIN-CODE' },
  });
  const registered = await request.put(`${COURSE}/students/${login}/repository`, {
    headers: asAdmin,
    data: { url: `https://github.com/course-org/${login}` },
  });
  expect(registered.status()).toBe(200);

  await signIn(page, ADMIN.login, ADMIN.password);
  await expect(page).toHaveURL(/\/instructor$/);
  await page.goto(`/instructor/students/${login}`);
  const repository = page.getByRole('group', { name: 'Repository' });
  await expect(repository).toContainText('An instructor confirmed it is theirs.');
  await repository.getByRole('button', { name: 'Reject it' }).click();
  await expect(repository).toContainText('An instructor rejected it');
  await expectNoAxeViolations(page);

  await page.goto('/instructor');
  await expect(page.getByRole('row', { name: new RegExp(login) })).toContainText('rejected repository');
});
