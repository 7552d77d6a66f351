import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, test } from '@playwright/test';
import { Webhook } from 'standardwebhooks';
import { ADMIN, expectNoAxeViolations, failOnConsoleErrors, signIn } from './helpers';

interface Received {
  headers: IncomingHttpHeaders;
  body: string;
}

test('an instructor subscribes a receiver, keeps its secret, sends a test event and sees it delivered, signed', async ({
  page,
}) => {
  failOnConsoleErrors(page);
  const received: Received[] = [];
  const receiver = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk) => (body += chunk));
    request.on('end', () => {
      received.push({ headers: request.headers, body });
      response.writeHead(204).end();
    });
  });
  await new Promise<void>((listening) => receiver.listen(0, '127.0.0.1', listening));
  const url = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook-${Date.now()}`;
  try {
    await signIn(page, ADMIN.login, ADMIN.password);
    await expect(page).toHaveURL(/\/instructor$/);
    const panel = page.getByRole('region', { name: 'Webhooks' });
    await panel.getByLabel('Receiver URL (HTTPS)').fill(url);
    await panel.getByLabel('Description (optional)').fill('E2E receiver');
    await panel.getByRole('button', { name: 'Subscribe' }).click();

    const shown = panel.getByRole('region', { name: 'Signing secret' });
    await expect(shown).toContainText('whsec_');
    const secret = (await shown.locator('code').textContent())!.trim();
    await expectNoAxeViolations(page);
    await shown.getByRole('button', { name: 'I have kept it' }).click();

    const subscription = panel.getByRole('listitem').filter({ hasText: url });
    await subscription.getByRole('button', { name: 'Send a test event' }).click();
    await expect(panel.getByRole('status')).toContainText('A test event is on its way');
    await expect.poll(() => received.length).toBe(1);

    const [event] = received;
    const verified = new Webhook(secret).verify(event!.body, event!.headers as Record<string, string>);
    expect(verified).toMatchObject({ type: 'webhook.test', data: { course: 'ml-in-production' } });

    await subscription.getByRole('button', { name: 'Deliveries' }).click();
    await expect
      .poll(async () => {
        await subscription.getByRole('button', { name: 'Refresh' }).click();
        return subscription.getByRole('row').filter({ hasText: 'webhook.test' }).textContent();
      })
      .toContain('delivered');
    await expect(subscription.getByRole('row').filter({ hasText: 'webhook.test' })).toContainText('HTTP 204');

    page.once('dialog', (dialog) => dialog.accept());
    await subscription.getByRole('button', { name: 'Delete' }).click();
    await expect(panel.getByRole('status')).toContainText('is no longer subscribed');
    await expect(panel.getByRole('listitem').filter({ hasText: url })).toHaveCount(0);
  } finally {
    receiver.close();
  }
});
