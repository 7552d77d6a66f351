import { describe, expect, it } from 'vitest';
import { checklist } from '../test/checklist-fixture';
import { currentWeek, optionalApplies, stillMissing } from './passing';
import type { ChecklistItem, HomeworkProgress } from './api/client';

const h2 = checklist.homework[0]!;
const items = checklist.items.filter((i) => i.homework === 'H2');
const pass = { text: '1 PR merged, CI green.', requiredPrs: 1, listedPrs: 1, instructorApproval: false };
const done = (item: ChecklistItem): ChecklistItem => ({ ...item, done: true });

describe('stillMissing', () => {
  it('names the required item that keeps a homework in progress once its pull requests are merged', () => {
    const progress: HomeworkProgress = { ...h2, status: 'IN_PROGRESS', donePrs: 1 };
    const ticked = items.map((i) => (i.kind === 'PR' ? done(i) : i));
    expect(stillMissing(progress, ticked, pass)).toEqual(['“Install k9s” ticked']);
  });

  it('counts the merged pull requests the criterion asks for, and failing CI on a done one', () => {
    const progress: HomeworkProgress = { ...h2, requiredPrs: 3, donePrs: 1, status: 'IN_PROGRESS' };
    const failing = items.map((i) =>
      i.kind === 'PR' ? { ...done(i), pullRequest: { ...i.pullRequest!, checks: 'FAILING' as const } } : i,
    );
    expect(stillMissing(progress, failing, pass)).toEqual([
      '2 more merged pull requests (1 of 3)',
      '“Install k9s” ticked',
      'CI passing on PR1',
    ]);
  });

  it("waits for the instructor's approval, or the changes they asked for", () => {
    const all = items.map(done);
    const approval = { ...pass, instructorApproval: true };
    expect(stillMissing({ ...h2, status: 'SUBMITTED', donePrs: 1 }, all, approval)).toEqual([
      "your instructor's approval",
    ]);
    expect(stillMissing({ ...h2, status: 'CHANGES_REQUESTED', donePrs: 1 }, all, approval)).toEqual([
      'the changes your instructor asked for',
    ]);
  });

  it('says nothing once passed, or for homework with nothing to pass', () => {
    expect(stillMissing({ ...h2, status: 'PASSED' }, items, pass)).toEqual([]);
    expect(stillMissing({ ...h2, graded: false }, [], null)).toEqual([]);
  });
});

describe('stillMissing, where own ticks are claims', () => {
  it('asks for the confirmation of a claimed item', () => {
    const claimed = items.map((i) => ({ ...i, done: true, source: 'STUDENT' as const }));
    expect(stillMissing({ ...h2, status: 'IN_PROGRESS', donePrs: 1 }, claimed, pass, true)).toEqual([
      '“Install k9s” confirmed by GitHub or your instructor',
    ]);
    expect(stillMissing({ ...h2, status: 'IN_PROGRESS', donePrs: 1 }, claimed, pass, false)).toEqual([]);
  });
});

describe('optionalApplies', () => {
  const pr = { ...items.find((i) => i.kind === 'PR')!, optional: true };
  it('is void on a pull request where the criterion asks for every listed one', () => {
    expect(optionalApplies(pr, { ...pass, requiredPrs: 6, listedPrs: 6 })).toBe(false);
    expect(optionalApplies(pr, { ...pass, requiredPrs: 3, listedPrs: 5 })).toBe(true);
    expect(optionalApplies({ ...pr, kind: 'OTHER' }, { ...pass, requiredPrs: 6, listedPrs: 6 })).toBe(true);
    expect(optionalApplies({ ...pr, optional: false }, pass)).toBe(false);
  });
});

describe('currentWeek', () => {
  const weeks = [
    { number: 1, start: '2026-09-07', end: '2026-09-13' },
    { number: 2, start: '2026-09-14', end: '2026-09-20' },
  ];
  it('is the week whose dates hold today, the first before the run and the last after it', () => {
    expect(currentWeek(weeks, '2026-09-15')).toBe(2);
    expect(currentWeek(weeks, '2026-09-13')).toBe(1);
    expect(currentWeek(weeks, '2026-01-01')).toBe(1);
    expect(currentWeek(weeks, '2027-01-01')).toBe(2);
    expect(currentWeek([{ number: 1, start: null, end: null }], '2026-01-01')).toBe(1);
  });
});
