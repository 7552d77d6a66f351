import type { Course, Homework } from '../lib/api/client';

function homework(
  code: string,
  week: number,
  title: string,
  tasks: Homework['tasks'],
  required: number,
  due: string,
): Homework {
  const listed = tasks.filter((t) => t.kind === 'PR').length;
  return {
    dueRule: null,
    due,
    code,
    week,
    title,
    summary: `${title} summary`,
    tasks,
    reading: [],
    pass: { text: `${required} PRs merged.`, requiredPrs: required, listedPrs: listed, instructorApproval: false },
    graded: tasks.length > 0,
  };
}

export const course: Course = {
  slug: 'demo',
  evidencePolicy: { reviewers: [], checks: [], selfTicks: 'COUNT' },
  title: 'Demo Course',
  description: 'A course for tests.',
  version: 'abc123',
  schedule: {
    due: '+13 days',
    webinarDay: 'SATURDAY',
    webinarTime: '10:00:00',
    webinarMinutes: 90,
    latePenalty: 10,
    firstRunStart: null,
    timeZone: 'Europe/Kyiv',
  },
  run: { name: 'autumn', title: 'Autumn 2026', start: '2026-09-07', timeZone: 'Europe/Kyiv' },
  principles: [{ text: 'Practice first', links: [], details: [] }],
  links: [{ title: 'Landing', url: 'https://example.org/' }],
  tools: [{ name: 'Kind', url: 'https://kind.sigs.k8s.io/' }],
  homeworkRules: [{ title: 'Setup GitHub repo', links: [{ title: 'repo', url: 'http://github.com/' }], details: [] }],
  sections: [],
  weeks: [
    {
      number: 1,
      title: 'Introduction',
      goal: 'Start well.',
      topics: [{ title: 'Docker and Kubernetes', links: [], details: [] }],
      lectures: [{ number: 1, title: 'Why ML systems fail', topics: [] }],
      homework: [
        homework(
          'H1',
          1,
          'Initial design draft',
          [{ id: 'H1/DOC', code: 'DOC', kind: 'DOC', title: 'Write the design doc', optional: false }],
          0,
          '2026-09-13T23:59:00+03:00',
        ),
      ],
      webinar: null,
      sections: [],
      start: '2026-09-07',
      end: '2026-09-13',
    },
    {
      number: 2,
      title: 'Data',
      goal: null,
      topics: [{ title: 'Feature stores', links: [], details: [] }],
      lectures: [],
      homework: [
        homework(
          'H3',
          2,
          'Data storage',
          [
            { id: 'H3/PR1', code: 'PR1', kind: 'PR', title: 'Deploy MinIO', optional: false },
            { id: 'H3/PR2', code: 'PR2', kind: 'PR', title: 'Streaming dataset', optional: true },
          ],
          1,
          '2026-09-27T23:59:00+03:00',
        ),
      ],
      webinar: null,
      sections: [],
      start: '2026-09-14',
      end: '2026-09-20',
    },
  ],
};
