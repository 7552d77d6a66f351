import { screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { json, problem } from './test/responses';
import { course } from './test/fixtures';

// The agenda and the router are app-wide singletons: each test starts the app from fresh modules.
let cleanup: (() => void) | undefined;

async function renderApp() {
  const testing = await import('@testing-library/svelte');
  cleanup = testing.cleanup;
  const { render } = testing;
  const { default: App } = await import('./App.svelte');
  return render(App);
}

describe('App', () => {
  beforeEach(() => {
    vi.resetModules();
  });

  afterEach(() => {
    cleanup?.();
    vi.unstubAllGlobals();
    history.replaceState({}, '', '/');
  });

  it('loads the agenda from the API and shows it', async () => {
    const fetch = vi.fn(async (_request: Request) => json(course));
    vi.stubGlobal('fetch', fetch);

    await renderApp();

    expect(await screen.findByRole('heading', { level: 1, name: 'Demo Course' })).toBeInTheDocument();
    const request = fetch.mock.calls[0]![0];
    expect(new URL(request.url).pathname).toBe('/api/agenda');
    expect(request.headers.get('Accept')).toBe('application/json');
    // Revalidated, never taken from the browser's cache unasked: a course just published shows at once.
    expect(request.cache).toBe('no-cache');
  });

  it("shows the API's problem message and loads again on retry", async () => {
    const fetch = vi.fn(async () =>
      problem({ title: 'Service Unavailable', status: 503, detail: 'The database is restarting.' }),
    );
    vi.stubGlobal('fetch', fetch);
    const user = userEvent.setup();

    await renderApp();

    expect(await screen.findByRole('alert')).toHaveTextContent('The database is restarting.');
    fetch.mockImplementation(async () => json(course));
    await user.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Demo Course' })).toBeInTheDocument();
  });

  it('says so when the server cannot be reached', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => Promise.reject(new TypeError('Failed to fetch'))),
    );

    await renderApp();

    expect(await screen.findByRole('alert')).toHaveTextContent('Cannot reach the server');
  });

  it('opens a deep link to a homework and navigates without reloading', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => json(course)),
    );
    history.replaceState({}, '', '/homework/H3');
    const user = userEvent.setup();

    await renderApp();

    expect(await screen.findByRole('heading', { level: 1, name: 'H3: Data storage' })).toBeInTheDocument();
    expect(screen.getByText('Streaming dataset')).toBeInTheDocument();
    expect(screen.getByText('optional')).toBeInTheDocument();
    await user.click(screen.getByRole('link', { name: 'Week 2' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Week 2: Data' })).toBeInTheDocument();
    expect(location.pathname).toBe('/weeks/2');
  });
});
