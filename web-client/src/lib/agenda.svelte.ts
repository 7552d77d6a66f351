// The course agenda, fetched once and shared by every page: deep links to a week or a homework
// need the same document, and navigating between pages then costs no request.
import { getAgenda } from './api/client';
import { Loadable } from './loadable.svelte';

export const agenda = new Loadable(getAgenda);
