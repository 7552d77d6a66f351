import { render, screen, waitFor } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { json, problem } from '../../test/responses';
import { checklist } from '../../test/checklist-fixture';
import { course } from '../../test/fixtures';
import ChecklistPage from './ChecklistPage.svelte';

describe('ChecklistPage', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('shows progress, the homework status and every item', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => json(checklist)),
    );
    render(ChecklistPage, { course });

    expect(await screen.findByRole('progressbar', { name: 'Overall' })).toHaveAttribute('value', '1');
    expect(screen.getByText('Not started')).toBeInTheDocument();
    expect(screen.getByLabelText(/Setup GitHub repo/)).toBeChecked();
    expect(screen.getByLabelText(/Dockerfile for a dummy server/)).not.toBeChecked();
    expect(screen.getByRole('link', { name: 'Pull request #7' })).toHaveAttribute(
      'href',
      'https://github.com/octocat/course/pull/7',
    );
    expect(screen.getByText('checks passing')).toBeInTheDocument();
    expect(screen.getByText('approved')).toBeInTheDocument();
  });

  it('ticks at once, sends the version it saw, and keeps the tick when the server agrees', async () => {
    const done = { ...checklist.items[1]!, done: true, version: 1 };
    const after = { ...checklist, items: checklist.items.map((i) => (i.id === 'H2/PR1' ? done : i)) };
    const fetch = vi.fn(async (request: Request) =>
      request.method === 'PUT' ? json(done) : json(fetch.mock.calls.length > 1 ? after : checklist),
    );
    vi.stubGlobal('fetch', fetch);
    const user = userEvent.setup();
    render(ChecklistPage, { course });

    await user.click(await screen.findByLabelText(/Dockerfile for a dummy server/));

    expect(screen.getByLabelText(/Dockerfile for a dummy server/)).toBeChecked();
    const put = fetch.mock.calls.map((c) => c[0]).find((r) => r.method === 'PUT')!;
    expect(new URL(put.url).pathname).toBe('/api/courses/demo/checklist/H2/PR1/done');
    expect(put.headers.get('If-Match')).toBe('"v0"');
    await waitFor(() => expect(screen.getByLabelText(/Dockerfile for a dummy server/)).toBeChecked());
  });

  it('rolls a refused tick back and says why beside the item, once, with a retry that works', async () => {
    let refuse = true;
    const done = { ...checklist.items[1]!, done: true, version: 1 };
    const fetch = vi.fn(async (request: Request) =>
      request.method === 'PUT'
        ? refuse
          ? problem({ title: 'Service Unavailable', status: 503, detail: 'The database is not answering.' })
          : json(done)
        : json(checklist),
    );
    vi.stubGlobal('fetch', fetch);
    const user = userEvent.setup();
    render(ChecklistPage, { course });

    const box = await screen.findByLabelText(/Dockerfile for a dummy server/);
    await user.click(box);

    const alerts = await screen.findAllByRole('alert');
    expect(alerts).toHaveLength(1);
    expect(alerts[0]).toHaveTextContent('Not ticked: The database is not answering.');
    // Beside its item, not at the top of the page.
    expect(box.closest('li')).toContainElement(alerts[0]!);
    expect(box).not.toBeChecked();
    expect(box).toHaveAccessibleDescription(/Not ticked/);

    refuse = false;
    await user.click(screen.getByRole('button', { name: 'Try again' }));
    await waitFor(() => expect(screen.queryByRole('alert')).not.toBeInTheDocument());
    expect(fetch.mock.calls.filter((c) => c[0].method === 'PUT')).toHaveLength(2);
  });

  it('keeps the keyboard on the box through the round trip', async () => {
    const done = { ...checklist.items[1]!, done: true, version: 1 };
    const after = { ...checklist, items: checklist.items.map((i) => (i.id === 'H2/PR1' ? done : i)) };
    let answer: (value: Response) => void = () => undefined;
    const fetch = vi.fn((request: Request) =>
      request.method === 'PUT'
        ? new Promise<Response>((resolve) => (answer = resolve))
        : Promise.resolve(json(fetch.mock.calls.length > 1 ? after : checklist)),
    );
    vi.stubGlobal('fetch', fetch);
    const user = userEvent.setup();
    render(ChecklistPage, { course });

    const box = await screen.findByLabelText(/Dockerfile for a dummy server/);
    box.focus();
    await user.keyboard(' ');
    expect(box).toBeChecked();
    expect(box).toHaveFocus();
    expect(box).toBeEnabled();
    answer(json(done));
    await waitFor(() => expect(fetch.mock.calls.length).toBeGreaterThanOrEqual(3));
    expect(screen.getByLabelText(/Dockerfile for a dummy server/)).toHaveFocus();
  });

  it("names what a homework still misses to pass, in its pass rule's terms", async () => {
    const merged = {
      ...checklist,
      homework: [{ ...checklist.homework[0]!, status: 'IN_PROGRESS' as const, requiredPrs: 1, donePrs: 1 }],
      items: checklist.items.map((i) => (i.id === 'H2/PR1' ? { ...i, done: true } : i)),
    };
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => json(merged)),
    );
    render(ChecklistPage, { course });

    const card = await screen.findByRole('article', { name: 'H2: Infrastructure' });
    expect(card).toHaveTextContent('Still missing: “Install k9s” ticked.');
  });

  it('checks evidence as it is typed', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => json(checklist)),
    );
    const user = userEvent.setup();
    render(ChecklistPage, { course });

    await user.click(await screen.findByRole('button', { name: 'Add evidence for H2/PR1' }));
    const field = screen.getByLabelText(/Pull request URL/);
    await user.type(field, 'https://gitlab.com/x/y/-/merge_requests/1');
    expect(field).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByRole('button', { name: 'Save and mark done' })).toBeDisabled();

    await user.clear(field);
    await user.type(field, 'https://github.com/octocat/course/pull/3');
    expect(field).toHaveAttribute('aria-invalid', 'false');
    expect(screen.getByRole('button', { name: 'Save and mark done' })).toBeEnabled();
  });
});

describe('ChecklistPage dates', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.useRealTimers();
  });

  it('puts what is due this week at the top, marks late passes and hands out the private calendar', async () => {
    vi.useFakeTimers({ now: new Date('2026-09-16T12:00:00Z'), toFake: ['Date'] });
    const dated = {
      ...checklist,
      homework: [
        {
          ...checklist.homework[0]!,
          code: 'H1',
          title: 'Initial design draft',
          status: 'PASSED' as const,
          late: true,
          due: '2026-09-13T23:59:00+03:00',
          passedAt: '2026-09-15T10:00:00Z',
        },
        checklist.homework[0]!,
      ],
    };
    const fetch = vi.fn(async (request: Request) =>
      request.method === 'POST'
        ? json({ calendarUrl: 'http://localhost:5173/api/calendars/ffffffffffffffffffffffffffffffffffffffff.ics' })
        : json(dated),
    );
    vi.stubGlobal('fetch', fetch);
    // user-event puts its own clipboard in place; the copied text is read back from it.
    const user = userEvent.setup();
    render(ChecklistPage, { course });

    const soon = await screen.findByRole('region', { name: 'Due this week' });
    // H2 is due Sunday 20 September (in 4 days); H1 passed (late), so it is not listed.
    expect(soon).toHaveTextContent('H2: Infrastructure');
    expect(soon).not.toHaveTextContent('H1');
    expect(soon).toHaveTextContent('in 4 days');
    expect(screen.getByText('Passed late')).toBeInTheDocument();

    // The address was shown once, when made: only a new one can be had, and it replaces the old.
    expect(screen.queryByLabelText('Your private calendar address')).toBeNull();
    await user.click(screen.getByRole('button', { name: 'New address' }));
    expect(await screen.findByText(/the old one no longer works/)).toBeInTheDocument();
    const made = 'http://localhost:5173/api/calendars/ffffffffffffffffffffffffffffffffffffffff.ics';
    const address = screen.getByLabelText('Your private calendar address');
    expect(address).toHaveValue(made);
    expect(screen.getByRole('link', { name: 'Subscribe' })).toHaveAttribute(
      'href',
      'webcal://localhost:5173/api/calendars/ffffffffffffffffffffffffffffffffffffffff.ics',
    );
    await user.click(screen.getByRole('button', { name: 'Copy link' }));
    expect(await navigator.clipboard.readText()).toBe(made);
    expect(screen.getByRole('link', { name: 'The course calendar' })).toHaveAttribute(
      'href',
      expect.stringMatching(/\/api\/courses\/demo\/runs\/current\/calendar\.ics$/),
    );
  });
});
