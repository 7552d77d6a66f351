import { expect, test } from '@playwright/test';
import { expectNoAxeViolations, screenshots, SMOKE } from './helpers';

test.beforeEach(async ({ page }) => {
  page.on('console', (message) => {
    if (message.type() === 'error') throw new Error(`console error: ${message.text()}`);
  });
});

test('the agenda shows the eight weeks from the API', SMOKE, async ({ page, request }) => {
  const api = await (await request.get('/api/agenda')).json();
  await page.goto('/');

  await expect(page.getByRole('heading', { level: 1 })).toHaveText(api.title);
  const weeks = page.locator('.week-card h3');
  await expect(weeks).toHaveCount(8);
  for (const week of api.weeks) {
    await expect(page.getByRole('link', { name: `Week ${week.number}: ${week.title}` })).toBeVisible();
  }
  await expect(page.getByRole('link', { name: 'H3 Data storage and processing' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'K9S' })).toHaveAttribute('href', 'https://k9scli.io/topics/install/');
  await page.screenshot({ path: `${screenshots}/agenda.png`, fullPage: true });
});

test('search narrows the agenda to matching topics and homework', async ({ page }) => {
  await page.goto('/');
  await page.getByLabel('Search topics and homework').fill('kubeflow');

  await expect(page.locator('.week-card')).toHaveCount(1);
  await expect(page.getByRole('link', { name: 'Week 4: Pipelines' })).toBeVisible();
});

test('deep links to a week and a homework survive a reload', async ({ page }) => {
  await page.goto('/weeks/3');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Week 3: Experiments');
  await page.reload();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Week 3: Experiments');
  await expect(page.getByRole('heading', { name: 'H5: Training and experiments' })).toBeVisible();
  await page.screenshot({ path: `${screenshots}/week-3.png`, fullPage: true });

  await page.goto('/homework/H3');
  await page.reload();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('H3: Data storage and processing');
  await expect(page.getByText('PR5', { exact: true })).toBeVisible();
  await expect(page.getByText('optional', { exact: true })).toBeVisible();
  await expect(page.getByText('6 PRs merged.')).toBeVisible();
  await page.screenshot({ path: `${screenshots}/homework-h3.png`, fullPage: true });
});

test('links inside the app navigate without a page load, back works', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('link', { name: 'Week 2: Data' }).click();
  await expect(page).toHaveURL(/\/weeks\/2$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Week 2: Data');
  await expect(page.getByRole('heading', { level: 1 })).toBeFocused();
  await page.goBack();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Machine Learning in Production');
});

test('an unknown week says it is not there', async ({ page }) => {
  await page.goto('/weeks/42');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Not found');
  await expect(page.getByText('Week 42 does not exist in this course.')).toBeVisible();
});

test('keyboard alone reaches the search and the weeks', async ({ page }) => {
  await page.goto('/');
  await expect(page.locator('.week-card')).toHaveCount(8);
  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: 'Skip to content' })).toBeFocused();
  await page.getByLabel('Search topics and homework').focus();
  await page.keyboard.type('grafana');
  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: 'Week 7: Monitoring' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Week 7: Monitoring');
});

for (const path of ['/', '/weeks/1', '/homework/H2', '/weeks/99']) {
  test(`no accessibility violations on ${path}`, async ({ page }) => {
    await page.goto(path);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await expectNoAxeViolations(page);
  });
}

test.describe('in dark mode', () => {
  test.use({ colorScheme: 'dark' });

  test('the page follows the system setting and stays readable', async ({ page }) => {
    await page.goto('/');
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    const background = await page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
    expect(background).toBe('rgb(15, 20, 25)');
    await expectNoAxeViolations(page);
    await page.screenshot({ path: `${screenshots}/agenda-dark.png` });
  });
});

test.describe('on a phone', () => {
  test.use({ viewport: { width: 375, height: 740 } });

  test('the agenda fits the screen without sideways scrolling', async ({ page }) => {
    await page.goto('/');
    await expect(page.locator('.week-card')).toHaveCount(8);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await page.screenshot({ path: `${screenshots}/agenda-phone.png` });
  });
});
