import { render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { json, problem, text } from '../../test/responses';
import ContentPanel from './ContentPanel.svelte';

const PAGE = '+++\ntitle = "Demo Course"\n+++\n\n# Week 1: Start\n';

describe('ContentPanel', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('loads the published page, publishes it as Markdown and lists the warnings', async () => {
    const fetch = vi.fn(async (request: Request) =>
      request.method === 'GET'
        ? text(PAGE, 'text/markdown', '"cafe-1a2b3c4d-md"')
        : json({
            slug: 'demo',
            title: 'Demo Course',
            description: null,
            version: 'f00d',
            weeks: 1,
            homework: 0,
            warnings: ['demo: H1 is not in the upload: it leaves every checklist with its 2 task(s)'],
          }),
    );
    vi.stubGlobal('fetch', fetch);
    const onChanged = vi.fn();
    const user = userEvent.setup();
    render(ContentPanel, { slug: 'demo', version: 'beef', onChanged, checkOnOpen: false });

    await user.click(screen.getByRole('button', { name: 'Load the published page' }));
    expect(await screen.findByDisplayValue(/# Week 1: Start/)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Publish the course' }));

    const status = await screen.findByRole('status');
    expect(status).toHaveTextContent('Published Demo Course: 1 week, 0 homework (version f00d).');
    expect(status).toHaveTextContent('H1 is not in the upload');
    expect(onChanged).toHaveBeenCalledOnce();
    const sent = fetch.mock.calls.map((call) => call[0]).find((r) => r.method === 'PUT')!;
    expect(new URL(sent.url).pathname).toBe('/api/courses/demo/content');
    expect(sent.headers.get('Content-Type')).toBe('text/markdown');
    // Based on the page loaded, which may be newer than the course this page showed.
    expect(sent.headers.get('If-Match')).toBe('"cafe-1a2b3c4d-md"');
    expect(await sent.text()).toBe(PAGE);
    expect(fetch.mock.calls[0]![0].headers.get('Accept')).toBe('text/markdown');

    // Publishing again builds on our own publication, before the reloaded course says so.
    await user.click(screen.getByRole('button', { name: 'Publish the course' }));
    await vi.waitFor(() => expect(onChanged).toHaveBeenCalledTimes(2));
    const again = fetch.mock.calls.map((call) => call[0]).filter((r) => r.method === 'PUT')[1]!;
    expect(again.headers.get('If-Match')).toBe('"f00d"');
  });

  it('says so when someone else published first, keeps the page and lets the course catch up', async () => {
    const fetch = vi.fn(async (_request: Request) =>
      problem({
        title: 'Precondition Failed',
        status: 412,
        detail: "Course 'demo' is now at version cafe, not the one the upload was based on: someone published since.",
      }),
    );
    vi.stubGlobal('fetch', fetch);
    const onChanged = vi.fn();
    const user = userEvent.setup();
    render(ContentPanel, { slug: 'demo', version: 'beef', onChanged, checkOnOpen: false });

    await user.type(screen.getByLabelText('…or edit the page here'), '# Week 1: Mine');
    await user.click(screen.getByRole('button', { name: 'Publish the course' }));

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Someone else published the course after this page loaded it');
    expect(alert).toHaveTextContent('publishing again replaces it with yours');
    expect(screen.getByLabelText('…or edit the page here')).toHaveValue('# Week 1: Mine');
    expect(onChanged).toHaveBeenCalledOnce();
    // A page typed here is based on the course as this page showed it.
    expect(fetch.mock.calls[0]![0].headers.get('If-Match')).toBe('"beef"');
  });

  it("lists every problem of a refused page and keeps the author's text", async () => {
    const refusal = {
      title: 'Unprocessable Content',
      status: 422,
      detail: 'The content check found 2 problem(s); the course is unchanged.',
      errors: [
        { field: 'content', message: 'demo/agenda.md:5: week 3 follows week 1: week 2 is missing' },
        { field: 'content', message: "demo/agenda.md:7: link 'notes.md' is not an absolute http(s) URL" },
      ],
    };
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => problem(refusal)),
    );
    const onChanged = vi.fn();
    const user = userEvent.setup();
    render(ContentPanel, { slug: 'demo', version: 'beef', onChanged, checkOnOpen: false });

    await user.type(screen.getByLabelText('…or edit the page here'), '# Week 3: Gap');
    await user.click(screen.getByRole('button', { name: 'Publish the course' }));

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('the course is unchanged');
    expect(
      screen.getAllByRole('listitem').map((item) => item.textContent?.replace(/\s*Go to line \d+$/, '').trim()),
    ).toEqual(refusal.errors.map((e) => e.message));
    // Publishing waits for a page that passes; a change to the text lets it try again.
    expect(screen.getByRole('button', { name: 'Publish the course' })).toBeDisabled();
    await user.type(screen.getByLabelText('…or edit the page here'), '\n\n\n\n\n\nmore');
    expect(screen.getByRole('button', { name: 'Publish the course' })).toBeEnabled();
    await user.click(screen.getByRole('button', { name: 'Check the page' }));
    await user.click((await screen.findAllByRole('button', { name: 'Go to line 7' }))[0]!);
    const editor = screen.getByLabelText<HTMLTextAreaElement>('…or edit the page here');
    expect(editor).toHaveFocus();
    expect(editor.value.slice(editor.selectionStart, editor.selectionEnd)).toBe('more');
    expect(screen.getByLabelText('…or edit the page here')).toHaveValue('# Week 3: Gap\n\n\n\n\n\nmore');
    expect(onChanged).not.toHaveBeenCalled();
  });

  it('checks a page without publishing it and says what publishing would give', async () => {
    const fetch = vi.fn(async (_request: Request) =>
      json({
        slug: 'demo',
        title: 'Demo Course',
        description: null,
        version: 'f00d',
        weeks: 2,
        homework: 3,
        warnings: [],
      }),
    );
    vi.stubGlobal('fetch', fetch);
    const onChanged = vi.fn();
    const user = userEvent.setup();
    render(ContentPanel, { slug: 'demo', version: 'beef', onChanged, checkOnOpen: false });

    await user.type(screen.getByLabelText('…or edit the page here'), '# Week 1: Start');
    await user.click(screen.getByRole('button', { name: 'Check the page' }));

    const status = await screen.findByRole('status');
    expect(status).toHaveTextContent(
      'Publishing it would give Demo Course: 2 weeks, 3 homework. Nothing is published yet.',
    );
    expect(status).toHaveTextContent('The content check has no warnings.');
    const sent = fetch.mock.calls[0]![0];
    expect([sent.method, new URL(sent.url).pathname]).toEqual(['POST', '/api/courses/demo/content/check']);
    expect(onChanged).not.toHaveBeenCalled();
  });

  it('offers nothing to publish until there is a page', () => {
    render(ContentPanel, { slug: 'demo', version: 'beef', onChanged: () => undefined, checkOnOpen: false });
    expect(screen.getByRole('button', { name: 'Publish the course' })).toBeDisabled();
    expect(screen.getByRole('button', { name: 'Check the page' })).toBeDisabled();
  });

  it('opens with the published page checked, its warnings in view', async () => {
    const fetch = vi.fn(async (request: Request) =>
      request.method === 'GET'
        ? text(PAGE, 'text/markdown', '"cafe-md"')
        : json({
            slug: 'demo',
            title: 'Demo Course',
            description: null,
            version: 'cafe',
            weeks: 1,
            homework: 1,
            warnings: ['demo/agenda.md:5: H16 has no tasks and no approval to wait for'],
          }),
    );
    vi.stubGlobal('fetch', fetch);
    render(ContentPanel, { slug: 'demo', version: 'cafe', onChanged: () => undefined });

    const status = await screen.findByRole('status');
    expect(status).toHaveTextContent('H16 has no tasks');
    expect(screen.getByRole('button', { name: 'Go to line 5' })).toBeInTheDocument();
    expect(screen.getByLabelText('…or edit the page here')).toHaveValue(PAGE);
  });
});
