import { describe, expect, it } from 'vitest';
import { evidenceProblem } from './evidence';

describe('evidenceProblem', () => {
  it.each([
    ['PR', 'https://github.com/octocat/repo/pull/7', null],
    ['PR', 'https://github.com/octocat/repo', 'pull request'],
    ['PR', 'https://gitlab.com/a/b/-/merge_requests/1', 'pull request'],
    ['SETUP', 'https://github.com/octocat/repo', null],
    ['SETUP', 'https://github.com/octocat/repo/pull/7', 'repository'],
    ['DOC', 'https://docs.google.com/document/d/x', null],
    ['DOC', 'http://docs.example.org/x', 'document'],
    ['OTHER', 'http://example.org/', null],
    ['OTHER', 'javascript:alert(1)', 'link'],
    ['PR', '', null],
  ] as const)('%s %s', (kind, value, problem) => {
    const found = evidenceProblem(kind, value);
    if (problem === null) expect(found).toBeNull();
    else expect(found?.toLowerCase()).toContain(problem);
  });
});
