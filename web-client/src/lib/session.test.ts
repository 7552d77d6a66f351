import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { json } from '../test/responses';

// The session is a module-wide singleton: each test starts from fresh modules and storage.
async function freshSession() {
  return import('./session.svelte');
}

const ME = { login: 'octo', name: null, email: null, role: 'STUDENT', verified: true };
const CURRENT = {
  token: 'current-session-token',
  expiresAt: new Date(Date.now() + 3_600_000).toISOString(),
  account: { ...ME, login: 'someone', verified: false },
};

describe('signing in with GitHub: the token in the fragment', () => {
  beforeEach(() => {
    vi.resetModules();
    localStorage.setItem('syllabus.session', JSON.stringify(CURRENT));
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => json(ME)),
    );
  });

  afterEach(() => {
    vi.unstubAllGlobals();
    localStorage.clear();
    sessionStorage.clear();
    history.replaceState({}, '', '/');
  });

  it('is taken when it carries the nonce of a sign-in this tab started', async () => {
    const { acceptTokenFromFragment, githubSignIn, session } = await freshSession();
    const nonce = new URL(githubSignIn('/checklist')).searchParams.get('nonce')!;
    expect(nonce).toMatch(/^[0-9a-f]{48}$/);
    history.replaceState({}, '', `/checklist#token=new-token&nonce=${nonce}`);

    expect(await acceptTokenFromFragment()).toBe(true);
    expect(session.current?.token).toBe('new-token');
    expect(location.hash).toBe('');
  });

  it('is dropped, keeping the current session, when this tab started no sign-in or another one', async () => {
    const { acceptTokenFromFragment, githubSignIn, session } = await freshSession();
    history.replaceState({}, '', '/checklist#token=attackers-token');
    expect(await acceptTokenFromFragment()).toBe(false);
    expect(location.hash).toBe('');

    githubSignIn('/checklist');
    history.replaceState({}, '', '/checklist#token=attackers-token&nonce=not-this-tabs-nonce');
    expect(await acceptTokenFromFragment()).toBe(false);
    expect(session.current?.token).toBe(CURRENT.token);
    expect(location.hash).toBe('');
    expect(fetch).not.toHaveBeenCalled();
  });

  it('after a link, reads the account again: now proven', async () => {
    const { acceptTokenFromFragment, session } = await freshSession();
    sessionStorage.setItem('syllabus.github.nonce', 'tab-nonce');
    history.replaceState({}, '', '/checklist#linked=github&nonce=tab-nonce');
    expect(await acceptTokenFromFragment()).toBe(true);
    expect(session.current?.token).toBe(CURRENT.token);
    expect(session.current?.account.verified).toBe(true);
  });

  it('takes a refusal the API sent back in the fragment, drops the fragment and keeps the session', async () => {
    history.replaceState({}, '', '/signin#github-error=GitHub+says+access_denied%3A+the+user+refused.');
    const { acceptTokenFromFragment, githubRefusal, session } = await freshSession();

    expect(await acceptTokenFromFragment()).toBe(false);
    expect(githubRefusal.message).toBe('GitHub says access_denied: the user refused.');
    expect(location.hash).toBe('');
    expect(session.current?.token).toBe('current-session-token');
  });
});
