// Unknown fields, as kubeconform's strict mode and `kubectl apply --validate=strict` reject them:
// every key of a core Kubernetes object is looked up in the field lists of the official JavaScript
// client's models (@kubernetes/client-node), so a misspelt `readinesProbe` or `paht` is caught.
// Custom resources (Gateway API, cert-manager) have no such lists here; their schemas are checked
// by kubernetes-models instead.
import { createRequire } from 'node:module';

const models = createRequire(import.meta.url)('@kubernetes/client-node');

/** The client's model class of an object, e.g. V1Deployment or V2HorizontalPodAutoscaler; null for custom resources. */
function modelOf(object) {
  const version = object.apiVersion.split('/').pop();
  const name = `${version.charAt(0).toUpperCase()}${version.slice(1)}${object.kind}`;
  return typeof models[name]?.getAttributeTypeMap === 'function' ? name : null;
}

function walk(value, type, path, errors) {
  if (value === null || value === undefined) return;
  const list = /^Array<(.+)>$/.exec(type);
  if (list) {
    if (Array.isArray(value)) value.forEach((item, i) => walk(item, list[1], `${path}[${i}]`, errors));
    return;
  }
  const map = /^\{ \[key: string\]: (.+); \}$/.exec(type);
  if (map) {
    if (typeof value === 'object') Object.entries(value).forEach(([k, v]) => walk(v, map[1], `${path}.${k}`, errors));
    return;
  }
  const model = models[type];
  if (typeof model?.getAttributeTypeMap !== 'function' || typeof value !== 'object' || Array.isArray(value)) return;
  const fields = new Map(model.getAttributeTypeMap().map((a) => [a.baseName, a.type]));
  for (const [key, child] of Object.entries(value)) {
    if (!fields.has(key)) errors.push(`${path}: unknown field '${key}'`);
    else walk(child, fields.get(key), `${path}.${key}`, errors);
  }
}

/** The unknown fields of one object, each as "Kind name: path: unknown field 'x'". */
export function unknownFields(object) {
  const model = modelOf(object);
  if (!model) return [];
  const errors = [];
  walk(object, model, '', errors);
  return errors.map((e) => `${object.kind} ${object.metadata?.name}: ${e.replace(/^\./, '') || '(top)'}`);
}

export const isCoreKind = (object) => modelOf(object) !== null;
