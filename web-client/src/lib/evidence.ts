// The same evidence rules as the API, so a wrong link is flagged while it is typed.
import type { ChecklistItem } from './api/client';

const OWNER_REPO = String.raw`https://github\.com/[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})/[A-Za-z0-9._-]{1,100}`;
const REPOSITORY = new RegExp(`^${OWNER_REPO}/?$`);
const PULL_REQUEST = new RegExp(`^${OWNER_REPO}/pull/[1-9][0-9]{0,9}/?$`);

function isHttpUrl(value: string, httpsOnly = false): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === 'https:' || (!httpsOnly && url.protocol === 'http:')) && url.hostname.length > 0;
  } catch {
    return false;
  }
}

export const evidenceHint: Record<ChecklistItem['kind'], string> = {
  PR: 'Pull request URL, https://github.com/owner/repo/pull/7',
  SETUP: 'Repository URL, https://github.com/owner/repo',
  DOC: 'Document URL (https)',
  OTHER: 'Link (http or https)',
};

/** Why `value` is not evidence for an item of this kind, or null when it is (or empty). */
export function evidenceProblem(kind: ChecklistItem['kind'], value: string): string | null {
  const text = value.trim();
  if (!text) return null;
  if (text.length > 2000) return 'That link is too long.';
  const ok =
    kind === 'PR'
      ? PULL_REQUEST.test(text)
      : kind === 'SETUP'
        ? REPOSITORY.test(text)
        : isHttpUrl(text, kind === 'DOC');
  return ok ? null : `Expected a ${evidenceHint[kind].charAt(0).toLowerCase()}${evidenceHint[kind].slice(1)}.`;
}
