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
