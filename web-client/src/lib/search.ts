// Filtering the agenda by a search text: a week stays when its title, a topic, a lecture or a
// homework (code, title or task) matches; inside it only the matching topics and homework show.
import type { Course, Homework, Point, Week } from './api/client';

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
  homework: Homework[];
}

export function filterWeeks(course: Course, text: string): WeekMatch[] {
  const query = normalise(text.trim());
  if (!query) {
    return course.weeks.map((week) => ({ week, topics: week.topics, homework: week.homework }));
  }
  return course.weeks.flatMap((week) => {
    const titleMatches = normalise(`week ${week.number} ${week.title}`).includes(query);
    const topics = week.topics.filter((t) => pointMatches(t, query));
    const lectureMatches = week.lectures.some(
      (l) => normalise(l.title).includes(query) || l.topics.some((t) => pointMatches(t, query)),
    );
    const homework = week.homework.filter((h) => homeworkMatches(h, query));
    if (titleMatches) return [{ week, topics: week.topics, homework: week.homework }];
    if (topics.length || homework.length || lectureMatches) return [{ week, topics, homework }];
    return [];
  });
}
