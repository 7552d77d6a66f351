import { describe, expect, it } from 'vitest';
import { parseRoute } from './router.svelte';

describe('parseRoute', () => {
  it.each([
    ['/', { name: 'agenda' }],
    ['/weeks/3', { name: 'week', number: 3 }],
    ['/weeks/3/', { name: 'week', number: 3 }],
    ['/homework/h7', { name: 'homework', code: 'H7' }],
    ['/homework/H16', { name: 'homework', code: 'H16' }],
    ['/weeks/three', { name: 'not-found' }],
    ['/nope', { name: 'not-found' }],
  ])('%s', (path, route) => {
    expect(parseRoute(path)).toEqual(route);
  });
});
