// Offline checks of every overlay: render with `kubectl kustomize`, validate each object against
// the Kubernetes schemas (kubernetes-models), then apply the project's own policies.
// Usage: node check.mjs            check ../overlays/*
//        node check.mjs --self-test prove each policy rejects a manifest that breaks it
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseAllDocuments } from 'yaml';

const k8s = join(dirname(fileURLToPath(import.meta.url)), '..');

/** Settings the API must get in production, and which of them are secret. */
const API_SETTINGS = ['SYLLABUS_DB_URL', 'SYLLABUS_DB_USER', 'SYLLABUS_DB_PASSWORD', 'SYLLABUS_ADMIN_LOGIN',
  'SYLLABUS_ADMIN_PASSWORD', 'SYLLABUS_GITHUB_WEBHOOK_SECRET'];
const SECRET_NAME = /PASSWORD|SECRET|TOKEN|KEY$/;
const CONTAINER_FIELDS = new Set(['name', 'image', 'imagePullPolicy', 'ports', 'env', 'envFrom', 'command', 'args',
  'startupProbe', 'livenessProbe', 'readinessProbe', 'resources', 'securityContext', 'volumeMounts', 'workingDir']);

const podSpecOf = (o) => (o.kind === 'Deployment' || o.kind === 'StatefulSet' ? o.spec?.template?.spec : undefined);

async function schemaErrors(object) {
  const [group, version] = object.apiVersion.includes('/') ? object.apiVersion.split('/') : ['', object.apiVersion];
  const path = group ? `${group}/${version}` : version;
  let Model;
  try {
    Model = (await import(`kubernetes-models/${path}/${object.kind}`))[object.kind];
  } catch {
    return [`${object.kind} ${object.metadata?.name}: unknown kind ${object.apiVersion}/${object.kind}`];
  }
  try {
    new Model(object).validate();
    return [];
  } catch (error) {
    return [`${object.kind} ${object.metadata?.name}: ${String(error.message ?? error).split('\n').slice(0, 4).join(' ')}`];
  }
}

/** The project's policies over one rendered overlay; returns the violations. */
export function policyErrors(objects, { apiSettings = true } = {}) {
  const errors = [];
  const byKind = (kind) => objects.filter((o) => o.kind === kind);
  const workloads = objects.filter(podSpecOf);
  for (const workload of workloads) {
    const pod = podSpecOf(workload);
    const where = `${workload.kind} ${workload.metadata.name}`;
    for (const c of pod.containers ?? []) {
      const at = `${where} container ${c.name}`;
      for (const field of Object.keys(c)) if (!CONTAINER_FIELDS.has(field)) errors.push(`${at}: unknown field '${field}'`);
      if (!c.image) errors.push(`${at}: no image`);
      else if (!c.image.includes('@') && (!/:[^/]+$/.test(c.image) || c.image.endsWith(':latest'))) {
        errors.push(`${at}: image '${c.image}' must carry a pinned tag, not latest or none`);
      }
      if (!c.livenessProbe || !c.readinessProbe) errors.push(`${at}: needs liveness and readiness probes`);
      if (!c.resources?.requests?.cpu || !c.resources?.requests?.memory || !c.resources?.limits?.memory) {
        errors.push(`${at}: needs cpu and memory requests and a memory limit`);
      }
      const nonRoot = c.securityContext?.runAsNonRoot ?? pod.securityContext?.runAsNonRoot;
      const user = c.securityContext?.runAsUser ?? pod.securityContext?.runAsUser;
      if (nonRoot !== true || user === 0) errors.push(`${at}: must run as non-root`);
      if (c.securityContext?.allowPrivilegeEscalation !== false) errors.push(`${at}: must forbid privilege escalation`);
      if (!c.securityContext?.capabilities?.drop?.includes('ALL')) errors.push(`${at}: must drop all capabilities`);
      if (c.securityContext?.readOnlyRootFilesystem !== true) errors.push(`${at}: needs a read-only root filesystem`);
      for (const e of c.env ?? []) {
        if (SECRET_NAME.test(e.name) && e.value !== undefined) errors.push(`${at}: ${e.name} is a plain value, not a Secret`);
      }
    }
    if ((pod.securityContext?.seccompProfile?.type ?? '') !== 'RuntimeDefault') {
      errors.push(`${where}: needs the RuntimeDefault seccomp profile`);
    }
  }

  for (const service of byKind('Service')) {
    const selector = service.spec?.selector ?? {};
    const pods = workloads.filter((w) => {
      const labels = w.spec.template.metadata?.labels ?? {};
      return Object.keys(selector).length > 0 && Object.entries(selector).every(([k, v]) => labels[k] === v);
    });
    if (pods.length === 0) errors.push(`Service ${service.metadata.name}: its selector matches no pod template`);
    for (const port of service.spec?.ports ?? []) {
      const target = port.targetPort ?? port.port;
      const found = pods.some((w) => podSpecOf(w).containers.some((c) =>
        (c.ports ?? []).some((p) => p.name === target || p.containerPort === target)));
      if (pods.length && !found) errors.push(`Service ${service.metadata.name}: targetPort ${target} is no container port`);
    }
  }

  for (const ingress of byKind('Ingress')) {
    for (const rule of ingress.spec?.rules ?? []) {
      for (const path of rule.http?.paths ?? []) {
        const backend = path.backend?.service;
        const service = byKind('Service').find((s) => s.metadata.name === backend?.name);
        const port = service?.spec.ports.find((p) => p.name === backend?.port?.name || p.port === backend?.port?.number);
        if (!service || !port) errors.push(`Ingress ${ingress.metadata.name}: ${path.path} goes to no existing Service port`);
      }
    }
  }

  const api = workloads.find((w) => w.metadata.name === 'syllabus-api');
  if (apiSettings && api) {
    const container = podSpecOf(api).containers[0];
    const provided = new Map();
    for (const e of container.env ?? []) provided.set(e.name, e.valueFrom?.secretKeyRef ? 'secret' : 'plain');
    for (const from of container.envFrom ?? []) {
      const configMap = byKind('ConfigMap').find((m) => m.metadata.name === from.configMapRef?.name);
      const secret = byKind('Secret').find((s) => s.metadata.name === from.secretRef?.name);
      Object.keys(configMap?.data ?? {}).forEach((k) => provided.set(k, 'plain'));
      Object.keys(secret?.data ?? secret?.stringData ?? {}).forEach((k) => provided.set(k, 'secret'));
    }
    for (const e of container.env ?? []) {
      const ref = e.valueFrom?.secretKeyRef;
      const secret = ref && byKind('Secret').find((s) => s.metadata.name === ref.name);
      if (ref && !(secret?.data ?? {})[ref.key]) errors.push(`syllabus-api: ${e.name} refers to a missing Secret key ${ref.name}/${ref.key}`);
    }
    for (const setting of API_SETTINGS) {
      if (!provided.has(setting)) errors.push(`syllabus-api: the setting ${setting} is not provided`);
      else if (SECRET_NAME.test(setting) && provided.get(setting) !== 'secret') errors.push(`syllabus-api: ${setting} must come from a Secret`);
    }
  }
  return errors;
}

/** No secret value may be written into the base: secrets come from the git-ignored secrets.env. */
function baseSecretErrors() {
  const errors = [];
  const base = join(k8s, 'base');
  for (const file of readdirSync(base).filter((f) => /\.ya?ml$/.test(f))) {
    const text = readFileSync(join(base, file), 'utf8');
    for (const [n, line] of text.split('\n').entries()) {
      const literal = /^\s*-?\s*([A-Z0-9_]+)=(.+)$/.exec(line);
      if (literal && SECRET_NAME.test(literal[1])) errors.push(`base/${file}:${n + 1}: secret value for ${literal[1]} in plain text`);
      if (/^\s*kind:\s*Secret\s*$/.test(line)) errors.push(`base/${file}:${n + 1}: a Secret written by hand`);
    }
  }
  const tracked = execFileSync('git', ['ls-files', '--', 'base/secrets.env'], { cwd: k8s, encoding: 'utf8' }).trim();
  if (tracked) errors.push('base/secrets.env is committed: it must stay git-ignored');
  return errors;
}

function render(overlay) {
  const text = execFileSync('kubectl', ['kustomize', join(k8s, 'overlays', overlay)], { encoding: 'utf8' });
  return parseAllDocuments(text).map((d) => d.toJS()).filter(Boolean);
}

async function checkOverlays() {
  if (!existsSync(join(k8s, 'base', 'secrets.env'))) {
    throw new Error('k8s/base/secrets.env is missing: run via k8s/validate/check.sh, which makes one');
  }
  let failures = 0;
  const overlays = readdirSync(join(k8s, 'overlays'));
  for (const overlay of overlays) {
    const objects = render(overlay);
    const errors = [];
    for (const object of objects) errors.push(...(await schemaErrors(object)));
    errors.push(...policyErrors(objects, { apiSettings: true }));
    console.log(`${errors.length ? 'FAIL' : 'ok  '} ${overlay}: ${objects.length} objects`);
    errors.forEach((e) => console.log(`     ${e}`));
    failures += errors.length ? 1 : 0;
  }
  const secrets = baseSecretErrors();
  console.log(`${secrets.length ? 'FAIL' : 'ok  '} base: no secret values in plain text`);
  secrets.forEach((e) => console.log(`     ${e}`));
  failures += secrets.length ? 1 : 0;
  const total = overlays.length + 1;
  console.log(`${total - failures} passed, ${failures} failed`);
  process.exit(failures ? 1 : 0);
}

/** Breaks a good overlay one way at a time and expects the matching policy to object. */
async function selfTest() {
  const good = render('kind');
  const cases = {
    'latest tag': (o) => (podSpecOf(o.find((x) => x.kind === 'Deployment')).containers[0].image = 'syllabus-api:latest'),
    'no image': (o) => delete podSpecOf(o.find((x) => x.kind === 'Deployment')).containers[0].image,
    'no probes': (o) => delete podSpecOf(o.find((x) => x.kind === 'StatefulSet')).containers[0].readinessProbe,
    'no resources': (o) => delete podSpecOf(o.find((x) => x.kind === 'Deployment')).containers[0].resources,
    'root': (o) => (podSpecOf(o.find((x) => x.kind === 'Deployment')).securityContext.runAsUser = 0),
    'unknown field': (o) => (podSpecOf(o.find((x) => x.kind === 'Deployment')).containers[0].imagePolicy = 'x'),
    'selector matches nothing': (o) => (o.find((x) => x.kind === 'Service').spec.selector = { app: 'nothing' }),
    'wrong targetPort': (o) => (o.find((x) => x.kind === 'Service').spec.ports[0].targetPort = 'nope'),
    'ingress to missing service': (o) => (o.find((x) => x.kind === 'Ingress').spec.rules[0].http.paths[0].backend.service.name = 'gone'),
    'missing API setting': (o) => {
      const m = o.find((x) => x.kind === 'ConfigMap');
      delete m.data.SYLLABUS_DB_URL;
    },
    'secret as plain env': (o) => {
      const c = podSpecOf(o.find((x) => x.kind === 'Deployment' && x.metadata.name === 'syllabus-api')).containers[0];
      c.env = c.env.map((e) => (e.name === 'SYLLABUS_DB_PASSWORD' ? { name: e.name, value: 'hunter2' } : e));
    },
  };
  let failures = 0;
  if (policyErrors(good).length) {
    console.log('FAIL the unbroken overlay already has violations');
    failures++;
  }
  for (const [name, breakIt] of Object.entries(cases)) {
    const objects = structuredClone(good);
    breakIt(objects);
    const caught = policyErrors(objects).length > 0;
    console.log(`${caught ? 'ok  ' : 'FAIL'} policy catches: ${name}`);
    failures += caught ? 0 : 1;
  }
  const schemaCaught = (await schemaErrors({ apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'x' }, spec: { replicas: 'two' } })).length > 0;
  console.log(`${schemaCaught ? 'ok  ' : 'FAIL'} schema catches: a wrong type`);
  failures += schemaCaught ? 0 : 1;
  const total = Object.keys(cases).length + 2;
  console.log(`${total - failures} passed, ${failures} failed`);
  process.exit(failures ? 1 : 0);
}

await (process.argv.includes('--self-test') ? selfTest() : checkOverlays());
