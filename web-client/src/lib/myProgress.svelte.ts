// A signed-in student's own homework statuses, for the agenda's and the homework pages' cards. The
// checklist call is loaded on demand: a reader who is not a student never downloads it.
import type { HomeworkProgress } from './api/client';
import { session } from './session.svelte';

class MyProgress {
  byCode = $state<Record<string, HomeworkProgress>>({});
  #loadedFor: string | null = null;

  /** Loads the statuses once per signed-in student (again after `refresh`); forgets them on sign-out. */
  async ensure(slug: string, refresh = false) {
    const who = session.current?.account.role === 'STUDENT' ? session.current.account.login : null;
    if (!who) {
      this.byCode = {};
      this.#loadedFor = null;
      return;
    }
    if (this.#loadedFor === who && !refresh) return;
    this.#loadedFor = who;
    try {
      const { getChecklist } = await import('./api/progress');
      const checklist = await getChecklist(slug);
      this.byCode = Object.fromEntries(checklist.homework.map((h) => [h.code, h]));
    } catch {
      // The statuses are a courtesy on public pages: without them the pages still read right.
      this.#loadedFor = null;
    }
  }
}

export const myProgress = new MyProgress();
