// Filtering the agenda by a search text: a week stays when its title, a topic, a lecture or a
// homework (code, title or task) matches; inside it only the matching topics, lectures and homework
// show, with the tasks that matched, so every card shown has its match in sight (and highlighted).
import type { Course, Homework, Point, Task, Week } from './api/client';

type Lecture = Week['lectures'][number];

const normalise = (text: string) => text.toLocaleLowerCase().normalize('NFKD').replace(/\p{M}/gu, '');

function pointMatches(point: Point, query: string): boolean {
  return normalise(point.title).includes(query) || point.details.some((d) => pointMatches(d, query));
}

export function homeworkMatches(homework: Homework, query: string): boolean {
  return (
    normalise(`${homework.code} ${homework.title} ${homework.summary ?? ''}`).includes(query) ||
    homework.tasks.some((t) => normalise(`${t.code} ${t.title}`).includes(query))
  );
}

export interface WeekMatch {
  week: Week;
  topics: Point[];
  /** Lectures whose title or topics match (none without a search: the agenda does not list them). */
  lectures: Lecture[];
  homework: Homework[];
  /** Per homework code, its tasks that match (the card shows them, since it lists no task otherwise). */
  tasks: Record<string, Task[]>;
}

/** `text` cut into runs that match `query` (any case) and runs that do not, for highlighting. */
export function highlight(text: string, query: string): { text: string; hit: boolean }[] {
  const needle = query.trim().toLocaleLowerCase();
  if (!needle) return [{ text, hit: false }];
  const haystack = text.toLocaleLowerCase();
  const parts: { text: string; hit: boolean }[] = [];
  let cursor = 0;
  // Lower-casing can change a string's length (rare letters): then no highlight, rather than a wrong one.
  if (haystack.length !== text.length) return [{ text, hit: false }];
  for (let at = haystack.indexOf(needle); at >= 0; at = haystack.indexOf(needle, cursor)) {
    if (at > cursor) parts.push({ text: text.slice(cursor, at), hit: false });
    parts.push({ text: text.slice(at, at + needle.length), hit: true });
    cursor = at + needle.length;
  }
  if (cursor < text.length) parts.push({ text: text.slice(cursor), hit: false });
  return parts;
}

export function filterWeeks(course: Course, text: string): WeekMatch[] {
  const query = normalise(text.trim());
  if (!query) {
    return course.weeks.map((week) => ({
      week,
      topics: week.topics,
      lectures: [],
      homework: week.homework,
      tasks: {},
    }));
  }
  return course.weeks.flatMap((week) => {
    const titleMatches = normalise(`week ${week.number} ${week.title}`).includes(query);
    const topics = week.topics.filter((t) => pointMatches(t, query));
    const lectures = week.lectures.filter(
      (l) => normalise(l.title).includes(query) || l.topics.some((t) => pointMatches(t, query)),
    );
    const homework = titleMatches ? week.homework : week.homework.filter((h) => homeworkMatches(h, query));
    const tasks = Object.fromEntries(
      homework.map((h) => [h.code, h.tasks.filter((t) => normalise(`${t.code} ${t.title}`).includes(query))]),
    );
    if (titleMatches) return [{ week, topics: week.topics, lectures, homework, tasks }];
    if (topics.length || homework.length || lectures.length) return [{ week, topics, lectures, homework, tasks }];
    return [];
  });
}
