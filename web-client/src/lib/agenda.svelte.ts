// The course agenda, fetched once and shared by every page: deep links to a week or a homework
// need the same document, and navigating between pages then costs no request.
import { ApiError, getAgenda, type Course } from './api/client';

type AgendaState = { status: 'loading' } | { status: 'ready'; course: Course } | { status: 'error'; message: string };

export const agenda = $state<{ current: AgendaState }>({ current: { status: 'loading' } });

let inFlight: Promise<void> | undefined;

export function loadAgenda(force = false): Promise<void> {
  if (inFlight && !force) return inFlight;
  agenda.current = { status: 'loading' };
  inFlight = getAgenda()
    .then((course) => {
      agenda.current = { status: 'ready', course };
    })
    .catch((error: unknown) => {
      agenda.current = {
        status: 'error',
        message: error instanceof ApiError ? error.message : 'Something went wrong while loading the agenda.',
      };
    });
  return inFlight;
}
