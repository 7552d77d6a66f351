// Answers as the API sends them, for tests that stub fetch.
import type { Problem } from '../lib/api/client';

export function json(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
}

export function text(body: string, type: string, etag?: string): Response {
  return new Response(body, { headers: { 'Content-Type': type, ...(etag ? { ETag: etag } : {}) } });
}

/** An RFC 9457 problem, as the API's one problem mapper writes it. */
export function problem(details: Omit<Problem, 'type'>): Response {
  return new Response(JSON.stringify({ type: 'about:blank', ...details }), {
    status: details.status,
    headers: { 'Content-Type': 'application/problem+json' },
  });
}
