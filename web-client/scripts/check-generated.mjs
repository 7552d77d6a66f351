// Fails when src/lib/api/schema.d.ts is not what openapi-typescript makes of ../api/openapi.json,
// so the client's types never drift from the committed API contract. `npm run generate` fixes it.
import { readFile } from 'node:fs/promises';
import openapiTS, { astToString } from 'openapi-typescript';

const contract = new URL('../../api/openapi.json', import.meta.url);
const generated = new URL('../src/lib/api/schema.d.ts', import.meta.url);

const expected = astToString(await openapiTS(JSON.parse(await readFile(contract, 'utf8'))));
const actual = await readFile(generated, 'utf8').catch(() => '');
const normalise = (text) => text.replace(/^\/\*\*[\s\S]*?\*\/\s*/, '').trim();
if (normalise(actual) !== normalise(expected)) {
  console.error('src/lib/api/schema.d.ts is stale: run `npm run generate` in web-client/ and commit it.');
  process.exit(1);
}
console.log('Generated API types match api/openapi.json.');
