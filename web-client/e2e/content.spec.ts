import { expect, test } from '@playwright/test';
import { ADMIN, COURSE, expectNoAxeViolations, failOnConsoleErrors, screenshots, signIn } from './helpers';

test.beforeEach(async ({ page }) => failOnConsoleErrors(page));

test('an instructor publishes the course from Markdown: a broken page is refused with each problem, the published one is checked and goes back, and one based on a course someone has published over since is refused', async ({
  page,
  request,
}) => {
  const before = await (await request.get(`${COURSE}/agenda`, { headers: { Accept: 'application/json' } })).json();
  await signIn(page, ADMIN.login, ADMIN.password);
  await expect(page).toHaveURL(/\/instructor$/);
  const content = page.getByRole('region', { name: 'Course content' });
  const editor = content.getByLabel('…or edit the page here');

  await content.getByRole('button', { name: 'Load the published page' }).click();
  await expect(editor).toHaveValue(/# Week 1: Introduction/);
  const published = await editor.inputValue();

  await editor.fill(`${published}\n# Week 12: Gap\n\n- [relative](notes.md)\n`);
  await content.getByRole('button', { name: 'Publish the course' }).click();
  const refusal = content.getByRole('alert');
  await expect(refusal).toContainText('the course is unchanged');
  await expect(refusal.getByRole('listitem').filter({ hasText: 'week 9 is missing' })).toHaveCount(1);
  await expect(refusal.getByRole('listitem').filter({ hasText: "link 'notes.md'" })).toHaveCount(1);
  const unchanged = await (await request.get(`${COURSE}/agenda`, { headers: { Accept: 'application/json' } })).json();
  expect(unchanged.version).toBe(before.version);

  await editor.fill(published);
  await content.getByRole('button', { name: 'Check the page' }).click();
  const status = content.getByRole('status');
  await expect(status).toContainText(`The page passes the check. Publishing it would give ${before.title}: 8 weeks`);
  await expect(status).toContainText('Nothing is published yet.');
  await expect(refusal).toHaveCount(0);

  await content.getByRole('button', { name: 'Publish the course' }).click();
  await expect(status).toContainText(`Published ${before.title}: 8 weeks, 16 homework`);
  // The author's own pages mark pull requests optional that their pass criteria ask for anyway.
  await expect(status.getByRole('listitem').filter({ hasText: 'is marked optional' }).first()).toBeVisible();
  await expect(refusal).toHaveCount(0);
  const after = await (await request.get(`${COURSE}/agenda`, { headers: { Accept: 'application/json' } })).json();
  expect(after.weeks.map((w: { title: string }) => w.title)).toEqual(
    before.weeks.map((w: { title: string }) => w.title),
  );

  // Another instructor publishes meanwhile (through the API): this page's next publication is refused and
  // its text kept; the course catches up, and publishing again replaces theirs with it.
  const { token } = await (await request.post('/api/auth/login', { data: ADMIN })).json();
  const theirs = await request.put(`${COURSE}/content`, {
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'text/markdown' },
    data: published.replace('# Week 1: Introduction', '# Week 1: Their introduction'),
  });
  expect(theirs.status()).toBe(200);
  await content.getByRole('button', { name: 'Publish the course' }).click();
  await expect(refusal).toContainText('Someone else published the course after this page loaded it');
  await expect(editor).toHaveValue(published);
  await content.getByRole('button', { name: 'Publish the course' }).click();
  await expect(status).toContainText(`Published ${before.title}: 8 weeks, 16 homework`);
  const mine = await (await request.get(`${COURSE}/agenda`, { headers: { Accept: 'application/json' } })).json();
  expect(mine.weeks[0].title).toBe(before.weeks[0].title);

  await expectNoAxeViolations(page);
  await content.screenshot({ path: `${screenshots}/instructor-content.png` });
});
