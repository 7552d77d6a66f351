// Adds a second API replica to rendered manifests (stdin to stdout) for the podman smoke test:
// `podman kube play` runs one pod per Deployment on the host network, so a second replica is a
// copy of the API's Deployment on its own port. The web client balances the two (its upstream
// lists both), as a Service would.
import { readFileSync } from 'node:fs';
import { parseAllDocuments, stringify } from 'yaml';

const PORT = 18182;
const MANAGEMENT_PORT = 19182;
const docs = parseAllDocuments(readFileSync(0, 'utf8')).map((d) => d.toJS()).filter(Boolean);
const api = docs.find((o) => o.kind === 'Deployment' && o.metadata.name === 'syllabus-api');
const second = structuredClone(api);
second.metadata.name = 'syllabus-api-b';
const container = second.spec.template.spec.containers[0];
const ports = { QUARKUS_HTTP_PORT: PORT, QUARKUS_MANAGEMENT_PORT: MANAGEMENT_PORT };
container.env = container.env.map((e) => (e.name in ports ? { ...e, value: String(ports[e.name]) } : e));
for (const probe of ['startupProbe', 'livenessProbe', 'readinessProbe']) {
  if (container[probe]?.httpGet) container[probe].httpGet.port = MANAGEMENT_PORT;
}
docs.splice(docs.indexOf(api) + 1, 0, second);
process.stdout.write(docs.map((o) => stringify(o)).join('---\n'));
