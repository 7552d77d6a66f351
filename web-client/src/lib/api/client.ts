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

function client() {
  // fetch is looked up on every call so tests can stub it.
  return createClient<paths>({ baseUrl: baseUrl(), fetch: (request) => globalThis.fetch(request) });
}

function isProblem(value: unknown): value is Problem {
  return typeof value === 'object' && value !== null && 'status' in value && 'title' in value;
}

/** Turns an openapi-fetch result into its data, or throws an ApiError with a readable message. */
async function call<T>(request: () => Promise<{ data?: T; error?: unknown; response: Response }>): Promise<T> {
  let result: { data?: T; error?: unknown; response: Response };
  try {
    result = await request();
  } catch {
    throw new ApiError('Cannot reach the server. Check your connection and try again.', 0);
  }
  if (result.data !== undefined) {
    return result.data;
  }
  const { error, response } = result;
  if (isProblem(error)) {
    const fields = (error.errors ?? []).map((e) => `${e.field} ${e.message}`).join('; ');
    throw new ApiError(fields || error.detail || error.title, response.status, error);
  }
  throw new ApiError(`The server answered ${response.status} ${response.statusText}.`.trim(), response.status);
}

const json = { headers: { Accept: 'application/json' } };

export async function getAgenda(slug?: string): Promise<Course> {
  const api = client();
  const agenda = await call(() =>
    slug
      ? api.GET('/api/courses/{slug}/agenda', { params: { path: { slug } }, ...json })
      : api.GET('/api/agenda', json),
  );
  // The agenda also comes as Markdown; asking for JSON, anything else is a broken server.
  if (typeof agenda !== 'object') {
    throw new ApiError('The server sent the agenda in an unexpected format.', 200);
  }
  return agenda;
}
