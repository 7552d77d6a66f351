// Dates as people read them: in the course run's time zone (where deadlines are set), not the
// browser's, so "due Sunday 23:59" means the same to every student.

const DAY = 24 * 60 * 60 * 1000;

/** "Sun 13 Sep, 23:59" in `timeZone`. */
export function formatDue(iso: string, timeZone?: string): string {
  return new Intl.DateTimeFormat('en-GB', {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZone,
  }).format(new Date(iso));
}

/** "7–13 Sep" or "28 Sep – 4 Oct" for a week's first and last day (ISO dates). */
export function formatSpan(start: string, end: string): string {
  const day = (iso: string, withMonth: boolean) =>
    new Intl.DateTimeFormat('en-GB', {
      day: 'numeric',
      ...(withMonth ? { month: 'short' } : {}),
      timeZone: 'UTC',
    }).format(new Date(`${iso}T00:00:00Z`));
  const sameMonth = start.slice(0, 7) === end.slice(0, 7);
  return sameMonth ? `${day(start, false)}–${day(end, true)}` : `${day(start, true)} – ${day(end, true)}`;
}

/** "7 Sep 2026" for an ISO date. */
export function formatDate(iso: string): string {
  return new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }).format(
    new Date(`${iso}T00:00:00Z`),
  );
}

/** How far away a due time is, for people: "in 3 days", "in 5 hours", "2 days ago". */
export function relative(iso: string, now: Date = new Date()): string {
  const ms = new Date(iso).getTime() - now.getTime();
  const format = new Intl.RelativeTimeFormat('en', { numeric: 'auto' });
  const hours = Math.round(ms / (60 * 60 * 1000));
  return Math.abs(hours) < 48 ? format.format(hours, 'hour') : format.format(Math.round(ms / DAY), 'day');
}

export interface Dated {
  code: string;
  status: string;
  due?: string | null;
  graded?: boolean;
}

/**
 * What a student should look at first: homework not yet passed that is overdue or due within the
 * next seven days, soonest first.
 */
export function dueSoon<T extends Dated>(homework: T[], now: Date = new Date()): T[] {
  const horizon = now.getTime() + 7 * DAY;
  return homework
    .filter((h) => h.graded !== false && h.due && h.status !== 'PASSED' && new Date(h.due).getTime() <= horizon)
    .sort((a, b) => new Date(a.due!).getTime() - new Date(b.due!).getTime());
}

export function isOverdue(homework: Dated, now: Date = new Date()): boolean {
  return !!homework.due && homework.status !== 'PASSED' && new Date(homework.due).getTime() < now.getTime();
}

/** Whether every deadline of the run is behind `now`: the run has ended. */
export function runEnded(homework: Dated[], now: Date = new Date()): boolean {
  const dues = homework.filter((h) => h.due).map((h) => new Date(h.due!).getTime());
  return dues.length > 0 && Math.max(...dues) < now.getTime();
}

/** Today's date (YYYY-MM-DD) in `timeZone`, as the run's week dates are written. */
export function today(timeZone?: string, now: Date = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}
