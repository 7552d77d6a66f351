import { expect, test } from '@playwright/test';
import { ADMIN, expectNoAxeViolations, signIn } from './helpers';

// The deep-linking picker as a platform's frame shows it, under the production build's policy: the
// pick leaves as a plain form post (the page may post only to its own origin, where the API is), and
// the API answers with a page. Without a platform's launch the request is unknown, which that page says.
test('the deep-linking picker posts an instructor’s pick to the API as a form and shows the answer page', async ({
  page,
}) => {
  await signIn(page, ADMIN.login, ADMIN.password);
  await expect(page).toHaveURL(/\/instructor$/);
  await page.goto('/instructor/deep-link?course=ml-in-production&request=no-such-request');

  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Place homework in your course');
  const place = page.getByRole('button', { name: /^Place \d+ homework in the platform$/ });
  await expect(place).toBeDisabled();
  const week = page.getByRole('group', { name: /^Week 2: / });
  await week.getByRole('checkbox', { name: /^Week 2: / }).check();
  await expect(place).toBeEnabled();
  for (const homework of await week.getByRole('checkbox', { name: /^H\d+: / }).all()) {
    await expect(homework).toBeChecked();
  }
  await expectNoAxeViolations(page);

  await place.click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Syllabus could not place the homework');
  await expect(page.getByText(/unknown, expired or answered already/)).toBeVisible();
});
