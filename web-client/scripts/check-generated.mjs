// Fails when what scripts/generated.mjs derives from ../api/openapi.json (types, patterns) is not
// what is committed, so the client never drifts from the API contract. `npm run generate` fixes it.
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { expected } from './generated.mjs';

const normalise = (text) => text.replace(/^\/\*\*[\s\S]*?\*\/\s*/, '').trim();
let stale = false;
for (const [url, content] of await expected()) {
  const actual = await readFile(url, 'utf8').catch(() => '');
  if (normalise(actual) !== normalise(content)) {
    console.error(`${fileURLToPath(url)} is stale: run \`npm run generate\` in web-client/ and commit it.`);
    stale = true;
  }
}
if (stale) process.exit(1);
console.log('Generated API types and patterns match api/openapi.json.');
