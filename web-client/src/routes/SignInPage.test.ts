import { render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { json, problem } from '../test/responses';
import { course } from '../test/fixtures';
import SignInPage from './SignInPage.svelte';

describe('SignInPage', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('flags a login that is not a GitHub login and a short password while they are typed', async () => {
    const user = userEvent.setup();
    render(SignInPage, { course });

    await user.type(screen.getAllByLabelText('GitHub login')[1]!, '-not-valid-');
    await user.type(screen.getByLabelText('Choose a password'), 'short');

    expect(screen.getByText('That is not a GitHub login.')).toBeInTheDocument();
    expect(screen.getByText('At least 10 characters.')).toBeInTheDocument();
  });

  it("shows the API's message when the join code is wrong", async () => {
    const refusal = {
      title: 'Forbidden',
      status: 403,
      detail: 'That join code does not open this course.',
      errors: [{ field: 'joinCode', message: "does not match the course's join code" }],
    };
    const fetch = vi.fn(async (_request: Request) => problem(refusal));
    vi.stubGlobal('fetch', fetch);
    const user = userEvent.setup();
    render(SignInPage, { course });

    await user.type(screen.getByLabelText('Join code from your instructor'), 'WRONG');
    await user.type(screen.getAllByLabelText('GitHub login')[1]!, 'octocat');
    await user.type(screen.getByLabelText('Choose a password'), 'a long enough password');
    await user.click(screen.getByRole('button', { name: 'Join the course' }));

    expect(await screen.findByRole('alert')).toHaveTextContent("joinCode does not match the course's join code");
    const request = fetch.mock.calls
      .map((call) => call[0])
      .find((r) => new URL(r.url).pathname === '/api/courses/demo/enrollments');
    expect(request).toBeDefined();
    expect(await request!.json()).toMatchObject({ login: 'octocat', joinCode: 'WRONG' });
  });

  it('where only GitHub signs students in, the join form asks for no password and sends nothing', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => json({ password: false, github: true })),
    );
    render(SignInPage, { course });

    expect(await screen.findByText(/sign in with GitHub first, then join with the code/)).toBeInTheDocument();
    expect(screen.queryByLabelText('Choose a password')).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Join the course' })).toBeDisabled();
  });

  it('offers sign-in with GitHub only where the API has it set up', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => json({ password: true, github: true })),
    );
    render(SignInPage, { course });
    const link = await screen.findByRole('link', { name: 'Sign in with GitHub' });
    expect(new URL(link.getAttribute('href')!, 'http://localhost').pathname).toBe('/api/auth/github/login');

    vi.stubGlobal(
      'fetch',
      vi.fn(async () => json({ password: true, github: false })),
    );
    render(SignInPage, { course });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(screen.getAllByRole('link', { name: 'Sign in with GitHub' })).toHaveLength(1);
  });
});
