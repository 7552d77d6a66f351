import { describe, expect, it } from 'vitest';
import { segments } from './segments';

describe('segments', () => {
  it('puts each link back where its label stands', () => {
    expect(segments('Setup GitHub repo', [{ title: 'repo', url: 'http://github.com/' }])).toEqual([
      { text: 'Setup GitHub ' },
      { text: 'repo', url: 'http://github.com/' },
    ]);
  });

  it('matches whole words only', () => {
    expect(segments('aß ß', [{ title: 'ß', url: 'https://x.org/' }])).toEqual([
      { text: 'aß ' },
      { text: 'ß', url: 'https://x.org/' },
    ]);
  });

  it('keeps text with no links as one run', () => {
    expect(segments('Practice first', [])).toEqual([{ text: 'Practice first' }]);
  });
});
