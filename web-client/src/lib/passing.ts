// What a homework still needs to pass, in its pass criterion's own terms, and which week is now.
import type { ChecklistItem, Homework, HomeworkProgress, Week } from './api/client';

type Pass = Homework['pass'];

const plural = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`;

/**
 * Each thing still missing for `progress` to pass: merged pull requests (counted as the criterion
 * counts them), every required item not done by name, failing CI on a done pull request, and the
 * instructor's approval where the criterion waits for it. Empty once passed, or for ungraded homework.
 */
export function stillMissing(
  progress: HomeworkProgress,
  items: ChecklistItem[],
  pass: Pass,
  claimsOnly = false,
): string[] {
  if (progress.status === 'PASSED' || !progress.graded) return [];
  const missing: string[] = [];
  const morePrs = progress.requiredPrs - progress.donePrs;
  if (morePrs > 0) {
    missing.push(
      `${plural(morePrs, 'more merged pull request', 'more merged pull requests')} (${progress.donePrs} of ${progress.requiredPrs})`,
    );
  }
  for (const item of items) {
    if (item.kind === 'PR' || item.optional) continue;
    if (!item.done) missing.push(`“${item.title}” ticked`);
    else if (claimsOnly && isClaim(item)) missing.push(`“${item.title}” confirmed by GitHub or your instructor`);
  }
  for (const item of items) {
    if (item.kind === 'PR' && item.done && item.pullRequest?.checks === 'FAILING') {
      missing.push(`CI passing on ${item.id.split('/')[1]}`);
    }
  }
  if (progress.status === 'CHANGES_REQUESTED') missing.push('the changes your instructor asked for');
  else if (pass?.instructorApproval) missing.push("your instructor's approval");
  return missing;
}

/**
 * Whether an item's "optional" mark means anything: a pull request counts toward the criterion's
 * number of merged pull requests whatever its mark, so where the criterion asks for every listed
 * one the mark is void (the content check tells the author so).
 */
export function optionalApplies(item: ChecklistItem, pass: Pass): boolean {
  if (!item.optional) return false;
  if (item.kind !== 'PR' || !pass) return true;
  return pass.requiredPrs < pass.listedPrs;
}

/** The week a student is in today: the one whose dates hold `today`, the first before the run, the last after it. */
export function currentWeek(weeks: Pick<Week, 'number' | 'start' | 'end'>[], today: string): number | undefined {
  const dated = weeks.filter((w) => w.start && w.end);
  if (!dated.length) return weeks[0]?.number;
  const now = dated.find((w) => w.start! <= today && today <= w.end!);
  if (now) return now.number;
  return today < dated[0]!.start! ? dated[0]!.number : dated[dated.length - 1]!.number;
}

/** A student's own tick: in a course that counts those only as claims, it waits for confirmation. */
export function isClaim(item: ChecklistItem): boolean {
  return item.done && item.source === 'STUDENT';
}
