import { render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { LtiPlatform, LtiTool } from '../../lib/api/lti';
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
});
