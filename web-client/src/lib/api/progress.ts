// What a signed-in student or instructor does: checklists, the cohort, runs, rosters and invites,
// content and reviews. Apart from ./client so that a reader of the agenda never downloads it.
import {
  answer,
  call,
  client,
  current,
  json,
  sentAs,
  ApiError,
  type Checklist,
  type ChecklistItem,
  type CohortRow,
  type CourseRun,
  type GradebookFormat,
  type HomeworkProgress,
  type HomeworkStatus,
  type PublishedUpload,
  type RepositoryOwner,
  type ReviewRequest,
  type RosterInvite,
  type RosterResult,
  type RunRequest,
  type TickSource,
} from './client';
import type { components } from './schema';

export function getChecklist(slug: string): Promise<Checklist> {
  return call(() => client().GET('/api/courses/{slug}/checklist', { params: { path: { slug } } }));
}

export function getStudentChecklist(slug: string, loginName: string): Promise<Checklist> {
  return call(() =>
    client().GET('/api/courses/{slug}/students/{login}/checklist', { params: { path: { slug, login: loginName } } }),
  );
}

/**
 * Marks an item done (with optional evidence) or not done; `version` guards against overwriting a
 * newer change. With `student`, an instructor marks that student's item.
 */
export function setItemDone(
  slug: string,
  itemId: string,
  done: boolean,
  version: number,
  evidence?: string,
  student?: string,
  note?: string,
): Promise<ChecklistItem> {
  const [group = '', item = ''] = itemId.split('/');
  const header = { 'If-Match': `"v${version}"` };
  const body = { evidence: evidence || null, note: note?.trim() || null };
  if (student) {
    const address = '/api/courses/{slug}/students/{login}/checklist/{group}/{item}/done' as const;
    const path = { slug, login: student, group, item };
    return done
      ? call(() => client().PUT(address, { params: { path, header }, body }))
      : call(() =>
          client().DELETE(address, { params: { path, header, query: note?.trim() ? { note: note.trim() } : {} } }),
        );
  }
  const params = { path: { slug, group, item }, header };
  const address = '/api/courses/{slug}/checklist/{group}/{item}/done' as const;
  return done ? call(() => client().PUT(address, { params, body })) : call(() => client().DELETE(address, { params }));
}

export interface CohortFilters {
  week?: number;
  status?: HomeworkStatus;
  source?: TickSource;
  late?: boolean;
}

/** A run's cohort (`current`: the current run's), one page of it. */
export async function getCohort(
  slug: string,
  filters: CohortFilters & { page?: number; size?: number },
  run = 'current',
): Promise<{ rows: CohortRow[]; total: number }> {
  const { data: rows, response } = await answer(() =>
    client().GET('/api/courses/{slug}/runs/{run}/cohort', {
      params: { path: { slug, run }, query: { ...filters } },
      headers: { Accept: 'application/json' },
    }),
  );
  if (typeof rows !== 'object') throw new ApiError('The server sent the cohort in an unexpected format.', 200);
  return { rows, total: Number(response.headers.get('X-Total-Count') ?? rows.length) };
}

/** The filtered cohort as CSV text, for a download. */
export async function getCohortCsv(slug: string, filters: CohortFilters, run = 'current'): Promise<string> {
  const csv = await call(() =>
    client().GET('/api/courses/{slug}/runs/{run}/cohort', {
      params: { path: { slug, run }, query: { ...filters } },
      headers: { Accept: 'text/csv' },
      parseAs: 'text',
    }),
  );
  return String(csv);
}

/** A run's grades (`current`: the current run's) in the layout Canvas or Moodle imports, as CSV text. */
export async function getGradebook(slug: string, format: GradebookFormat, run = 'current'): Promise<string> {
  const csv = await call(() =>
    client().GET('/api/courses/{slug}/runs/{run}/gradebook', {
      params: { path: { slug, run }, query: { format } },
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

/** The rostered students who have not joined yet, and whether each has an invite in force. */
export function listInvites(slug: string): Promise<RosterInvite[]> {
  return call(() => client().GET('/api/courses/{slug}/roster/invites', { params: { path: { slug } } }));
}

/**
 * New invite codes, shown once: for every rostered student who has not joined, or for `login` alone.
 * Earlier codes of those students stop working.
 */
export async function issueInvites(slug: string, login?: string): Promise<RosterInvite[]> {
  const invites = await call(() =>
    client().POST('/api/courses/{slug}/roster/invites', {
      params: { path: { slug }, query: login ? { login } : {} },
      parseAs: 'json',
      ...json,
    }),
  );
  return invites as unknown as RosterInvite[];
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

export type HomeworkSummary = components['schemas']['HomeworkSummary'];

/** How a run's students stand on each graded homework (the current run's without `run`). */
export function getCohortSummary(slug: string, run?: string, week?: number): Promise<HomeworkSummary[]> {
  return call(() =>
    client().GET('/api/courses/{slug}/cohort/summary', { params: { path: { slug }, query: { run, week } } }),
  );
}

export type HistoryEntry = components['schemas']['HistoryEntry'];

/** The latest changes of one student's checklist and reviews, newest first (instructors). */
export function getHistory(slug: string, student: string, size = 10): Promise<HistoryEntry[]> {
  return call(() =>
    client().GET('/api/courses/{slug}/history', { params: { path: { slug }, query: { student, size } } }),
  );
}
