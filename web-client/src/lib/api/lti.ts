// Learning platforms that open Syllabus (LTI 1.3): the tool's addresses to give a platform, and
// the platforms instructors registered. Loaded with the instructor's page only.
import { call, client } from './client';
import type { components } from './schema';

export type LtiTool = components['schemas']['LtiTool'];
export type LtiPlatform = components['schemas']['LtiPlatform'];
export type LtiPlatformRequest = components['schemas']['LtiPlatformRequest'];
export type LtiRosterSync = components['schemas']['LtiRosterSync'];

export function getLtiTool(): Promise<LtiTool> {
  return call(() => client().GET('/api/lti/tool'));
}

export function listLtiPlatforms(): Promise<LtiPlatform[]> {
  return call(() => client().GET('/api/lti/platforms'));
}

export function registerLtiPlatform(request: LtiPlatformRequest): Promise<LtiPlatform> {
  return call(() => client().POST('/api/lti/platforms', { body: request }));
}

export function addLtiDeployment(id: number, deploymentId: string): Promise<LtiPlatform> {
  return call(() =>
    client().POST('/api/lti/platforms/{id}/deployments', {
      params: { path: { id: String(id) } },
      body: { deploymentId },
    }),
  );
}

export async function deleteLtiPlatform(id: number): Promise<void> {
  await call(async () => {
    const answer = await client().DELETE('/api/lti/platforms/{id}', { params: { path: { id: String(id) } } });
    return { ...answer, data: answer.response.ok ? null : undefined };
  });
}

/** Enrols the learners of the platform courses bound to the course, and flags those who left. */
export function syncLtiRoster(slug: string): Promise<LtiRosterSync> {
  return call(() => client().POST('/api/courses/{slug}/lti/memberships', { params: { path: { slug } } }));
}

export type LtiContext = components['schemas']['LtiContext'];
export type LtiScore = components['schemas']['LtiScore'];
export type LtiScoreStatus = components['schemas']['LtiScoreStatus'];

/** Binds a platform course to another run of the course: later launches, syncs and grades use it. */
export function bindLtiContext(slug: string, id: number, run: string): Promise<LtiContext> {
  return call(() =>
    client().PUT('/api/courses/{slug}/lti/contexts/{id}', {
      params: { path: { slug, id: String(id) } },
      body: { run },
    }),
  );
}

/** The latest scores sent (or waiting) for the platforms' gradebooks, newest first. */
export function listLtiScores(slug: string, status?: LtiScoreStatus, size = 50): Promise<LtiScore[]> {
  return call(() =>
    client().GET('/api/courses/{slug}/lti/scores', { params: { path: { slug }, query: { status, size } } }),
  );
}

export function resendLtiScore(slug: string, id: number): Promise<LtiScore> {
  return call(() =>
    client().POST('/api/courses/{slug}/lti/scores/{id}/resend', { params: { path: { slug, id: String(id) } } }),
  );
}
