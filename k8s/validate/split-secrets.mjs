// Splits rendered manifests (stdin) for podman 4.3's `kube play`, which cannot use the Secrets it
// reads from YAML: writes the other objects to stdout and the data of each Secret (key to base64
// value, the JSON podman expects of a secret it looks up) to <dir>/<name>.json. Usage: node split-secrets.mjs <dir>
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseAllDocuments, stringify } from 'yaml';

const dir = process.argv[2];
const docs = parseAllDocuments(readFileSync(0, 'utf8')).map((d) => d.toJS()).filter(Boolean);
for (const secret of docs.filter((o) => o.kind === 'Secret')) {
  writeFileSync(join(dir, `${secret.metadata.name}.json`), JSON.stringify(secret.data ?? {}));
}
process.stdout.write(docs.filter((o) => o.kind !== 'Secret').map((o) => stringify(o)).join('---\n'));
