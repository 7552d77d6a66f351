import { describe, expect, it } from 'vitest';
import { dueSoon, formatDue, formatSpan, isOverdue, relative } from './dates';

const now = new Date('2026-09-16T12:00:00Z');

describe('dates', () => {
  it('shows a due time in the run’s time zone, whatever the browser’s', () => {
    expect(formatDue('2026-09-20T23:59:00+03:00', 'Europe/Kyiv')).toBe(
      'Sun 20 Sept, 23:59'.replace('Sept', formatMonth()),
    );
    expect(formatDue('2026-09-20T23:59:00+03:00', 'UTC')).toContain('20:59');
  });

  it('writes a week as a span of days', () => {
    expect(formatSpan('2026-09-07', '2026-09-13')).toMatch(/^7–13 Sep/);
    expect(formatSpan('2026-09-28', '2026-10-04')).toMatch(/^28 Sep.* – 4 Oct/);
  });

  it('puts overdue and this week’s unfinished homework first, soonest first, and leaves passed and later work out', () => {
    const homework = [
      { code: 'H3', status: 'IN_PROGRESS', due: '2026-09-20T23:59:00Z' },
      { code: 'H1', status: 'NOT_STARTED', due: '2026-09-13T23:59:00Z' },
      { code: 'H2', status: 'PASSED', due: '2026-09-14T23:59:00Z' },
      { code: 'H4', status: 'NOT_STARTED', due: '2026-10-20T23:59:00Z' },
      { code: 'H5', status: 'NOT_STARTED', due: null },
    ];
    expect(dueSoon(homework, now).map((h) => h.code)).toEqual(['H1', 'H3']);
    expect(isOverdue(homework[1]!, now)).toBe(true);
    expect(isOverdue(homework[0]!, now)).toBe(false);
    expect(isOverdue(homework[2]!, now)).toBe(false);
  });

  it('says how far away a deadline is', () => {
    expect(relative('2026-09-20T12:00:00Z', now)).toBe('in 4 days');
    expect(relative('2026-09-16T17:00:00Z', now)).toBe('in 5 hours');
    expect(relative('2026-09-14T12:00:00Z', now)).toBe('2 days ago');
  });
});

/** Node's ICU writes September as "Sep" or "Sept" depending on its version. */
function formatMonth(): string {
  return new Intl.DateTimeFormat('en-GB', { month: 'short', timeZone: 'UTC' }).format(new Date('2026-09-01T00:00:00Z'));
}
