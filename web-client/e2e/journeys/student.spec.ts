import { expect, test } from '@playwright/test';
import { ADMIN, COURSE, PASSWORD } from '../helpers';

const fakeGithub = `http://127.0.0.1:${process.env.E2E_FAKE_GITHUB_PORT ?? 14180}`;
import { unique, visited } from './journey';

// A student's days: joining through the invite from the roster, the agenda and a homework, ticking by
// keyboard, a tick the API cannot take (503) and its retry, and the calendar subscription.
test('a rostered student joins with their invite and keeps their checklist', async ({ page, request }, info) => {
  const sam = unique('sam', info);
  const { token } = await (await request.post('/api/auth/login', { data: ADMIN })).json();
  const admin = { Authorization: `Bearer ${token}` };
  await request.post(`${COURSE}/roster`, {
    headers: { ...admin, 'Content-Type': 'text/csv' },
    data: `login,name,email\n${sam},Sam Student,\n`,
  });
  const issued = await request.post(`${COURSE}/roster/invites?login=${sam}`, {
    headers: { ...admin, Accept: 'application/json' },
  });
  const [invite] = await issued.json();
  const link = new URL(invite.link);

  // The agenda and a homework, before signing in.
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await visited(page, info, 'agenda');
  await page.goto('/homework/H3');
  await expect(page.getByRole('heading', { level: 1, name: /H3/ })).toBeVisible();
  await visited(page, info, 'homework');

  // The invite link opens the sign-in page for that roster login. Where GitHub proves logins (the fake
  // GitHub plays it here), it leads to "Sign in with GitHub" as sam, which claims the account; elsewhere
  // to the join form with the personal code filled in, where sam chooses a password.
  const providers = await (await request.get('/api/auth/providers')).json();
  await page.goto(link.pathname + link.search);
  await visited(page, info, 'sign-in');
  if (providers.github) {
    await request.post(`${fakeGithub}/__next-user`, {
      data: { id: Number(Date.now() % 1_000_000_000) + 11, login: sam },
    });
    await page.getByRole('link', { name: `Sign in with GitHub as ${sam}` }).click();
  } else {
    await expect(page.getByRole('radio', { name: /a personal invite code/ })).toBeChecked();
    await expect(page.getByLabel('Your personal invite code')).toHaveValue(invite.invite);
    await page.getByLabel('Choose a password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Join the course' }).click();
  }
  await expect(page).toHaveURL(/\/checklist$/);
  await expect(page.getByRole('heading', { level: 1, name: 'My checklist' })).toBeVisible();

  // It opens at this week; the other weeks are folded with their standing in view.
  await expect(page.locator('details.week-fold[open]')).toHaveCount(1);
  await expect(page.locator('details.week-fold[open] summary')).toContainText('this week');
  await visited(page, info, 'checklist');

  // Keyboard only: Space ticks, and the focus stays on the box through the round trip.
  const pr1 = page.getByLabel(/Write a Dockerfile for a dummy server/);
  await pr1.focus();
  await page.keyboard.press('Space');
  await expect(pr1).toBeChecked();
  await expect(pr1).toBeFocused();
  await page.waitForLoadState('networkidle');
  await expect(pr1).toBeFocused();
  const h2 = page.getByRole('article', { name: 'H2: Infrastructure' });
  await expect(h2).toContainText('Still missing:');

  // The API answers 503: the refusal shows beside the item, once, and the retry works when it is back.
  await page.route('**/api/courses/*/checklist/*/*/done', (route) =>
    route.fulfill({
      status: 503,
      contentType: 'application/problem+json',
      headers: { 'Retry-After': '5' },
      body: JSON.stringify({
        type: 'about:blank',
        title: 'Service Unavailable',
        status: 503,
        detail: 'The database is not answering; try again in a moment.',
      }),
    }),
  );
  const k9s = page.getByLabel(/Install k9s/);
  await k9s.click();
  const row = page.getByRole('listitem').filter({ has: k9s });
  await expect(row.getByRole('alert')).toContainText('not answering');
  await expect(page.getByRole('alert')).toHaveCount(1);
  await expect(k9s).not.toBeChecked();
  await page.unroute('**/api/courses/*/checklist/*/*/done');
  await row.getByRole('button', { name: 'Try again' }).click();
  await expect(k9s).toBeChecked();
  await expect(page.getByRole('alert')).toHaveCount(0);

  // The private calendar, near the top, one click from the calendar app.
  await page.getByRole('button', { name: 'Get my calendar address' }).click();
  const address = await page.getByLabel('Your private calendar address').inputValue();
  await expect(page.getByRole('link', { name: 'Subscribe' })).toHaveAttribute('href', /^webcal:\/\//);
  const feed = await request.get(new URL(address).pathname);
  expect(feed.status()).toBe(200);
  expect(await feed.text()).toContain('BEGIN:VCALENDAR');
  await visited(page, info);

  // After a reload the ticks are still there.
  await page.reload();
  await expect(page.getByLabel(/Install k9s/)).toBeChecked();
  await expect(page.getByLabel(/Write a Dockerfile for a dummy server/)).toBeChecked();

  // Their own status shows on the agenda's card and on the homework's page.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Agenda' }).click();
  await expect(page.getByRole('article', { name: /H2 Infrastructure/ })).toContainText('Yours: In progress');
  await page.goto('/homework/H2');
  await expect(page.getByText('Yours:')).toContainText('In progress');

  // Printed, the page is the content alone: no navigation, no buttons, links written out.
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeHidden();
  await page.goto('/');
  await expect(page.getByLabel('Search topics and homework')).toBeHidden();
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
});
