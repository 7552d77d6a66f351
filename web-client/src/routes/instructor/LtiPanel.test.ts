import { render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { LtiPlatform, LtiScore, LtiTool } from '../../lib/api/lti';
import { json, problem } from '../../test/responses';
import LtiPanel from './LtiPanel.svelte';

const TOOL: LtiTool = {
  registrationUrl: 'https://syllabus.example/api/lti/register',
  loginUrl: 'https://syllabus.example/api/lti/login',
  redirectUrl: 'https://syllabus.example/api/lti/launch',
  jwksUrl: 'https://syllabus.example/api/lti/jwks',
  targetLinkUri: 'https://syllabus.example/',
  domain: 'syllabus.example',
  available: true,
};
const CANVAS: LtiPlatform = {
  id: 7,
  issuer: 'https://canvas.instructure.com',
  clientId: '10000000000001',
  name: 'Canvas',
  authorizationEndpoint: 'https://sso.canvaslms.com/api/lti/authorize_redirect',
  tokenEndpoint: 'https://sso.canvaslms.com/login/oauth2/token',
  jwksUri: 'https://sso.canvaslms.com/api/lti/security/jwks',
  registeredBy: 'manual',
  deploymentIds: ['1:abc'],
  contexts: [
    {
      id: 3,
      contextId: 'c-1',
      title: 'ML in Production',
      course: 'ml-in-production',
      run: '2026-autumn',
      syncedAt: null,
      syncedMembers: null,
    },
  ],
  createdAt: '2026-12-07T10:00:00Z',
};

describe('LtiPanel', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('shows the addresses to give a platform and registers one by hand', async () => {
    let listed: LtiPlatform[] = [];
    const sent: unknown[] = [];
    vi.stubGlobal(
      'fetch',
      vi.fn(async (request: Request) => {
        if (request.url.endsWith('/api/lti/tool')) return json(TOOL);
        if (request.method === 'GET' && !request.url.includes('/lti/platforms')) return json([]);
        if (request.method === 'POST') {
          sent.push(await request.json());
          listed = [CANVAS];
          return json(CANVAS, 201);
        }
        return json(listed);
      }),
    );
    const user = userEvent.setup();
    render(LtiPanel, { slug: 'ml-in-production' });

    expect(await screen.findByText(TOOL.registrationUrl)).toBeInTheDocument();
    expect(await screen.findByText('No platform is registered yet.')).toBeInTheDocument();
    await user.type(screen.getByLabelText('Name (optional)'), 'Canvas');
    await user.type(screen.getByLabelText('Issuer'), CANVAS.issuer);
    await user.type(screen.getByLabelText('Client id'), CANVAS.clientId);
    await user.type(screen.getByLabelText('Authorization endpoint'), CANVAS.authorizationEndpoint);
    await user.type(screen.getByLabelText('Token endpoint'), CANVAS.tokenEndpoint);
    await user.type(screen.getByLabelText('Public keys (JWKS) URL'), CANVAS.jwksUri);
    await user.type(screen.getByLabelText('Deployment id'), '1:abc');
    await user.click(screen.getByRole('button', { name: 'Register the platform' }));

    expect(await screen.findByRole('status')).toHaveTextContent('Canvas is registered');
    expect(sent).toEqual([
      {
        issuer: CANVAS.issuer,
        clientId: CANVAS.clientId,
        name: 'Canvas',
        authorizationEndpoint: CANVAS.authorizationEndpoint,
        tokenEndpoint: CANVAS.tokenEndpoint,
        jwksUri: CANVAS.jwksUri,
        deploymentIds: ['1:abc'],
      },
    ]);
    expect(await screen.findByText('ML in Production → ml-in-production, run 2026-autumn')).toBeInTheDocument();
    expect(screen.getByLabelText('Issuer')).toHaveValue('');
  });

  it('keeps the form and says why when the platform is refused', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async (request: Request) => {
        if (request.url.endsWith('/api/lti/tool')) return json({ ...TOOL, available: false });
        if (request.method === 'GET' && !request.url.includes('/lti/platforms')) return json([]);
        if (request.method === 'POST') {
          return problem({
            status: 400,
            title: 'Bad Request',
            detail: "The request's 'jwksUri' must be an HTTPS URL.",
            errors: [{ field: 'jwksUri', message: 'must be an HTTPS URL' }],
          });
        }
        return json([]);
      }),
    );
    const user = userEvent.setup();
    render(LtiPanel, { slug: 'ml-in-production' });

    expect(await screen.findByText(/LTI is off here/)).toBeInTheDocument();
    await user.type(screen.getByLabelText('Issuer'), CANVAS.issuer);
    await user.type(screen.getByLabelText('Client id'), CANVAS.clientId);
    await user.type(screen.getByLabelText('Authorization endpoint'), CANVAS.authorizationEndpoint);
    await user.type(screen.getByLabelText('Token endpoint'), CANVAS.tokenEndpoint);
    await user.type(screen.getByLabelText('Public keys (JWKS) URL'), 'http://jwks.example/');
    await user.click(screen.getByRole('button', { name: 'Register the platform' }));

    expect(await screen.findByRole('alert')).toHaveTextContent('jwksUri');
    expect(screen.getByLabelText('Issuer')).toHaveValue(CANVAS.issuer);
  });

  it("syncs the course's roster and says who was enrolled and who was flagged", async () => {
    const posted: string[] = [];
    vi.stubGlobal(
      'fetch',
      vi.fn(async (request: Request) => {
        if (request.url.endsWith('/api/lti/tool')) return json(TOOL);
        if (request.method === 'GET' && !request.url.includes('/lti/platforms')) return json([]);
        if (request.method === 'POST') {
          posted.push(new URL(request.url).pathname);
          return json({
            added: [{ login: 'lti--0a1b2c3d4e5f6a7b', name: 'Ada Lovelace' }],
            flagged: [{ login: 'lti--1a1b2c3d4e5f6a7b', name: 'Alan Turing' }],
            listed: 12,
            platformCourses: 1,
          });
        }
        return json([CANVAS]);
      }),
    );
    const user = userEvent.setup();
    render(LtiPanel, { slug: 'ml-in-production' });

    await user.click(await screen.findByRole('button', { name: "Sync this course's roster from the platforms" }));

    expect(await screen.findByRole('status')).toHaveTextContent(
      'The platforms list 12 members: 1 enrolled (Ada Lovelace), 1 flagged as gone (Alan Turing; their work stays).',
    );
    expect(posted).toEqual(['/api/courses/ml-in-production/lti/memberships']);
  });

  it('moves a platform course to another run, lists the scores sent and resends one', async () => {
    const score: LtiScore = {
      id: 41,
      student: 'lti--0a1b2c3d4e5f6a7b',
      homework: 'H2',
      platformCourse: 'ML in Production',
      scoreGiven: 100,
      status: 'FAILED',
      attempts: 3,
      lastStatus: 503,
      lastError: 'HTTP 503: down',
      nextAttemptAt: '2026-12-08T10:00:00Z',
      updatedAt: '2026-12-08T09:00:00Z',
      sentAt: null,
    };
    const calls: string[] = [];
    vi.stubGlobal(
      'fetch',
      vi.fn(async (request: Request) => {
        const url = new URL(request.url);
        calls.push(`${request.method} ${url.pathname}${url.search}`);
        if (url.pathname.endsWith('/api/lti/tool')) return json(TOOL);
        if (url.pathname.endsWith('/runs'))
          return json([
            { name: '2026-autumn', title: 'Autumn 2026' },
            { name: '2027-spring', title: 'Spring 2027' },
          ]);
        if (url.pathname.endsWith('/lti/scores')) return json([score]);
        if (request.method === 'PUT') {
          const { run } = (await request.json()) as { run: string };
          return json({ ...CANVAS.contexts[0], run });
        }
        if (url.pathname.endsWith('/resend')) return json({ ...score, status: 'PENDING' }, 202);
        return json([CANVAS]);
      }),
    );
    const user = userEvent.setup();
    render(LtiPanel, { slug: 'ml-in-production' });

    await user.selectOptions(await screen.findByLabelText('Move to run'), '2027-spring');
    await user.click(screen.getByRole('button', { name: 'Move' }));
    expect(await screen.findByRole('status')).toHaveTextContent('ML in Production is bound to run 2027-spring');
    expect(calls).toContain('PUT /api/courses/ml-in-production/lti/contexts/3');

    expect(await screen.findByText('HTTP 503: down')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Resend H2 of lti--0a1b2c3d4e5f6a7b' }));
    expect(calls).toContain('POST /api/courses/ml-in-production/lti/scores/41/resend');
    await user.selectOptions(screen.getByLabelText('Show'), 'FAILED');
    expect(calls.at(-1)).toBe('GET /api/courses/ml-in-production/lti/scores?status=FAILED&size=50');
  });
});
