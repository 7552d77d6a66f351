// The initial route's JavaScript, gzipped: the entry script and what index.html preloads. Pages an
// anonymous reader of the agenda does not need load on demand and are not counted. Run after
// `vite build` (npm run build), it fails the build above the budget; bench-web prints it too.
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';

export const BUDGET_KB = 30;

export function initialJavaScript(dist = 'dist') {
  const html = readFileSync(`${dist}/index.html`, 'utf8');
  const scripts = [...new Set([...html.matchAll(/(?:src|href)="(\/assets\/[^"]+\.js)"/g)].map((m) => m[1]))];
  const bytes = scripts.reduce((sum, script) => sum + gzipSync(readFileSync(`${dist}${script}`)).length, 0);
  return { kb: bytes / 1024, files: scripts.length };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { kb, files } = initialJavaScript();
  console.log(`Initial route JavaScript: ${kb.toFixed(1)} KB gzipped in ${files} file(s); budget ${BUDGET_KB} KB`);
  if (kb > BUDGET_KB) {
    console.error('Over budget: load what the agenda does not need on demand (import() in App.svelte).');
    process.exit(1);
  }
}
