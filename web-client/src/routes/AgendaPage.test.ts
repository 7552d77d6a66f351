import { render, screen, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { course } from '../test/fixtures';
import AgendaPage from './AgendaPage.svelte';

describe('AgendaPage', () => {
  it('shows the course, its weeks with topics and homework, links and tools', () => {
    render(AgendaPage, { course });

    expect(screen.getByRole('heading', { level: 1, name: 'Demo Course' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Week 1: Introduction' })).toHaveAttribute('href', '/weeks/1');
    expect(screen.getByRole('link', { name: 'Week 2: Data' })).toHaveAttribute('href', '/weeks/2');
    expect(screen.getByRole('link', { name: 'H3 Data storage' })).toHaveAttribute('href', '/homework/H3');
    expect(screen.getByText('Feature stores')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Kind' })).toHaveAttribute('href', 'https://kind.sigs.k8s.io/');
    expect(screen.getByRole('link', { name: 'repo' })).toHaveAttribute('href', 'http://github.com/');
  });

  it('filters weeks by topic, homework code and task text', async () => {
    const user = userEvent.setup();
    render(AgendaPage, { course });
    const search = screen.getByLabelText('Search topics and homework');

    await user.type(search, 'minio');
    const weeks = screen.getAllByRole('listitem').filter((li) => li.classList.contains('week-card'));
    expect(weeks).toHaveLength(1);
    expect(within(weeks[0]!).getByRole('link', { name: 'Week 2: Data' })).toBeInTheDocument();
    expect(screen.queryByText('Feature stores')).not.toBeInTheDocument();

    await user.clear(search);
    await user.type(search, 'h1');
    expect(screen.getByRole('link', { name: 'H1 Initial design draft' })).toBeInTheDocument();
    expect(screen.queryByRole('link', { name: 'Week 2: Data' })).not.toBeInTheDocument();
  });

  it('says when nothing matches and clears the search on request', async () => {
    const user = userEvent.setup();
    render(AgendaPage, { course });

    await user.type(screen.getByLabelText('Search topics and homework'), 'quantum');
    expect(screen.getByText(/Nothing matches/)).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Clear the search' }));
    expect(screen.getByRole('link', { name: 'Week 1: Introduction' })).toBeInTheDocument();
  });

  it('shows and marks what matched on every card it keeps: a lecture, a task', async () => {
    const user = userEvent.setup();
    render(AgendaPage, { course });
    const search = screen.getByLabelText('Search topics and homework');

    // Week 1 matches only through its lecture's title: the lecture shows, marked.
    await user.type(search, 'fail');
    const week = screen.getAllByRole('listitem').find((li) => li.classList.contains('week-card'))!;
    expect(within(week).getByText('fail', { selector: 'mark' })).toBeInTheDocument();
    expect(week).toHaveTextContent('Lecture 1: Why ML systems fail');

    // H1 matches only through a task: the task shows on the card, marked.
    await user.clear(search);
    await user.type(search, 'doc');
    const card = screen.getByRole('article', { name: /H1/ });
    expect(within(card).getByRole('list', { name: 'Tasks that match' })).toHaveTextContent('DOC: Write the design doc');
    expect(within(card).getAllByText(/^doc$/i, { selector: 'mark' }).length).toBeGreaterThan(0);
    for (const shown of screen.getAllByRole('listitem').filter((li) => li.classList.contains('week-card'))) {
      expect(shown.querySelector('mark')).not.toBeNull();
    }
  });
});
