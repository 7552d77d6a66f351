import type { Checklist } from '../lib/api/client';

export const checklist: Checklist = {
  course: 'demo',
  student: 'octocat',
  verified: false,
  completion: { done: 1, total: 3, percent: 33 },
  weeks: [{ number: 1, title: 'Introduction', requiredItems: 2, doneItems: 0 }],
  homework: [
    { code: 'H2', title: 'Infrastructure', week: 1, status: 'NOT_STARTED', requiredPrs: 1, donePrs: 0, requiredItems: 2, doneItems: 0, review: null,
      due: '2026-09-20T23:59:00+03:00', extended: false, passedAt: null, late: false },
  ],
  items: [
    { id: 'setup/setup-github-repo', kind: 'SETUP', title: 'Setup GitHub repo', homework: null, week: null, optional: false, done: true,
      evidence: 'https://github.com/octocat/course', updatedAt: '2026-11-26T08:00:00Z', version: 1, source: 'STUDENT', pullRequest: null,
      completedAt: '2026-11-26T08:00:00Z' },
    { id: 'H2/PR1', kind: 'PR', title: 'Dockerfile for a dummy server', homework: 'H2', week: 1, optional: false, done: false,
      evidence: null, updatedAt: null, version: 0, source: null,
      pullRequest: { number: 7, url: 'https://github.com/octocat/course/pull/7', state: 'OPEN', checks: 'PASSING', review: 'APPROVED' }, completedAt: null },
    { id: 'H2/OTHER', kind: 'OTHER', title: 'Install k9s', homework: 'H2', week: 1, optional: false, done: false,
      evidence: null, updatedAt: null, version: 0, source: null, pullRequest: null, completedAt: null },
  ],
  run: { name: 'autumn', title: 'Autumn 2026', start: '2026-09-07', timeZone: 'Europe/Kyiv' },
  calendarUrl: 'http://localhost:5173/api/calendars/0123456789abcdef0123456789abcdef01234567.ics',
};
