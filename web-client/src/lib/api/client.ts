// The one hand-written door to the API: it owns the base URL and turns problem responses and
// network failures into messages people can read. Everything else uses the generated types.
import createClient from 'openapi-fetch';
import type { components, paths } from './schema';

export type Course = components['schemas']['Course'];
export type Week = components['schemas']['Week'];
export type Homework = components['schemas']['Homework'];
export type Task = components['schemas']['Task'];
export type Point = components['schemas']['Point'];
export type Link = components['schemas']['Link'];
export type Problem = components['schemas']['Problem'];
export type Account = components['schemas']['Account'];
export type Session = components['schemas']['Session'];
export type Checklist = components['schemas']['Checklist'];
export type ChecklistItem = components['schemas']['ChecklistItem'];
export type HomeworkProgress = components['schemas']['HomeworkProgress'];
export type CohortRow = components['schemas']['CohortRow'];
export type RosterResult = components['schemas']['RosterResult'];
export type ReviewRequest = components['schemas']['ReviewRequest'];
export type HomeworkStatus = HomeworkProgress['status'];
export type TickSource = components['schemas']['TickSource'];
export type CourseRun = components['schemas']['CourseRun'];
export type RunRequest = components['schemas']['RunRequest'];
export type PublishedUpload = components['schemas']['PublishedUpload'];
export type GradebookFormat = 'canvas' | 'moodle';

/** A failed call: `status` is 0 when the server could not be reached at all. */
export class ApiError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly problem?: Problem,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

function baseUrl(): string {
  const configured = globalThis.window?.SYLLABUS_CONFIG?.apiUrl ?? '';
  return (configured || globalThis.location?.origin || '').replace(/\/$/, '');
}

// The signed-in session's token, kept here so every call carries it. Set by lib/session.
let bearer: string | undefined;
let onUnauthorized: (() => void) | undefined;

export function useToken(token: string | undefined, unauthorized?: () => void) {
  bearer = token;
  onUnauthorized = unauthorized;
}

export function client() {
  // fetch is looked up on every call so tests can stub it.
  const api = createClient<paths>({ baseUrl: baseUrl(), fetch: (request) => globalThis.fetch(request) });
  api.use({
    onRequest({ request }) {
      if (bearer) request.headers.set('Authorization', `Bearer ${bearer}`);
      return request;
    },
    onResponse({ response }) {
      if (response.status === 401 && bearer) onUnauthorized?.();
      return response;
    },
  });
  return api;
}

function isProblem(value: unknown): value is Problem {
  return typeof value === 'object' && value !== null && 'status' in value && 'title' in value;
}

/** Turns an openapi-fetch result into its data and response, or throws an ApiError with a readable message. */
export async function answer<T>(
  request: () => Promise<{ data?: T; error?: unknown; response: Response }>,
): Promise<{ data: T; response: Response }> {
  let result: { data?: T; error?: unknown; response: Response };
  try {
    result = await request();
  } catch {
    throw new ApiError('Cannot reach the server. Check your connection and try again.', 0);
  }
  if (result.data !== undefined) {
    return { data: result.data, response: result.response };
  }
  const { error, response } = result;
  if (isProblem(error)) {
    const fields = (error.errors ?? []).map((e) => `${e.field} ${e.message}`).join('; ');
    throw new ApiError(fields || error.detail || error.title, response.status, error);
  }
  throw new ApiError(`The server answered ${response.status} ${response.statusText}.`.trim(), response.status);
}

/** The data of an openapi-fetch call, or an ApiError: every call goes through here or {@link answer}. */
export async function call<T>(request: () => Promise<{ data?: T; error?: unknown; response: Response }>): Promise<T> {
  return (await answer(request)).data;
}

export const json = { headers: { Accept: 'application/json' } };
// The curriculum may be cached for a minute (Cache-Control); a page asks whether its copy is still
// current (a cheap 304 when it is), so a course published a moment ago shows at once.
export const current = { cache: 'no-cache' as const };

/** A text body (CSV, Markdown) sent as it is, under its media type, instead of as JSON. */
export function sentAs(type: string) {
  return { bodySerializer: (body: unknown) => String(body), headers: { 'Content-Type': type } };
}

export async function getAgenda(slug?: string): Promise<Course> {
  const api = client();
  const agenda = await call(() =>
    slug
      ? api.GET('/api/courses/{slug}/agenda', { params: { path: { slug } }, ...json, ...current })
      : api.GET('/api/agenda', { ...json, ...current }),
  );
  // The agenda also comes as Markdown; asking for JSON, anything else is a broken server.
  if (typeof agenda !== 'object') {
    throw new ApiError('The server sent the agenda in an unexpected format.', 200);
  }
  return agenda;
}

// ---------------------------------------------------------------- accounts and the checklist

export type Providers = components['schemas']['Providers'];

export function getProviders(): Promise<Providers> {
  return call(() => client().GET('/api/auth/providers', {}));
}

export function getMe(): Promise<Account> {
  return call(() => client().GET('/api/auth/me', {}));
}

/**
 * Where the browser goes to sign in with GitHub; it comes back to `redirect` with its token and
 * `nonce` in the fragment.
 */
export function githubSignInUrl(redirect: string, nonce: string): string {
  return `${baseUrl()}/api/auth/github/login?redirect=${encodeURIComponent(redirect)}&nonce=${encodeURIComponent(nonce)}`;
}

/** Starts linking the signed-in account to GitHub: where to send the browser (the API set the binding cookie). */
export async function startGithubLink(redirect: string, nonce: string): Promise<string> {
  const answer = await call(() => client().POST('/api/auth/github/link', { params: { query: { redirect, nonce } } }));
  return answer.location;
}

export function login(loginName: string, password: string): Promise<Session> {
  return call(() => client().POST('/api/auth/login', { body: { login: loginName, password } }));
}

export async function logout(): Promise<void> {
  await call(() => client().POST('/api/auth/logout', {})).catch(() => undefined);
}

export function joinCourse(
  slug: string,
  request: {
    login?: string | null;
    password?: string | null;
    joinCode?: string | null;
    inviteCode?: string | null;
    name?: string | null;
    email?: string | null;
  },
): Promise<Session> {
  return call(() =>
    client().POST('/api/courses/{slug}/enrollments', {
      params: { path: { slug } },
      body: { login: null, password: null, name: null, email: null, joinCode: null, inviteCode: null, ...request },
    }),
  );
}

export function courseCalendarUrl(slug: string): string {
  return `${baseUrl()}/api/courses/${encodeURIComponent(slug)}/runs/current/calendar.ics`;
}

export type RosterConflict = components['schemas']['RosterConflict'];
export type RepositoryOwner = components['schemas']['RepositoryOwner'];
export type RosterInvite = components['schemas']['RosterInvite'];
