import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

export const COURSE = '/api/courses/ml-in-production';
// The embedded build's documented default; the container smoke test passes the deployment's own.
export const ADMIN = { login: 'admin', password: process.env.E2E_ADMIN_PASSWORD ?? 'syllabus-admin' };
export const PASSWORD = 'a long enough password';
export const screenshots = 'target/screenshots';
// The few tests the container smoke runs against the images (the whole suite runs against the
// production build, under the same security headers): reading, writing, GitHub, a download.
export const SMOKE = { tag: '@smoke' };

export async function signIn(page: Page, login: string, password: string) {
  await page.goto('/signin');
  await page.getByLabel('GitHub login', { exact: true }).first().fill(login);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

export async function expectNoAxeViolations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.length})`)).toEqual([]);
}

/** Fails the test on any console error except the 4xx answers a test causes on purpose and checks in the page. */
export function failOnConsoleErrors(page: Page) {
  page.on('console', (message) => {
    const expected = /Failed to load resource: the server responded with a status of 4\d\d/.test(message.text());
    if (message.type() === 'error' && !expected) throw new Error(`console error: ${message.text()}`);
  });
}
