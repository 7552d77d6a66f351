// Who is signed in: the session (token, expiry, account) survives a reload in localStorage and is
// handed to the API client, which sends the token and reports when the server no longer takes it.
import { joinCourse, login, logout, useToken, type Session } from './api/client';

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
