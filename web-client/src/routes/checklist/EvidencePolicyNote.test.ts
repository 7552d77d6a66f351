import { render, screen } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import EvidencePolicyNote from './EvidencePolicyNote.svelte';

describe('EvidencePolicyNote', () => {
  it('says the defaults plainly', () => {
    render(EvidencePolicyNote, { policy: { reviewers: [], checks: [], selfTicks: 'COUNT' } });
    expect(screen.getByText(/its checks succeeded or your instructors approved it/)).toBeInTheDocument();
  });

  it('names the checks and the reviewers the course lists', () => {
    render(EvidencePolicyNote, {
      policy: { reviewers: ['grace-ta', 'alan-ta'], checks: ['unit-tests', 'lint'], selfTicks: 'COUNT' },
    });
    expect(
      screen.getByText(
        /its checks “unit-tests” and “lint” all succeeded or your instructors or grace-ta and alan-ta approved it/,
      ),
    ).toBeInTheDocument();
  });

  it("says a student's own tick is a claim where the course counts it so", () => {
    render(EvidencePolicyNote, { policy: { reviewers: [], checks: [], selfTicks: 'CLAIM' } });
    expect(screen.getByText(/What you tick yourself is a claim/)).toBeInTheDocument();
  });
});
