// An instructor's webhook subscriptions: receivers told of a course's events, signed as Standard
// Webhooks says, and what was delivered to them. Loaded with the instructor's page only.
import { call, client } from './client';
import type { components } from './schema';

export type WebhookSubscription = components['schemas']['WebhookSubscription'];
export type WebhookRequest = components['schemas']['WebhookSubscriptionRequest'];
export type WebhookDelivery = components['schemas']['WebhookDelivery'];
export type WebhookEventType = WebhookRequest['events'][number];

/** Every event type a subscription can ask for, with what it tells, in the order the form lists them. */
export const EVENT_TYPES: { type: Exclude<WebhookEventType, '*'>; tells: string }[] = [
  { type: 'checklist.item.changed', tells: 'an item ticked or unticked' },
  { type: 'homework.status.changed', tells: 'a homework passed, passed late or reopened' },
  { type: 'review.created', tells: 'an instructor reviewed a homework' },
  { type: 'enrollment.created', tells: 'a student joined' },
  { type: 'enrollment.removed', tells: 'a student was taken out' },
  { type: 'run.changed', tells: 'a run was created or changed' },
  { type: 'course.published', tells: 'new content was published' },
];

const path = (slug: string, id: number) => ({ params: { path: { slug, id: String(id) } } });

export function listWebhooks(slug: string): Promise<WebhookSubscription[]> {
  return call(() => client().GET('/api/courses/{slug}/webhooks', { params: { path: { slug } } }));
}

/** A new subscription; its answer is the only one that shows the signing secret. */
export function createWebhook(slug: string, request: WebhookRequest): Promise<WebhookSubscription> {
  return call(() => client().POST('/api/courses/{slug}/webhooks', { params: { path: { slug } }, body: request }));
}

export function replaceWebhook(slug: string, id: number, request: WebhookRequest): Promise<WebhookSubscription> {
  return call(() => client().PUT('/api/courses/{slug}/webhooks/{id}', { ...path(slug, id), body: request }));
}

/** The subscription's settings as a request, changed by `change` (to switch it on or off, say). */
export function requestOf(subscription: WebhookSubscription, change: Partial<WebhookRequest> = {}): WebhookRequest {
  return {
    url: subscription.url,
    events: subscription.events as WebhookEventType[],
    description: subscription.description,
    enabled: subscription.enabled,
    ordered: subscription.ordered,
    ...change,
  };
}

export async function deleteWebhook(slug: string, id: number): Promise<void> {
  await call(async () => {
    const answer = await client().DELETE('/api/courses/{slug}/webhooks/{id}', path(slug, id));
    return { ...answer, data: answer.response.ok ? null : undefined };
  });
}

export function rotateWebhookSecret(slug: string, id: number) {
  return call(() => client().POST('/api/courses/{slug}/webhooks/{id}/secret', path(slug, id)));
}

export function testWebhook(slug: string, id: number): Promise<WebhookDelivery> {
  return call(() => client().POST('/api/courses/{slug}/webhooks/{id}/test', path(slug, id)));
}

/** The subscription's latest deliveries, newest first. */
export function listDeliveries(slug: string, id: number, size = 20): Promise<WebhookDelivery[]> {
  return call(() =>
    client().GET('/api/courses/{slug}/webhooks/{id}/deliveries', {
      params: { path: { slug, id: String(id) }, query: { size } },
    }),
  );
}

export function resendDelivery(slug: string, id: number, delivery: number): Promise<WebhookDelivery> {
  return call(() =>
    client().POST('/api/courses/{slug}/webhooks/{id}/deliveries/{delivery}/resend', {
      params: { path: { slug, id: String(id), delivery: String(delivery) } },
    }),
  );
}

export function resendFailed(slug: string, id: number): Promise<{ resent: number }> {
  return call(() => client().POST('/api/courses/{slug}/webhooks/{id}/resend-failed', path(slug, id)));
}
