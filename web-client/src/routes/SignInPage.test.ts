import { render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { json, problem } from '../test/responses';
import { course } from '../test/fixtures';
import SignInPage from './SignInPage.svelte';
import { signOut } from '../lib/session.svelte';

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

  it("says a wrong join code in the student's words beside the code, and one refusal at a time", async () => {
    const wrongCode = {
      title: 'Forbidden',
      status: 403,
      detail: 'That join code does not open this course.',
      errors: [{ field: 'joinCode', message: 'does not match the join code of a run of this course' }],
    };
    const taken = { title: 'Conflict', status: 409, detail: 'The login has an account already.' };
    const answers = [problem(wrongCode), problem(taken)];
    const fetch = vi.fn(async (request: Request) =>
      new URL(request.url).pathname.endsWith('/enrollments')
        ? answers.shift()!
        : json({ password: true, github: false }),
    );
    vi.stubGlobal('fetch', fetch);
    const user = userEvent.setup();
    render(SignInPage, { course });

    await user.type(screen.getByLabelText('Join code from your instructor'), 'WRONG-CODE-1');
    await user.type(screen.getAllByLabelText('GitHub login')[1]!, 'octocat');
    await user.type(screen.getByLabelText('Choose a password'), 'a long enough password');
    await user.click(screen.getByRole('button', { name: 'Join the course' }));

    const code = screen.getByLabelText('Join code from your instructor');
    await vi.waitFor(() => expect(code).toHaveAccessibleDescription(/does not open this course/));
    expect(code).toHaveAttribute('aria-invalid', 'true');
    expect(screen.queryByText(/joinCode does not match/)).not.toBeInTheDocument();
    const request = fetch.mock.calls
      .map((call) => call[0])
      .find((r) => new URL(r.url).pathname === '/api/courses/demo/enrollments');
    expect(await request!.json()).toMatchObject({ login: 'octocat', joinCode: 'WRONG-CODE-1' });

    // The next refusal is about the login: it shows there, and the code's message is gone.
    await user.click(screen.getByRole('button', { name: 'Join the course' }));
    const loginField = screen.getAllByLabelText('GitHub login')[1]!;
    await vi.waitFor(() => expect(loginField).toHaveAccessibleDescription(/has an account already/));
    expect(code).not.toHaveAccessibleDescription(/does not open/);
    expect(code).toHaveAttribute('aria-invalid', 'false');
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
  it('takes a personal invite code typed by hand', async () => {
    const fetch = vi.fn(async (request: Request) =>
      new URL(request.url).pathname.endsWith('/enrollments')
        ? json({ token: 't', expiresAt: '2030-01-01T00:00:00Z', account: { login: 'ada', role: 'STUDENT' } }, 201)
        : json({ password: true, github: false }),
    );
    vi.stubGlobal('fetch', fetch);
    const user = userEvent.setup();
    render(SignInPage, { course });

    await user.click(screen.getByRole('radio', { name: /a personal invite code/ }));
    await user.type(screen.getByLabelText('Your personal invite code'), 'Q7RT3KX9MP2W');
    await user.type(screen.getAllByLabelText('GitHub login')[1]!, 'ada');
    await user.type(screen.getByLabelText('Choose a password'), 'a long enough password');
    await user.click(screen.getByRole('button', { name: 'Join the course' }));

    await vi.waitFor(() =>
      expect(fetch.mock.calls.some((c) => new URL(c[0].url).pathname.endsWith('/enrollments'))).toBe(true),
    );
    const request = fetch.mock.calls.map((c) => c[0]).find((r) => new URL(r.url).pathname.endsWith('/enrollments'))!;
    expect(await request.json()).toMatchObject({ login: 'ada', inviteCode: 'Q7RT3KX9MP2W', joinCode: null });
    await signOut();
  });
});
