import { render, screen, within } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import CohortMatrix from './CohortMatrix.svelte';

describe('CohortMatrix', () => {
  it('shows a row per student and a cell per homework, each status named for screen readers', () => {
    render(CohortMatrix, {
      rows: [
        {
          login: 'ada',
          name: 'Ada',
          email: null,
          verified: true,
          completion: { done: 2, total: 4, percent: 50 },
          ticks: { github: 2, student: 1, instructor: 0 },
          homework: [
            { code: 'H1', status: 'PASSED', late: true, due: '2026-09-13T23:59:00+03:00' },
            { code: 'H2', status: 'CHANGES_REQUESTED', late: false, due: null },
          ],
          repository: { fullName: 'ada/course', proof: 'UNPROVEN' },
        },
        {
          login: 'bob',
          name: null,
          email: null,
          verified: false,
          completion: { done: 0, total: 4, percent: 0 },
          ticks: { github: 0, student: 0, instructor: 0 },
          homework: [
            { code: 'H1', status: 'PASSED', late: false, due: null },
            { code: 'H2', status: 'IN_PROGRESS', late: false, due: null },
          ],
          repository: null,
        },
      ],
    });

    expect(screen.getAllByRole('columnheader').map((h) => h.textContent)).toEqual([
      'Student',
      'Done',
      'Ticks',
      'H1',
      'H2',
    ]);
    const ada = screen.getByRole('row', { name: /ada/ });
    expect(within(ada).getByRole('link', { name: 'ada' })).toHaveAttribute('href', '/instructor/students/ada');
    expect(within(ada).getByText('2 GitHub')).toBeInTheDocument();
    expect(within(ada).getByText(/1 self/)).toBeInTheDocument();
    expect(within(ada).getByText('ada, H1: Passed late')).toBeInTheDocument();
    expect(within(ada).getByText('unproven repository')).toHaveAttribute(
      'title',
      expect.stringContaining('ada/course'),
    );
    expect(within(screen.getByRole('row', { name: /bob/ })).queryByText(/repository/)).toBeNull();
    expect(within(screen.getByRole('row', { name: /bob/ })).getByText('bob, H1: Passed')).toBeInTheDocument();
    expect(within(ada).getByText('ada, H2: Changes requested')).toBeInTheDocument();
    expect(within(screen.getByRole('row', { name: /bob/ })).getByText('bob, H2: In progress')).toBeInTheDocument();
    // Login and name are apart, not run together.
    expect(within(ada).getByRole('rowheader')).toHaveTextContent(/^ada\s+✓ GitHub\s+Ada$/);
    expect(screen.getByRole('list', { name: 'What the marks mean' })).toHaveTextContent('Passed late');
  });
});
