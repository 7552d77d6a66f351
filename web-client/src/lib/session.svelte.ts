// Who is signed in: the session (token, expiry, account) survives a reload in localStorage and is
// handed to the API client, which sends the token and reports when the server no longer takes it.
import {
  getMe,
  githubSignInUrl,
  joinCourse,
  login,
  logout,
  startGithubLink,
  useToken,
  type Session,
} from './api/client';

const KEY = 'syllabus.session';

function stored(): Session | null {
  try {
    const value = JSON.parse(globalThis.localStorage?.getItem(KEY) ?? 'null') as Session | null;
    return value && new Date(value.expiresAt) > new Date() ? value : null;
  } catch {
    return null;
  }
}

export const session = $state<{ current: Session | null }>({ current: null });

/** Why the last sign-in with GitHub was refused, as the API said it, for the sign-in page to show. */
export const githubRefusal = $state<{ message: string | null }>({ message: null });

function apply(value: Session | null) {
  session.current = value;
  if (value) globalThis.localStorage?.setItem(KEY, JSON.stringify(value));
  else globalThis.localStorage?.removeItem(KEY);
  useToken(value?.token, () => apply(null));
}

apply(stored());

/** Sessions last 12 hours; a GitHub sign-in's answer carries no expiry, so the client assumes that much. */
const SESSION_HOURS = 12;

const NONCE_KEY = 'syllabus.github.nonce';

/** A fresh value this tab keeps while it is away at GitHub; only an answer carrying it back is taken. */
function newNonce(): string {
  const bytes = new Uint8Array(24);
  globalThis.crypto.getRandomValues(bytes);
  const nonce = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
  globalThis.sessionStorage?.setItem(NONCE_KEY, nonce);
  return nonce;
}

/** Where to go to sign in with GitHub, for a sign-in this tab starts now. */
export function githubSignIn(redirect: string): string {
  return githubSignInUrl(redirect, newNonce());
}

/** Links the signed-in account to GitHub: off to GitHub, back to `redirect`. */
export async function linkGithub(redirect: string): Promise<void> {
  const location = await startGithubLink(redirect, newNonce());
  globalThis.location.assign(location);
}

/**
 * Back from GitHub: the API put the token (or, after a link, `linked=github`) and this tab's nonce
 * in the URL fragment, which no server ever sees. The fragment is always dropped from the address
 * bar and history; it is taken only when it carries the nonce of a sign-in this tab started, so a
 * link someone else made cannot replace the current session.
 */
export async function acceptTokenFromFragment(): Promise<boolean> {
  const hash = globalThis.location?.hash ?? '';
  // eslint-disable-next-line svelte/prefer-svelte-reactivity -- read once, never changed
  const fields = new URLSearchParams(hash.startsWith('#') ? hash.slice(1) : '');
  const token = fields.get('token');
  const linked = fields.get('linked');
  const refused = fields.get('github-error');
  if (refused) {
    // GitHub sign-in was refused: the API sent the browser to the sign-in page with the reason.
    globalThis.history?.replaceState(null, '', globalThis.location.pathname + globalThis.location.search);
    githubRefusal.message = refused.slice(0, 500);
    return false;
  }
  if (!token && !linked) return false;
  globalThis.history?.replaceState(null, '', globalThis.location.pathname + globalThis.location.search);
  const expected = globalThis.sessionStorage?.getItem(NONCE_KEY);
  globalThis.sessionStorage?.removeItem(NONCE_KEY);
  if (!expected || fields.get('nonce') !== expected) return false;
  if (linked) {
    if (!session.current) return false;
    apply({ ...session.current, account: await getMe() });
    return true;
  }
  if (!token || !/^[A-Za-z0-9_-]+$/.test(token)) return false;
  useToken(token, () => apply(null));
  const account = await getMe();
  // eslint-disable-next-line svelte/prefer-svelte-reactivity -- a timestamp turned into text at once, never changed
  apply({ token, expiresAt: new Date(Date.now() + SESSION_HOURS * 3_600_000).toISOString(), account });
  return true;
}

export async function signIn(loginName: string, password: string) {
  apply(await login(loginName, password));
}

export async function join(slug: string, request: Parameters<typeof joinCourse>[1]) {
  apply(await joinCourse(slug, request));
}

export async function signOut() {
  await logout();
  apply(null);
}
