import { render, screen, waitFor } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { json, problem } from '../test/responses';
import { checklist } from '../test/checklist-fixture';
import ChecklistPage from './ChecklistPage.svelte';

describe('ChecklistPage', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('shows progress, the homework status and every item', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => json(checklist)),
    );
    render(ChecklistPage, { slug: 'demo' });

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
    render(ChecklistPage, { slug: 'demo' });

    await user.click(await screen.findByLabelText(/Dockerfile for a dummy server/));

    expect(screen.getByLabelText(/Dockerfile for a dummy server/)).toBeChecked();
    const put = fetch.mock.calls.map((c) => c[0]).find((r) => r.method === 'PUT')!;
    expect(new URL(put.url).pathname).toBe('/api/courses/demo/checklist/H2/PR1/done');
    expect(put.headers.get('If-Match')).toBe('"v0"');
    await waitFor(() => expect(screen.getByLabelText(/Dockerfile for a dummy server/)).toBeChecked());
  });

  it('rolls a refused tick back and says why', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async (request: Request) =>
        request.method === 'PUT'
          ? problem({ title: 'Precondition Failed', status: 412, detail: 'Item H2/PR1 changed since you read it.' })
          : json(checklist),
      ),
    );
    const user = userEvent.setup();
    render(ChecklistPage, { slug: 'demo' });

    await user.click(await screen.findByLabelText(/Dockerfile for a dummy server/));

    expect(await screen.findByRole('alert')).toHaveTextContent(
      'H2/PR1 was not ticked: Item H2/PR1 changed since you read it.',
    );
    expect(screen.getByLabelText(/Dockerfile for a dummy server/)).not.toBeChecked();
  });

  it('checks evidence as it is typed', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => json(checklist)),
    );
    const user = userEvent.setup();
    render(ChecklistPage, { slug: 'demo' });

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
    render(ChecklistPage, { slug: 'demo' });

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
      expect.stringMatching(/\/api\/courses\/demo\/calendar\.ics$/),
    );
  });
});
