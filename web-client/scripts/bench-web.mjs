// Budgets of the web client, measured: the gzipped JavaScript of the initial route (budget 30 KB)
// and Lighthouse scores (desktop preset, Debian's Chromium) for performance, accessibility and
// best practices on the agenda and on a signed-in student's checklist (budget 95 each).
// Run by scripts/bench-web.sh, which starts the API and the built client and installs Lighthouse.
import { chromium } from '@playwright/test';
import { BUDGET_KB, initialJavaScript } from './initial-size.mjs';

const base = process.env.BENCH_BASE_URL;
const lighthousePath = process.env.LIGHTHOUSE_MODULE;
const { default: lighthouse } = await import(lighthousePath);
const { default: desktop } = await import(lighthousePath.replace(/core\/index\.js$/, 'core/config/desktop-config.js'));

// ---- bundle size of the initial route: the entry script and what it preloads
const { kb, files } = initialJavaScript();
console.log(`Initial route JavaScript: ${kb.toFixed(1)} KB gzipped (${files} file(s); budget ${BUDGET_KB} KB)`);

// ---- a student to sign in as
const admin = await (
  await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ login: 'admin', password: 'syllabus-admin' }),
  })
).json();
await fetch(`${base}/api/courses/ml-in-production/join-code`, {
  method: 'PUT',
  headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${admin.token}` },
  body: JSON.stringify({ code: 'BENCH' }),
});
const login = `bench-${Date.now()}`;
const joined = await fetch(`${base}/api/courses/ml-in-production/enrollments`, {
  method: 'POST',
  headers: { 'Content-Type': 'application/json' },
  body: JSON.stringify({ login, password: 'a long enough password', joinCode: 'BENCH' }),
});
if (!joined.ok) throw new Error(`could not create a student: ${joined.status}`);

const port = 9333;
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: [
    `--remote-debugging-port=${port}`,
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ],
});
const context = browser.contexts()[0] ?? (await browser.newContext());
const page = await context.newPage();
await page.goto(`${base}/signin`);
await page.getByLabel('GitHub login', { exact: true }).first().fill(login);
await page.getByLabel('Password', { exact: true }).fill('a long enough password');
await page.getByRole('button', { name: 'Sign in' }).click();
await page.waitForURL(/\/checklist$/);

let failed = kb > BUDGET_KB;
for (const [name, path] of [
  ['agenda', '/'],
  ['checklist', '/checklist'],
]) {
  const result = await lighthouse(
    `${base}${path}`,
    {
      port,
      output: 'json',
      logLevel: 'error',
      disableStorageReset: true,
      onlyCategories: ['performance', 'accessibility', 'best-practices'],
    },
    desktop,
  );
  const scores = Object.fromEntries(
    Object.entries(result.lhr.categories).map(([k, c]) => [k, Math.round(c.score * 100)]),
  );
  console.log(
    `Lighthouse ${name.padEnd(9)} performance ${scores.performance}  accessibility ${scores.accessibility}  ` +
      `best practices ${scores['best-practices']}  (budget 95)`,
  );
  failed ||= Object.values(scores).some((score) => score < 95);
}
await browser.close();
process.exit(failed ? 1 : 0);
