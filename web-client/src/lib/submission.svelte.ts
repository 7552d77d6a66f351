/**
 * One way for a form to send something: whether it is sending, what it said when it worked, and the
 * refusal's message to show beside the form. While a send is running, another is ignored, so a
 * double click sends once.
 */
export class Submission {
  busy = $state(false);
  message = $state<string | null>(null);
  problem = $state<string | null>(null);

  /**
   * Sends; on success `said` turns the answer into the message to show (or nothing), on failure the
   * error's message becomes the problem. Answers whether it worked.
   */
  run = async <T>(send: () => Promise<T>, said?: (answer: T) => string | null | void): Promise<boolean> => {
    if (this.busy) return false;
    this.busy = true;
    try {
      const answer = await send();
      this.message = said?.(answer) ?? null;
      this.problem = null;
      return true;
    } catch (error) {
      this.problem = messageOf(error);
      this.message = null;
      return false;
    } finally {
      this.busy = false;
    }
  };
}

/** What an error says: the API module turns every problem into an Error with the problem's words. */
export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
