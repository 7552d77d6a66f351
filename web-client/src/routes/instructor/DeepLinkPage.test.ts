import { render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { course } from '../../test/fixtures';
import DeepLinkPage from './DeepLinkPage.svelte';

describe('DeepLinkPage', () => {
  afterEach(() => history.replaceState(null, '', '/'));

  it('picks homework one by one, by week or all, and posts the pick as a form to the API', async () => {
    history.replaceState(null, '', '/instructor/deep-link?course=demo&request=req-1');
    const user = userEvent.setup();
    render(DeepLinkPage, { course });

    const place = await screen.findByRole('button', { name: 'Place 0 homework in the platform' });
    expect(place).toBeDisabled();

    await user.click(screen.getByRole('checkbox', { name: 'Week 2: Data' }));
    expect(screen.getByRole('checkbox', { name: 'H3: Data storage' })).toBeChecked();
    expect(screen.getByRole('checkbox', { name: 'H1: Initial design draft' })).not.toBeChecked();
    expect(screen.getByRole('button', { name: 'Place 1 homework in the platform' })).toBeEnabled();

    await user.click(screen.getByRole('checkbox', { name: 'All homework of Demo Course (2)' }));
    expect(screen.getByRole('checkbox', { name: 'H1: Initial design draft' })).toBeChecked();
    expect(screen.getByRole('checkbox', { name: 'Week 1: Introduction' })).toBeChecked();

    await user.click(screen.getByRole('checkbox', { name: 'H3: Data storage' }));
    expect(screen.getByRole('checkbox', { name: 'Week 2: Data' })).not.toBeChecked();
    expect(screen.getByRole('checkbox', { name: 'All homework of Demo Course (2)' })).not.toBeChecked();

    const form = screen.getByRole('button', { name: 'Place 1 homework in the platform' }).closest('form')!;
    expect(form.getAttribute('method')).toBe('post');
    expect(form.getAttribute('action')).toBe('/api/lti/deep-links');
    const fields = new FormData(form);
    expect(fields.get('request')).toBe('req-1');
    expect(fields.getAll('homework')).toEqual(['H1']);
  });

  it('offers one homework at a time where the platform takes one link', async () => {
    history.replaceState(null, '', '/instructor/deep-link?course=demo&single=true&request=req-2');
    const user = userEvent.setup();
    render(DeepLinkPage, { course });

    expect(await screen.findByText('The platform takes one homework at a time here.')).toBeInTheDocument();
    expect(screen.queryByRole('checkbox')).not.toBeInTheDocument();
    await user.click(screen.getByRole('radio', { name: 'H1: Initial design draft' }));
    await user.click(screen.getByRole('radio', { name: 'H3: Data storage' }));
    const form = screen.getByRole('button', { name: 'Place 1 homework in the platform' }).closest('form')!;
    expect(new FormData(form).getAll('homework')).toEqual(['H3']);
  });

  it('says where to start when the page is opened without a request', () => {
    history.replaceState(null, '', '/instructor/deep-link');
    render(DeepLinkPage, { course });
    expect(screen.getByRole('alert')).toHaveTextContent('Open Syllabus from there again');
  });
});
