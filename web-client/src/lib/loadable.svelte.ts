import { messageOf } from './submission.svelte';

/**
 * One way for a page to load something from the API: the latest value, whether a load is running,
 * and the last error's message. A reload keeps showing the old value, and only the latest of
 * overlapping loads is kept, so a slow answer never overwrites a newer one.
 */
export class Loadable<T> {
  value = $state<T | undefined>(undefined);
  loading = $state(false);
  error = $state<string | null>(null);
  #load: () => Promise<T>;
  #latest = 0;

  constructor(load: () => Promise<T>) {
    this.#load = load;
  }

  reload = async (): Promise<void> => {
    const call = ++this.#latest;
    this.loading = true;
    try {
      const value = await this.#load();
      if (call === this.#latest) {
        this.value = value;
        this.error = null;
      }
    } catch (error) {
      if (call === this.#latest) this.error = messageOf(error);
    } finally {
      if (call === this.#latest) this.loading = false;
    }
  };
}
