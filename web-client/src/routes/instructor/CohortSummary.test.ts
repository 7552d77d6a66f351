import { render, screen } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import { course } from '../../test/fixtures';
import CohortSummary from './CohortSummary.svelte';

describe('CohortSummary', () => {
  it('says per homework how many passed, late, waiting and overdue, with each week its total', () => {
    render(CohortSummary, {
      weeks: course.weeks,
      summary: [
        {
          code: 'H1',
          students: 4,
          passed: 3,
          passedLate: 1,
          submitted: 1,
          changesRequested: 0,
          inProgress: 0,
          notStarted: 0,
          overdue: 1,
        },
      ],
    });
    expect(screen.getByRole('heading', { name: 'Week 1: 3 of 4 passes' })).toBeInTheDocument();
    expect(screen.getByText('3 of 4 passed (1 late), 1 waiting for you, 1 overdue')).toBeInTheDocument();
    expect(screen.queryByRole('heading', { name: /Week 2/ })).not.toBeInTheDocument();
  });
});
