// Offline checks of every overlay and of every combination of the optional components: render with
// `kubectl kustomize`, validate each object against the Kubernetes schemas (kubernetes-models, and
// the Gateway API and cert-manager models for those kinds), reject unknown fields (strict.mjs),
// then apply the project's own policies (the checks kube-score and kube-linter users rely on).
// Usage: node check.mjs            check ../overlays/* and every combination of ../components/*
//        node check.mjs --self-test prove each policy rejects a manifest that breaks it
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseAllDocuments } from 'yaml';
import { unknownFields } from './strict.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const k8s = join(here, '..');

/** Settings the API must get in production, and which of them are secret. */
const API_SETTINGS = ['SYLLABUS_DB_URL', 'SYLLABUS_DB_USER', 'SYLLABUS_DB_PASSWORD', 'SYLLABUS_ADMIN_LOGIN',
  'SYLLABUS_ADMIN_PASSWORD', 'SYLLABUS_GITHUB_WEBHOOK_SECRET'];
const SECRET_NAME = /PASSWORD|SECRET|TOKEN|KEY$/;
/** The Secret the secrets Job makes in the cluster, and the ConfigMap holding the Job's script. */
const MADE_SECRET = 'syllabus-secrets';
const SECRETS_SCRIPT = 'syllabus-make-secrets';
/** Order matters: gateway before tls, so that tls secures the Gateway (see components/tls). */
const COMPONENTS = ['network-policies', 'autoscaling', 'gateway', 'tls'];

const podSpecOf = (o) => (['Deployment', 'StatefulSet'].includes(o.kind) ? o.spec?.template?.spec
  : o.kind === 'Job' ? o.spec?.template?.spec : undefined);
const matches = (selector, labels) => Object.keys(selector ?? {}).length > 0
  && Object.entries(selector).every(([k, v]) => (labels ?? {})[k] === v);
const handler = (probe) => JSON.stringify(probe && { exec: probe.exec, httpGet: probe.httpGet, tcpSocket: probe.tcpSocket, grpc: probe.grpc });

const CUSTOM_MODELS = {
  'gateway.networking.k8s.io/v1': '@kubernetes-models/gateway-api/gateway.networking.k8s.io/v1',
  'cert-manager.io/v1': '@kubernetes-models/cert-manager/cert-manager.io/v1',
};

async function schemaErrors(object) {
  const [group, version] = object.apiVersion.includes('/') ? object.apiVersion.split('/') : ['', object.apiVersion];
  const module = CUSTOM_MODELS[object.apiVersion] ?? `kubernetes-models/${group ? `${group}/${version}` : version}`;
  let Model;
  try {
    Model = (await import(`${module}/${object.kind}`))[object.kind];
  } catch {
    return [`${object.kind} ${object.metadata?.name}: unknown kind ${object.apiVersion}/${object.kind}`];
  }
  const errors = unknownFields(object);
  try {
    new Model(object).validate();
  } catch (error) {
    errors.push(`${object.kind} ${object.metadata?.name}: ${String(error.message ?? error).split('\n').slice(0, 4).join(' ')}`);
  }
  return errors;
}

/** The keys the secrets Job writes into the Secret it makes, read from its script. */
function madeSecretKeys(objects) {
  const script = objects.find((o) => o.kind === 'ConfigMap' && o.metadata.name === SECRETS_SCRIPT);
  const text = Object.values(script?.data ?? {}).join('\n');
  return new Set([...text.matchAll(/"(SYLLABUS_[A-Z_]+)":"%s"/g)].map((m) => m[1]));
}

function containerErrors(pod, where) {
  const errors = [];
  for (const c of [...(pod.initContainers ?? []), ...(pod.containers ?? [])]) {
    const at = `${where} container ${c.name}`;
    if (!c.image) errors.push(`${at}: no image`);
    else if (!c.image.includes('@') && (!/:[^/]+$/.test(c.image) || c.image.endsWith(':latest'))) {
      errors.push(`${at}: image '${c.image}' must carry a pinned tag (or a digest), not latest or none`);
    }
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
  return errors;
}

/** Long-running workloads: probes that mean something, spread and disruption budgets when replicated, a clean stop. */
function workloadErrors(workload, objects) {
  const errors = [];
  const pod = podSpecOf(workload);
  const where = `${workload.kind} ${workload.metadata.name}`;
  for (const c of pod.containers ?? []) {
    const at = `${where} container ${c.name}`;
    if (!c.livenessProbe || !c.readinessProbe) errors.push(`${at}: needs liveness and readiness probes`);
    else if (handler(c.livenessProbe) === handler(c.readinessProbe)) {
      errors.push(`${at}: liveness and readiness probes are identical (a failing dependency would restart it)`);
    }
  }
  const labels = workload.spec.template.metadata?.labels;
  const hpa = objects.find((o) => o.kind === 'HorizontalPodAutoscaler' && o.spec.scaleTargetRef?.name === workload.metadata.name);
  const replicated = (workload.spec.replicas ?? 1) > 1 || (hpa?.spec.maxReplicas ?? 1) > 1;
  if (replicated) {
    const spread = (pod.topologySpreadConstraints ?? []).some((t) => matches(t.labelSelector?.matchLabels, labels))
      || (pod.affinity?.podAntiAffinity ? true : false);
    if (!spread) errors.push(`${where}: replicated, so it needs topology spread constraints or pod anti-affinity`);
    const budget = objects.some((o) => o.kind === 'PodDisruptionBudget' && matches(o.spec.selector?.matchLabels, labels));
    if (!budget) errors.push(`${where}: replicated, so it needs a PodDisruptionBudget that selects its pods`);
  }
  if (workload.kind === 'Deployment') {
    const pause = Math.max(0, ...pod.containers.map((c) => c.lifecycle?.preStop?.sleep?.seconds ?? -1));
    if (pause <= 0) errors.push(`${where}: needs a preStop pause, so endpoints drop it before it stops serving`);
    else if ((pod.terminationGracePeriodSeconds ?? 30) <= pause) {
      errors.push(`${where}: terminationGracePeriodSeconds must exceed the preStop pause (${pause} s)`);
    }
  }
  return errors;
}

function routingErrors(objects) {
  const errors = [];
  const byKind = (kind) => objects.filter((o) => o.kind === kind);
  const servicePort = (name, port) => {
    const service = byKind('Service').find((s) => s.metadata.name === name);
    return service?.spec.ports.find((p) => p.name === port?.name || p.port === port?.number || p.port === port);
  };
  const workloads = objects.filter((o) => ['Deployment', 'StatefulSet'].includes(o.kind));
  for (const service of byKind('Service')) {
    const pods = workloads.filter((w) => matches(service.spec?.selector, w.spec.template.metadata?.labels));
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
        if (!servicePort(backend?.name, backend?.port)) errors.push(`Ingress ${ingress.metadata.name}: ${path.path} goes to no existing Service port`);
      }
    }
  }
  for (const route of byKind('HTTPRoute')) {
    for (const rule of route.spec?.rules ?? []) {
      for (const ref of rule.backendRefs ?? []) {
        if (!servicePort(ref.name, ref.port)) errors.push(`HTTPRoute ${route.metadata.name}: backend ${ref.name}:${ref.port} is no Service port`);
      }
      const serves = (rule.backendRefs ?? []).length > 0;
      for (const parent of route.spec.parentRefs ?? []) {
        const gateway = byKind('Gateway').find((g) => g.metadata.name === parent.name);
        const listener = gateway?.spec.listeners.find((l) => l.name === parent.sectionName);
        if (serves && (!gateway || (parent.sectionName && !listener))) {
          errors.push(`HTTPRoute ${route.metadata.name}: serves through ${parent.name}/${parent.sectionName ?? '*'}, which does not exist`);
        }
      }
    }
  }
  for (const budget of byKind('PodDisruptionBudget')) {
    if (!workloads.some((w) => matches(budget.spec.selector?.matchLabels, w.spec.template.metadata?.labels))) {
      errors.push(`PodDisruptionBudget ${budget.metadata.name}: selects no pods`);
    }
  }
  return errors;
}

/** With network policies: a default deny both ways, so that only what is allowed flows. */
function networkErrors(objects) {
  const policies = objects.filter((o) => o.kind === 'NetworkPolicy');
  if (policies.length === 0) return [];
  const denyAll = policies.some((p) => Object.keys(p.spec.podSelector ?? {}).length === 0
    && ['Ingress', 'Egress'].every((t) => (p.spec.policyTypes ?? []).includes(t))
    && !(p.spec.ingress ?? []).length && !(p.spec.egress ?? []).length);
  return denyAll ? [] : ['NetworkPolicy: network policies without a default deny of ingress and egress allow everything they do not name'];
}

/** With a certificate: every entry point serves HTTPS, redirects plain HTTP and sends HSTS. */
function tlsErrors(objects) {
  if (!objects.some((o) => o.kind === 'Certificate')) return [];
  const errors = [];
  for (const ingress of objects.filter((o) => o.kind === 'Ingress')) {
    if (!(ingress.spec.tls ?? []).length) errors.push(`Ingress ${ingress.metadata.name}: no tls, although the overlay has a certificate`);
    if (ingress.metadata.annotations?.['nginx.ingress.kubernetes.io/force-ssl-redirect'] !== 'true') {
      errors.push(`Ingress ${ingress.metadata.name}: plain HTTP is not redirected to HTTPS`);
    }
  }
  for (const gateway of objects.filter((o) => o.kind === 'Gateway')) {
    const https = gateway.spec.listeners.filter((l) => l.protocol === 'HTTPS');
    if (!https.length) errors.push(`Gateway ${gateway.metadata.name}: no HTTPS listener, although the overlay has a certificate`);
    for (const route of objects.filter((o) => o.kind === 'HTTPRoute')) {
      const onHttp = (route.spec.parentRefs ?? []).some((p) => gateway.spec.listeners.find((l) => l.name === p.sectionName)?.protocol === 'HTTP');
      const serves = route.spec.rules.some((r) => (r.backendRefs ?? []).length);
      if (onHttp && serves) errors.push(`HTTPRoute ${route.metadata.name}: serves plain HTTP instead of redirecting it`);
      const hsts = route.spec.rules.every((r) => !(r.backendRefs ?? []).length || (r.filters ?? []).some((f) =>
        (f.responseHeaderModifier?.set ?? []).some((h) => h.name === 'Strict-Transport-Security')));
      if (!hsts) errors.push(`HTTPRoute ${route.metadata.name}: HTTPS answers without Strict-Transport-Security`);
    }
  }
  return errors;
}

function apiSettingErrors(objects) {
  const errors = [];
  const api = objects.find((w) => w.kind === 'Deployment' && w.metadata.name === 'syllabus-api');
  if (!api) return errors;
  const container = podSpecOf(api).containers[0];
  const madeKeys = madeSecretKeys(objects);
  const secretHas = (name, key) => {
    const secret = objects.find((s) => s.kind === 'Secret' && s.metadata.name === name);
    return secret ? key in (secret.data ?? secret.stringData ?? {}) : name === MADE_SECRET && madeKeys.has(key);
  };
  const provided = new Map();
  for (const e of container.env ?? []) {
    const ref = e.valueFrom?.secretKeyRef;
    provided.set(e.name, ref ? 'secret' : 'plain');
    if (ref && !ref.optional && !secretHas(ref.name, ref.key)) {
      errors.push(`syllabus-api: ${e.name} refers to ${ref.name}/${ref.key}, which neither the manifests nor the secrets Job provide`);
    }
  }
  for (const from of container.envFrom ?? []) {
    const configMap = objects.find((m) => m.kind === 'ConfigMap' && m.metadata.name === from.configMapRef?.name);
    Object.keys(configMap?.data ?? {}).forEach((k) => provided.set(k, 'plain'));
  }
  for (const setting of API_SETTINGS) {
    if (!provided.has(setting)) errors.push(`syllabus-api: the setting ${setting} is not provided`);
    else if (SECRET_NAME.test(setting) && provided.get(setting) !== 'secret') errors.push(`syllabus-api: ${setting} must come from a Secret`);
  }
  return errors;
}

/** The secrets Job may read only its own Secret; everything else it may do is create. */
function secretsJobErrors(objects) {
  const role = objects.find((o) => o.kind === 'Role' && o.metadata.name === 'syllabus-secrets');
  if (!role) return [];
  const wide = role.rules.filter((r) => r.verbs.some((v) => v !== 'create') && !(r.resourceNames ?? []).length);
  return wide.length ? [`Role syllabus-secrets: may ${wide.flatMap((r) => r.verbs).join(', ')} any Secret; only create may be unnamed`] : [];
}

/** The project's policies over one rendered set of objects; returns the violations. */
export function policyErrors(objects, { apiSettings = true } = {}) {
  const errors = [];
  for (const workload of objects.filter(podSpecOf)) {
    errors.push(...containerErrors(podSpecOf(workload), `${workload.kind} ${workload.metadata.name}`));
    if (workload.kind !== 'Job') errors.push(...workloadErrors(workload, objects));
  }
  errors.push(...routingErrors(objects), ...networkErrors(objects), ...tlsErrors(objects), ...secretsJobErrors(objects));
  if (apiSettings) errors.push(...apiSettingErrors(objects));
  return errors;
}

/** No secret value may be written into the repository's manifests. */
function committedSecretErrors() {
  const errors = [];
  const files = execFileSync('git', ['ls-files', '--', '.'], { cwd: k8s, encoding: 'utf8' }).split('\n').filter(Boolean);
  for (const file of files.filter((f) => /\.(ya?ml|env)$/.test(f))) {
    const text = execFileSync('git', ['show', `:./${file}`], { cwd: k8s, encoding: 'utf8' });
    for (const [n, line] of text.split('\n').entries()) {
      const literal = /^\s*-?\s*([A-Z0-9_]+)=(.+)$/.exec(line);
      if (literal && SECRET_NAME.test(literal[1])) errors.push(`${file}:${n + 1}: secret value for ${literal[1]} in plain text`);
      if (/^\s*kind:\s*Secret\s*$/.test(line)) errors.push(`${file}:${n + 1}: a Secret written by hand`);
    }
  }
  if (files.some((f) => f.endsWith('secrets.env'))) errors.push('a secrets.env is committed: it must stay git-ignored');
  return errors;
}

function render(dir) {
  const text = execFileSync('kubectl', ['kustomize', dir], { encoding: 'utf8' });
  return parseAllDocuments(text).map((d) => d.toJS()).filter(Boolean);
}

/** Every subset of the components, in their fixed order, on the base: 2^n kustomizations in a scratch folder. */
function combinations() {
  const scratch = join(here, '.render');
  rmSync(scratch, { recursive: true, force: true });
  const dirs = [];
  for (let mask = 0; mask < 1 << COMPONENTS.length; mask++) {
    const chosen = COMPONENTS.filter((_, i) => mask & (1 << i));
    const dir = join(scratch, chosen.length ? chosen.join('+') : 'base-only');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'kustomization.yaml'), [
      'apiVersion: kustomize.config.k8s.io/v1beta1', 'kind: Kustomization', 'resources:', '  - ../../../base',
      ...(chosen.length ? ['components:', ...chosen.map((c) => `  - ../../../components/${c}`)] : []), ''].join('\n'));
    dirs.push({ name: `components: ${chosen.join(' + ') || '(none)'}`, dir });
  }
  return dirs;
}

async function checkAll() {
  const targets = [
    ...readdirSync(join(k8s, 'overlays')).map((o) => ({ name: `overlay ${o}`, dir: join(k8s, 'overlays', o) })),
    ...combinations(),
  ];
  let failures = 0;
  for (const { name, dir } of targets) {
    const objects = render(dir);
    const errors = [];
    for (const object of objects) errors.push(...(await schemaErrors(object)));
    errors.push(...policyErrors(objects));
    console.log(`${errors.length ? 'FAIL' : 'ok  '} ${name}: ${objects.length} objects`);
    errors.forEach((e) => console.log(`     ${e}`));
    failures += errors.length ? 1 : 0;
  }
  rmSync(join(here, '.render'), { recursive: true, force: true });
  const secrets = committedSecretErrors();
  console.log(`${secrets.length ? 'FAIL' : 'ok  '} repository: no secret values in the manifests`);
  secrets.forEach((e) => console.log(`     ${e}`));
  failures += secrets.length ? 1 : 0;
  const total = targets.length + 1;
  console.log(`${total - failures} passed, ${failures} failed`);
  process.exit(failures ? 1 : 0);
}

/** Breaks a good overlay one way at a time and expects the matching check to object. */
async function selfTest() {
  const good = render(join(k8s, 'overlays', 'kind'));
  const ingress = render(join(k8s, 'overlays', 'kind-ingress'));
  const find = (objects, kind, name) => objects.find((x) => x.kind === kind && (!name || x.metadata.name.startsWith(name)));
  const api = (o) => podSpecOf(find(o, 'Deployment', 'syllabus-api')).containers[0];
  const policyCases = {
    'latest tag': [good, (o) => (api(o).image = 'syllabus-api:latest')],
    'no image': [good, (o) => delete api(o).image],
    'no probes': [good, (o) => delete podSpecOf(find(o, 'StatefulSet')).containers[0].readinessProbe],
    'identical probes': [good, (o) => (api(o).livenessProbe = structuredClone(api(o).readinessProbe))],
    'no resources': [good, (o) => delete api(o).resources],
    'root': [good, (o) => (podSpecOf(find(o, 'Deployment', 'syllabus-web')).securityContext.runAsUser = 0)],
    'root in the secrets Job': [good, (o) => (podSpecOf(find(o, 'Job')).securityContext.runAsUser = 0)],
    'replicated without spread': [good, (o) => delete podSpecOf(find(o, 'Deployment', 'syllabus-web')).topologySpreadConstraints],
    'replicated without a disruption budget': [good, (o) => o.splice(o.indexOf(find(o, 'PodDisruptionBudget', 'syllabus-api')), 1)],
    'disruption budget selecting nothing': [good, (o) => (find(o, 'PodDisruptionBudget').spec.selector.matchLabels = { app: 'none' })],
    'no preStop pause': [good, (o) => delete api(o).lifecycle],
    'grace period shorter than the pause': [good, (o) => (podSpecOf(find(o, 'Deployment', 'syllabus-api')).terminationGracePeriodSeconds = 5)],
    'selector matches nothing': [good, (o) => (find(o, 'Service').spec.selector = { app: 'nothing' })],
    'wrong targetPort': [good, (o) => (find(o, 'Service').spec.ports[0].targetPort = 'nope')],
    'ingress to missing service': [ingress, (o) => (find(o, 'Ingress').spec.rules[0].http.paths[0].backend.service.name = 'gone')],
    'route to missing service': [good, (o) => (find(o, 'HTTPRoute', 'syllabus-web').spec.rules[0].backendRefs[0].name = 'gone')],
    'no default deny': [good, (o) => o.splice(o.indexOf(find(o, 'NetworkPolicy', 'default-deny')), 1)],
    'ingress without tls': [ingress, (o) => delete find(o, 'Ingress').spec.tls],
    'ingress without redirect': [ingress, (o) => delete find(o, 'Ingress').metadata.annotations['nginx.ingress.kubernetes.io/force-ssl-redirect']],
    'gateway without https': [good, (o) => (find(o, 'Gateway').spec.listeners = find(o, 'Gateway').spec.listeners.filter((l) => l.protocol !== 'HTTPS'))],
    'route serving plain http': [good, (o) => (find(o, 'HTTPRoute', 'syllabus-web').spec.parentRefs[0].sectionName = 'http-redirect')],
    'route without hsts': [good, (o) => delete find(o, 'HTTPRoute', 'syllabus-api').spec.rules[0].filters],
    'missing API setting': [good, (o) => delete find(o, 'ConfigMap', 'syllabus-api-config').data.SYLLABUS_DB_URL],
    'secret as plain env': [good, (o) => {
      api(o).env = api(o).env.map((e) => (e.name === 'SYLLABUS_DB_PASSWORD' ? { name: e.name, value: 'hunter2' } : e));
    }],
    'secret key nobody makes': [good, (o) => (api(o).env.find((e) => e.name === 'SYLLABUS_ADMIN_PASSWORD').valueFrom.secretKeyRef.key = 'ADMIN')],
    'secrets Job reading every Secret': [good, (o) => find(o, 'Role', 'syllabus-secrets').rules.push({ apiGroups: [''], resources: ['secrets'], verbs: ['get', 'list'] })],
  };
  let failures = 0;
  for (const [name, objects] of [['kind', good], ['kind-ingress', ingress]]) {
    if (policyErrors(objects).length) {
      console.log(`FAIL the unbroken overlay ${name} already has violations: ${policyErrors(objects).join('; ')}`);
      failures++;
    }
  }
  for (const [name, [base, breakIt]] of Object.entries(policyCases)) {
    const objects = structuredClone(base);
    breakIt(objects);
    const caught = policyErrors(objects).length > 0;
    console.log(`${caught ? 'ok  ' : 'FAIL'} policy catches: ${name}`);
    failures += caught ? 0 : 1;
  }
  const schemaCases = {
    'a wrong type': { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'x' }, spec: { replicas: 'two' } },
    'a misspelt field': (() => { const d = structuredClone(find(good, 'Deployment', 'syllabus-api')); podSpecOf(d).containers[0].readinesProbe = {}; return d; })(),
    'a misspelt nested field': (() => { const d = structuredClone(find(good, 'Deployment', 'syllabus-api')); podSpecOf(d).containers[0].livenessProbe.httpGet.paht = '/'; return d; })(),
    'a Gateway listener without a port': (() => { const g = structuredClone(find(good, 'Gateway')); delete g.spec.listeners[0].port; return g; })(),
    'a Certificate without an issuer': (() => { const c = structuredClone(find(good, 'Certificate')); delete c.spec.issuerRef; return c; })(),
  };
  for (const [name, object] of Object.entries(schemaCases)) {
    const caught = (await schemaErrors(object)).length > 0;
    console.log(`${caught ? 'ok  ' : 'FAIL'} schema catches: ${name}`);
    failures += caught ? 0 : 1;
  }
  const total = Object.keys(policyCases).length + Object.keys(schemaCases).length + 2;
  console.log(`${total - failures} passed, ${failures} failed`);
  process.exit(failures ? 1 : 0);
}

await (process.argv.includes('--self-test') ? selfTest() : checkAll());
