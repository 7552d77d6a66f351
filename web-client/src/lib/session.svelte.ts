// Who is signed in: the session (token, expiry, account) survives a reload in localStorage and is
// handed to the API client, which sends the token and reports when the server no longer takes it.
import { getMe, joinCourse, login, logout, useToken, type Session } from './api/client';

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

function apply(value: Session | null) {
  session.current = value;
  if (value) globalThis.localStorage?.setItem(KEY, JSON.stringify(value));
  else globalThis.localStorage?.removeItem(KEY);
  useToken(value?.token, () => apply(null));
}

apply(stored());

/** Sessions last 12 hours; a GitHub sign-in's answer carries no expiry, so the client assumes that much. */
const SESSION_HOURS = 12;

/**
 * Back from signing in with GitHub: the API put the token in this page's URL fragment, which no
 * server ever sees. Take it, drop it from the address bar and history, and sign in with it.
 */
export async function acceptTokenFromFragment(): Promise<boolean> {
  const match = /^#token=([A-Za-z0-9_-]+)$/.exec(globalThis.location?.hash ?? '');
  const token = match?.[1];
  if (!token) return false;
  globalThis.history?.replaceState(null, '', globalThis.location.pathname + globalThis.location.search);
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
