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

function client() {
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
async function answer<T>(
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
async function call<T>(request: () => Promise<{ data?: T; error?: unknown; response: Response }>): Promise<T> {
  return (await answer(request)).data;
}

const json = { headers: { Accept: 'application/json' } };
// The curriculum may be cached for a minute (Cache-Control); a page asks whether its copy is still
// current (a cheap 304 when it is), so a course published a moment ago shows at once.
const current = { cache: 'no-cache' as const };

/** A text body (CSV, Markdown) sent as it is, under its media type, instead of as JSON. */
function sentAs(type: string) {
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

export function getChecklist(slug: string): Promise<Checklist> {
  return call(() => client().GET('/api/courses/{slug}/checklist', { params: { path: { slug } } }));
}

export function getStudentChecklist(slug: string, loginName: string): Promise<Checklist> {
  return call(() =>
    client().GET('/api/courses/{slug}/students/{login}/checklist', { params: { path: { slug, login: loginName } } }),
  );
}

/** Marks an item done (with optional evidence) or not done; `version` guards against overwriting a newer change. */
export function setItemDone(
  slug: string,
  itemId: string,
  done: boolean,
  version: number,
  evidence?: string,
): Promise<ChecklistItem> {
  const [group = '', item = ''] = itemId.split('/');
  const params = { path: { slug, group, item }, header: { 'If-Match': `"v${version}"` } };
  return done
    ? call(() =>
        client().PUT('/api/courses/{slug}/checklist/{group}/{item}/done', {
          params,
          body: { evidence: evidence || null },
        }),
      )
    : call(() => client().DELETE('/api/courses/{slug}/checklist/{group}/{item}/done', { params }));
}

export interface CohortFilters {
  week?: number;
  status?: HomeworkStatus;
  source?: TickSource;
  late?: boolean;
}

/** A run's cohort (the current run's without `run`), one page of it. */
export async function getCohort(
  slug: string,
  filters: CohortFilters & { page?: number; size?: number },
  run?: string,
): Promise<{ rows: CohortRow[]; total: number }> {
  const api = client();
  const query = { ...filters };
  const headers = { Accept: 'application/json' };
  const { data: rows, response } = await answer(() =>
    run
      ? api.GET('/api/courses/{slug}/runs/{run}/cohort', { params: { path: { slug, run }, query }, headers })
      : api.GET('/api/courses/{slug}/cohort', { params: { path: { slug }, query }, headers }),
  );
  if (typeof rows !== 'object') throw new ApiError('The server sent the cohort in an unexpected format.', 200);
  return { rows, total: Number(response.headers.get('X-Total-Count') ?? rows.length) };
}

/** The filtered cohort as CSV text, for a download. */
export async function getCohortCsv(slug: string, filters: CohortFilters, run?: string): Promise<string> {
  const query = { ...filters };
  const csv = await call(() =>
    run
      ? client().GET('/api/courses/{slug}/runs/{run}/cohort', {
          params: { path: { slug, run }, query },
          headers: { Accept: 'text/csv' },
          parseAs: 'text',
        })
      : client().GET('/api/courses/{slug}/cohort', {
          params: { path: { slug }, query },
          headers: { Accept: 'text/csv' },
          parseAs: 'text',
        }),
  );
  return String(csv);
}

/** A run's grades (the current run's without `run`) in the layout Canvas or Moodle imports, as CSV text. */
export async function getGradebook(slug: string, format: GradebookFormat, run?: string): Promise<string> {
  const csv = await call(() =>
    run
      ? client().GET('/api/courses/{slug}/runs/{run}/gradebook', {
          params: { path: { slug, run }, query: { format } },
          parseAs: 'text',
        })
      : client().GET('/api/courses/{slug}/gradebook', {
          params: { path: { slug }, query: { format } },
          parseAs: 'text',
        }),
  );
  return String(csv);
}

export function listRuns(slug: string): Promise<CourseRun[]> {
  return call(() => client().GET('/api/courses/{slug}/runs', { params: { path: { slug } } }));
}

/** Creates the run `name`, or changes it; dates derived from it move with it. */
export function saveRun(slug: string, name: string, run: RunRequest): Promise<CourseRun> {
  return call(() =>
    client().PUT('/api/courses/{slug}/runs/{run}', { params: { path: { slug, run: name } }, body: run }),
  );
}

/** The public calendar of the course's current run, for calendar apps. */
export function courseCalendarUrl(slug: string): string {
  return `${baseUrl()}/api/courses/${encodeURIComponent(slug)}/calendar.ics`;
}

/** A new address for my private calendar feed; the old one stops working. */
export function renewCalendarUrl(slug: string): Promise<{ calendarUrl: string }> {
  return call(() => client().POST('/api/courses/{slug}/checklist/calendar-url', { params: { path: { slug } } }));
}

/** Moves one student's deadline (`due` null: back to the run's date). */
export function extendDeadline(
  slug: string,
  loginName: string,
  code: string,
  due: string | null,
): Promise<HomeworkProgress> {
  const params = { path: { slug, login: loginName, code } };
  return due
    ? call(() =>
        client().PUT('/api/courses/{slug}/students/{login}/homework/{code}/extension', { params, body: { due } }),
      )
    : call(() => client().DELETE('/api/courses/{slug}/students/{login}/homework/{code}/extension', { params }));
}

export function getJoinCode(slug: string): Promise<{ code?: string | null }> {
  return call(() => client().GET('/api/courses/{slug}/join-code', { params: { path: { slug } } }));
}

export function setJoinCode(slug: string, code: string | null): Promise<{ code?: string | null }> {
  return call(() => client().PUT('/api/courses/{slug}/join-code', { params: { path: { slug } }, body: { code } }));
}

export function uploadRoster(slug: string, csv: string): Promise<RosterResult> {
  return call(() =>
    client().POST('/api/courses/{slug}/roster', {
      params: { path: { slug } },
      body: csv,
      ...sentAs('text/csv'),
    }),
  );
}

export type RosterConflict = components['schemas']['RosterConflict'];
export type RepositoryOwner = components['schemas']['RepositoryOwner'];

/** An instructor confirms or rejects a student's registered repository as theirs. */
export function decideRepositoryOwner(
  slug: string,
  login: string,
  decision: 'CONFIRMED' | 'REJECTED',
): Promise<RepositoryOwner> {
  return call(() =>
    client().PUT('/api/courses/{slug}/students/{login}/repository/owner', {
      params: { path: { slug, login } },
      body: { decision },
    }),
  );
}

/** The instructor's choice for a self-joined account the roster names: keep it, or reset it to an invite. */
export function resolveRosterConflict(slug: string, login: string, choice: 'KEEP' | 'RESET') {
  return call(() =>
    client().POST('/api/courses/{slug}/roster/conflicts/{login}', {
      params: { path: { slug, login } },
      body: { choice },
    }),
  );
}

/**
 * The course as one Markdown page in the content conventions: what an instructor edits and publishes
 * back, with its entity tag, which names the course's version that page shows (for `publishContent`).
 */
export async function getCourseMarkdown(slug: string): Promise<{ page: string; etag: string | null }> {
  const { data, response } = await answer(() =>
    client().GET('/api/courses/{slug}/agenda', {
      params: { path: { slug } },
      headers: { Accept: 'text/markdown' },
      parseAs: 'text',
      ...current,
    }),
  );
  return { page: String(data), etag: response.headers.get('ETag') };
}

/** What publishing a Markdown page would give, with the content check's warnings; publishes nothing. */
export function checkContent(slug: string, markdown: string): Promise<PublishedUpload> {
  return call(() =>
    client().POST('/api/courses/{slug}/content/check', {
      params: { path: { slug } },
      body: markdown,
      ...sentAs('text/markdown'),
    }),
  );
}

/**
 * Replaces the course with a Markdown page; the answer lists what the content check warns about.
 * With `basedOn` (an entity tag of the course's version the page was made from: the quoted `version`,
 * or the agenda's ETag), a course someone has published over since is refused with a 412 instead
 * of replaced.
 */
export function publishContent(slug: string, markdown: string, basedOn?: string): Promise<PublishedUpload> {
  return call(() =>
    client().PUT('/api/courses/{slug}/content', {
      params: { path: { slug }, header: basedOn ? { 'If-Match': basedOn } : {} },
      body: markdown,
      ...sentAs('text/markdown'),
    }),
  );
}

export function reviewHomework(slug: string, loginName: string, code: string, review: ReviewRequest) {
  return call(() =>
    client().POST('/api/courses/{slug}/students/{login}/homework/{code}/reviews', {
      params: { path: { slug, login: loginName, code } },
      body: review,
    }),
  );
}

export function registerRepository(slug: string, url: string) {
  return call(() => client().PUT('/api/courses/{slug}/repository', { params: { path: { slug } }, body: { url } }));
}
