import { expect, test } from '@playwright/test';
import { ADMIN, COURSE, PASSWORD, signIn } from '../helpers';
import { unique, visited } from './journey';

// An instructor's day: the roster and its invites, the join code, a run's dates, the cohort with its
// filters in the address, ticking an item for a student, and the gradebook.
test('the instructor runs the course from one page', async ({ page, request, context }, info) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const ada = unique('ada', info);
  const bob = unique('bob', info);
  const code = unique('JOURNEY', info).toUpperCase();

  await signIn(page, ADMIN.login, ADMIN.password);
  await expect(page).toHaveURL(/\/instructor$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Cohort' })).toBeVisible();
  await visited(page, info, 'cohort');

  // The roster names two students; neither has joined, and each gets a personal invite.
  await page.getByLabel('…or paste it').fill(`login,name,email\n${ada},Ada Lovelace,\n${bob},Bob Babbage,\n`);
  await page.getByRole('button', { name: 'Upload the roster' }).click();
  const invites = page.getByRole('region', { name: 'Invites' });
  await expect(invites.getByRole('row', { name: new RegExp(ada) })).toContainText('No invite yet');
  await invites.getByRole('button', { name: `Issue an invite for ${ada}` }).click();
  const adaRow = invites.getByRole('row', { name: new RegExp(ada) });
  await expect(adaRow).toContainText(`login=${ada}&invite=`);
  await adaRow.getByRole('button', { name: `Copy ${ada}'s invite link` }).click();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toContain(`&login=${ada}&invite=`);
  await invites.getByRole('button', { name: 'Issue invites for everyone not joined' }).click();
  await expect(invites.getByRole('status')).toContainText('invites issued');
  const download = page.waitForEvent('download');
  await invites.getByRole('button', { name: 'Download these invites (CSV)' }).click();
  const csv = await (await download).createReadStream();
  const text = await new Promise<string>((resolve) => {
    let body = '';
    csv.on('data', (chunk) => (body += chunk));
    csv.on('end', () => resolve(body));
  });
  expect(text).toMatch(new RegExp(`^login,name,invite,link\\n[\\s\\S]*${ada},Ada Lovelace,`));
  expect(text).toContain(`${bob},Bob Babbage,`);
  await visited(page, info);

  // A new join code shows in every panel at once, the runs' included.
  const joinCode = page.getByRole('region', { name: 'Join code of the current run' });
  await joinCode.getByLabel('New code (leave empty for a random one)').fill(code);
  await joinCode.getByRole('button', { name: 'Set the join code' }).click();
  await expect(joinCode.getByRole('status')).toContainText(code);
  await expect(page.getByRole('region', { name: 'Runs' })).toContainText(`join it with ${code}`);

  // A student joins with it; the instructor ticks an item for them from their page.
  const cy = unique('cy', info);
  const joined = await request.post(`${COURSE}/enrollments`, {
    data: { login: cy, password: PASSWORD, joinCode: code },
  });
  expect(joined.status()).toBe(201);

  // The cohort's filters live in the address: a reload keeps them.
  await page.reload();
  const cohort = page.getByRole('region', { name: 'Students × homework' });
  await cohort.getByLabel('Week').selectOption('1');
  await cohort.getByLabel('Status').selectOption('NOT_STARTED');
  await expect(page).toHaveURL(/week=1/);
  await expect(page).toHaveURL(/status=NOT_STARTED/);
  await page.reload();
  await expect(cohort.getByLabel('Status')).toHaveValue('NOT_STARTED');
  await expect(cohort.getByRole('link', { name: cy })).toBeVisible();
  await expect(page.getByRole('list', { name: 'What the marks mean' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'How the run stands' })).toContainText(/H2\s*\d+ of \d+ passed/);
  await visited(page, info);

  await cohort.getByRole('link', { name: cy }).click();
  await expect(page.getByRole('heading', { level: 1, name: `${cy}'s checklist` })).toBeVisible();
  await page.getByLabel('Note with your changes (optional)').fill('Shown in class');
  const k9s = page.getByLabel(/Install k9s/);
  await k9s.check();
  await expect(k9s).toBeChecked();
  await expect(page.getByRole('region', { name: `Ticking for ${cy}` })).toContainText(
    'H2/OTHER done by admin: “Shown in class”',
  );
  await page.reload();
  await expect(page.getByLabel(/Install k9s/)).toBeChecked();
  await visited(page, info, 'student-detail');

  // A run's dates: a new run a year from now, chosen, then back to the current one.
  await page.getByRole('link', { name: 'Cohort' }).click();
  const runs = page.getByRole('region', { name: 'Runs' });
  const name = unique('next', info).toLowerCase();
  const next = new Date(Date.now() + 365 * 86_400_000).toISOString().slice(0, 10);
  await runs.getByRole('button', { name: 'New run' }).click();
  await runs.getByLabel('Name (its address)').fill(name);
  await runs.getByLabel('Title').fill('Next year');
  await runs.getByLabel('First day of week 1').fill(next);
  await runs.getByLabel('Time zone').fill('Europe/Kyiv');
  await runs.getByRole('button', { name: 'Save the run' }).click();
  await expect(runs.getByRole('status')).toContainText('Next year starts');
  await expect(page).toHaveURL(new RegExp(`run=${name}`));
  await expect(page.getByText('No students in this run yet.')).toBeVisible();
  const current = await runs.getByLabel('Run').locator('option', { hasText: '(current)' }).getAttribute('value');
  await runs.getByLabel('Run').selectOption(current!);
  await expect(page).not.toHaveURL(/run=/);

  // The gradebook of the current run.
  const gradebook = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download for Canvas' }).click();
  expect((await gradebook).suggestedFilename()).toMatch(/^ml-in-production-.*-canvas-grades\.csv$/);
  await visited(page, info);
});
