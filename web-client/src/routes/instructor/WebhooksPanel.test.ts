import { render, screen, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { WebhookSubscription } from '../../lib/api/webhooks';
import { json, problem } from '../../test/responses';
import WebhooksPanel from './WebhooksPanel.svelte';

const SUBSCRIPTION: WebhookSubscription = {
  id: 51,
  url: 'https://dashboard.example.edu/hooks',
  events: ['checklist.item.changed', 'homework.status.changed'],
  description: 'Dashboard',
  enabled: true,
  ordered: false,
  disabledReason: null,
  failingSince: null,
  createdAt: '2026-12-07T10:00:00Z',
  updatedAt: '2026-12-07T10:00:00Z',
};
const SECRET = 'whsec_MfKQ9r3ygE3Z6lLkHVE1FvDn1bT7pC1Kf0yJ5yGzZ3M=';

describe('WebhooksPanel', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('subscribes a receiver to the events chosen and shows its secret once', async () => {
    let listed: WebhookSubscription[] = [];
    const fetch = vi.fn(async (request: Request) => {
      if (request.method === 'POST') {
        listed = [SUBSCRIPTION];
        return json({ ...SUBSCRIPTION, secret: SECRET }, 201);
      }
      return json(listed);
    });
    vi.stubGlobal('fetch', fetch);
    const user = userEvent.setup();
    render(WebhooksPanel, { slug: 'demo' });

    expect(await screen.findByText('No receiver is subscribed yet.')).toBeInTheDocument();
    await user.type(screen.getByLabelText('Receiver URL (HTTPS)'), SUBSCRIPTION.url);
    await user.type(screen.getByLabelText('Description (optional)'), 'Dashboard');
    await user.click(screen.getByLabelText('Every event'));
    expect(screen.getByRole('button', { name: 'Subscribe' })).toBeDisabled();
    await user.click(screen.getByLabelText(/checklist\.item\.changed/));
    await user.click(screen.getByLabelText(/homework\.status\.changed/));
    await user.click(screen.getByRole('button', { name: 'Subscribe' }));

    const secret = await screen.findByRole('region', { name: 'Signing secret' });
    expect(secret).toHaveTextContent(SECRET);
    expect(screen.getByRole('status')).toHaveTextContent('it is not shown again');
    expect(await screen.findByText(SUBSCRIPTION.url)).toBeInTheDocument();
    const sent = fetch.mock.calls.map((call) => call[0]).find((r) => r.method === 'POST')!;
    expect(new URL(sent.url).pathname).toBe('/api/courses/demo/webhooks');
    expect(await sent.json()).toEqual({
      url: SUBSCRIPTION.url,
      events: ['checklist.item.changed', 'homework.status.changed'],
      description: 'Dashboard',
      ordered: false,
    });

    await user.click(within(secret).getByRole('button', { name: 'I have kept it' }));
    expect(screen.queryByText(SECRET)).not.toBeInTheDocument();
  });

  it('tells the instructor why Syllabus disabled a subscription, and enables it again', async () => {
    let subscription: WebhookSubscription = {
      ...SUBSCRIPTION,
      enabled: false,
      disabledReason: 'The receiver answered 410 Gone on 2026-12-07T10:05:00Z: it asked for no more deliveries.',
    };
    const fetch = vi.fn(async (request: Request) => {
      if (request.method === 'PUT') {
        const body = await request.json();
        subscription = { ...subscription, enabled: body.enabled, disabledReason: null };
        return json(subscription);
      }
      return json([subscription]);
    });
    vi.stubGlobal('fetch', fetch);
    const user = userEvent.setup();
    render(WebhooksPanel, { slug: 'demo' });

    expect(await screen.findByText(/Disabled: The receiver answered 410 Gone/)).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Send a test event' })).toBeDisabled();
    await user.click(screen.getByRole('button', { name: 'Enable' }));

    expect(await screen.findByRole('status')).toHaveTextContent(`${SUBSCRIPTION.url} is enabled again.`);
    expect(await screen.findByText('Enabled')).toBeInTheDocument();
    const put = fetch.mock.calls.map((call) => call[0]).find((r) => r.method === 'PUT')!;
    expect(new URL(put.url).pathname).toBe('/api/courses/demo/webhooks/51');
  });

  it("shows a refused URL in the API's words and lists the deliveries with their last answer", async () => {
    const fetch = vi.fn(async (request: Request) => {
      const path = new URL(request.url).pathname;
      if (request.method === 'POST' && path.endsWith('/webhooks')) {
        return problem({
          title: 'Bad Request',
          status: 400,
          detail: 'url must be an https URL',
          errors: [{ field: 'url', message: 'must be an https URL' }],
        });
      }
      if (path.endsWith('/deliveries')) {
        return json([
          {
            id: 7,
            messageId: 'msg_1',
            type: 'webhook.test',
            occurredAt: '2026-12-07T10:00:00Z',
            status: 'PENDING',
            attempts: 1,
            lastAttemptAt: '2026-12-07T10:00:01Z',
            lastStatus: 503,
            lastResponse: 'down',
            lastError: 'the receiver answered 503',
            nextAttemptAt: '2026-12-07T10:00:06Z',
            deliveredAt: null,
          },
        ]);
      }
      return json([SUBSCRIPTION]);
    });
    vi.stubGlobal('fetch', fetch);
    const user = userEvent.setup();
    render(WebhooksPanel, { slug: 'demo' });

    await user.type(screen.getByLabelText('Receiver URL (HTTPS)'), 'http://example.edu/hook');
    await user.click(screen.getByRole('button', { name: 'Subscribe' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('url must be an https URL');

    await user.click(await screen.findByRole('button', { name: 'Deliveries' }));
    const row = (await screen.findByText('webhook.test')).closest('tr')!;
    expect(row).toHaveTextContent('pending');
    expect(row).toHaveTextContent('1 attempt');
    expect(row).toHaveTextContent('HTTP 503 (the receiver answered 503)');
  });
});
