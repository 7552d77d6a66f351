import { defineConfig, devices } from '@playwright/test';

// End-to-end tests: Debian's Chromium drives the built client, served by `vite preview`, which
// proxies /api to the real API jar started here on a fresh in-memory database. No mocks.
const apiPort = Number(process.env.E2E_API_PORT ?? 18180);
const managementPort = apiPort + 10;
const webPort = Number(process.env.E2E_WEB_PORT ?? 14173);
const fakeGithubPort = Number(process.env.E2E_FAKE_GITHUB_PORT ?? 14180);
const apiJar = process.env.E2E_API_JAR ?? '../api/target/quarkus-app/quarkus-run.jar';
// E2E_BASE_URL runs the same tests against an app served elsewhere (the container smoke test).
const external = process.env.E2E_BASE_URL;

export default defineConfig({
  testDir: 'e2e',
  outputDir: 'target/e2e-results',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 30_000,
  reporter: [['list']],
  // The journeys (e2e/journeys) walk a real course's days at a desktop's and at a phone's size.
  projects: [
    { name: 'e2e', testIgnore: /journeys\// },
    // A journey is a whole day of clicks (about 20 s on a quiet box): it gets room for a busy one.
    {
      name: 'journeys-desktop',
      testDir: 'e2e/journeys',
      timeout: 90_000,
      use: { viewport: { width: 1280, height: 900 } },
    },
    {
      name: 'journeys-phone',
      testDir: 'e2e/journeys',
      timeout: 90_000,
      use: { viewport: { width: 390, height: 844 }, hasTouch: true },
    },
  ],
  use: {
    baseURL: external ?? `http://127.0.0.1:${webPort}`,
    trace: 'retain-on-failure',
    ...devices['Desktop Chrome'],
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  webServer: external
    ? []
    : [
        {
          command: 'node e2e/fake-github.mjs',
          url: `http://127.0.0.1:${fakeGithubPort}/`,
          env: { FAKE_GITHUB_PORT: String(fakeGithubPort) },
          timeout: 10_000,
          reuseExistingServer: false,
        },
        {
          // C1 alone, as for every JVM the tests start: a few minutes' life does not repay C2's compiling.
          command: `java -XX:TieredStopAtLevel=1 -jar ${apiJar}`,
          url: `http://127.0.0.1:${managementPort}/q/health/ready`,
          env: {
            QUARKUS_HTTP_PORT: String(apiPort),
            QUARKUS_MANAGEMENT_PORT: String(managementPort),
            SYLLABUS_DB_URL: 'jdbc:h2:mem:e2e;DB_CLOSE_DELAY=-1',
            SYLLABUS_CORS_ORIGINS: `http://127.0.0.1:${webPort}`,
            // Sign-in with GitHub against the fake GitHub below; the browser comes back through the web server.
            SYLLABUS_PUBLIC_URL: `http://127.0.0.1:${webPort}`,
            SYLLABUS_GITHUB_CLIENT_ID: 'e2e-client',
            SYLLABUS_GITHUB_CLIENT_SECRET: 'e2e-client-secret',
            SYLLABUS_GITHUB_OAUTH_URL: `http://127.0.0.1:${fakeGithubPort}`,
            SYLLABUS_GITHUB_API_URL: `http://127.0.0.1:${fakeGithubPort}`,
            // The webhook journey's receiver runs on this machine.
            SYLLABUS_WEBHOOKS_ALLOW_LOCAL_TARGETS: 'true',
          },
          timeout: 90_000,
          reuseExistingServer: false,
          stdout: 'ignore',
          stderr: 'pipe',
        },
        {
          command: `node node_modules/vite/bin/vite.js preview --host 127.0.0.1 --port ${webPort} --strictPort`,
          url: `http://127.0.0.1:${webPort}/`,
          env: { SYLLABUS_API_PROXY: `http://127.0.0.1:${apiPort}` },
          timeout: 30_000,
          reuseExistingServer: false,
        },
      ],
});
