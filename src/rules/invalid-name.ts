import { formatRef } from '../findings.js';
import { kindInfo, type NameRule } from '../k8s/kinds.js';
import { dns1123Label, pathSegmentName, portName, validateName } from '../k8s/names.js';
import type { PodTemplateEntry } from '../resolver/graph.js';
import type { Manifest } from '../resolver/manifest.js';
import type { JsonPath } from '../resolver/source-map.js';
import { defineRule, type RuleContext } from './types.js';
import { isRecord } from '../k8s/values.js';

const RULE_TEXT: Record<NameRule, string> = {
  'dns1123-subdomain': 'a DNS-1123 subdomain',
  'dns1123-label': 'a DNS-1123 label',
  'dns1035-label': 'a DNS-1035 label',
  'path-segment': 'a path segment name',
};

/** The problems of a name (or, with `prefix`, a generateName prefix) under a kind's rule. */
function nameProblems(rule: NameRule, value: string, prefix: boolean): string[] {
  if (prefix) {
    // As `maskTrailingDash` in k8s.io/apimachinery: a trailing '-' of a prefix is allowed.
    const masked = value.length > 1 && value.endsWith('-') ? `${value.slice(0, -1)}a` : value;
    // Path segment prefixes are only checked for '/' and '%' (a prefix may be '.').
    if (rule === 'path-segment') return pathSegmentName(masked).filter((e) => !e.startsWith('may not be'));
    return validateName(rule, masked);
  }
  return validateName(rule, value);
}

const reasons = (errs: string[]): string => errs.join('; ');

export default defineRule({
  meta: {
    id: 'invalid-name',
    category: 'correctness',
    severity: 'error',
    rejectsObject: true,
    description:
      'An object, generateName prefix, namespace, container, volume or container port name that the API server rejects.',
    rationale:
      'The API server validates every name against the rule of its kind (DNS-1123 subdomain or label, DNS-1035 label, path segment) and requires container, volume and port names to be well-formed and unique. A bad name makes the whole object fail to apply, so nothing of it reaches the cluster.',
  },
  check(ctx) {
    for (const m of ctx.graph.manifests) checkObjectMeta(ctx, m);
    for (const entry of ctx.graph.podTemplates()) checkPodTemplate(ctx, entry);
  },
});

function checkObjectMeta(ctx: RuleContext, m: Manifest): void {
  const meta = m.object.metadata;
  const info = kindInfo(m.ref.group, m.ref.kind);
  // Custom resources: only the path-segment rule every object name must follow, so no CR is
  // held to a rule its CRD does not impose.
  const rule: NameRule = info?.nameRule ?? 'path-segment';
  const ruleText = info ? RULE_TEXT[rule] : 'a path segment name';
  const what = `${m.ref.kind}`;
  const name = meta.name;
  const generateName = meta.generateName;
  const hasGenerateName = typeof generateName === 'string' && generateName !== '';

  if (typeof name === 'string') {
    if (name === '' && !hasGenerateName) {
      ctx.report({
        node: { manifest: m, path: ['metadata', 'name'] },
        message: `${what} has an empty metadata.name and no generateName, so the API server rejects it (name or generateName is required).`,
      });
    } else if (name !== '') {
      const errs = nameProblems(rule, name, false);
      const max = info?.maxNameLength;
      if (errs.length > 0)
        ctx.report({
          node: { manifest: m, path: ['metadata', 'name'] },
          message: `${what} name "${name}" is not ${ruleText}, so the API server rejects the object: ${reasons(errs)}.`,
        });
      else if (max !== undefined && name.length > max)
        ctx.report({
          node: { manifest: m, path: ['metadata', 'name'] },
          message: `${what} name "${name}" has ${name.length} characters, so the API server rejects the object: must be no more than ${max} characters${m.ref.kind === 'CronJob' ? ' (the names of its Jobs add an 11-character suffix)' : ''}.`,
        });
    }
  }

  if (hasGenerateName) {
    const errs = nameProblems(rule, generateName, true);
    if (errs.length > 0)
      ctx.report({
        node: { manifest: m, path: ['metadata', 'generateName'] },
        message: `${formatRef(m.ref)} has generateName "${generateName}", which is not a valid prefix for ${ruleText}, so the API server rejects the object: ${reasons(errs)}.`,
      });
  }

  const namespace = meta.namespace;
  // Cluster-scoped kinds ignore metadata.namespace; only namespaced objects are checked.
  if (m.ref.namespace !== undefined && typeof namespace === 'string' && namespace !== '') {
    const errs = dns1123Label(namespace);
    if (errs.length > 0)
      ctx.report({
        node: { manifest: m, path: ['metadata', 'namespace'] },
        message: `${what} "${m.ref.name}" names namespace "${namespace}", which is not a DNS-1123 label, so the API server rejects the object: ${reasons(errs)}.`,
      });
  }
}

interface SeenName {
  path: JsonPath;
  label: string;
}

function checkPodTemplate(ctx: RuleContext, entry: PodTemplateEntry): void {
  const { manifest: m, template } = entry;
  const owner = formatRef(m.ref);

  // Containers: init, regular and ephemeral share one name space.
  const containerNames = new Map<string, SeenName>();
  for (const c of entry.containers) {
    const kindText = c.kind === 'initContainer' ? 'init container' : c.kind === 'ephemeralContainer' ? 'ephemeral container' : 'container';
    const raw = c.container.name;
    const namePath = [...c.path, 'name'];
    if (raw === undefined || raw === null || raw === '') {
      ctx.report({
        node: { manifest: m, path: raw === undefined ? c.path : namePath },
        message: `A ${kindText} of ${owner} has no name, so the API server rejects the object (every container needs a unique DNS-1123 label name).`,
      });
      continue;
    }
    if (typeof raw !== 'string') {
      ctx.report({
        node: { manifest: m, path: namePath },
        message: `A ${kindText} name of ${owner} is a ${typeof raw}, not a string, so the API server cannot read the object; quote it.`,
      });
      continue;
    }
    const errs = dns1123Label(raw);
    if (errs.length > 0) {
      ctx.report({
        node: { manifest: m, path: namePath },
        message: `${capital(kindText)} name "${raw}" in ${owner} is not a DNS-1123 label, so the API server rejects the object: ${reasons(errs)}.`,
      });
      continue;
    }
    const seen = containerNames.get(raw);
    if (seen) {
      ctx.report({
        node: { manifest: m, path: namePath },
        message: `${capital(kindText)} name "${raw}" is used twice in ${owner} (also by the ${seen.label}), so the API server rejects the object: every init, regular and ephemeral container of a pod needs its own name.`,
        related: [{ node: { manifest: m, path: seen.path }, note: `the ${seen.label} named "${raw}"` }],
      });
    } else {
      containerNames.set(raw, { path: namePath, label: kindText });
    }
  }

  // Volumes.
  const volumes = template.spec.volumes;
  if (Array.isArray(volumes)) {
    const volumeNames = new Map<string, SeenName>();
    volumes.forEach((v, i) => {
      if (!isRecord(v)) return;
      const volPath = [...template.specPath, 'volumes', i];
      const raw = v.name;
      const namePath = [...volPath, 'name'];
      if (raw === undefined || raw === null || raw === '') {
        ctx.report({
          node: { manifest: m, path: raw === undefined ? volPath : namePath },
          message: `A volume of ${owner} has no name, so the API server rejects the object (every volume needs a unique DNS-1123 label name).`,
        });
        return;
      }
      if (typeof raw !== 'string') {
        ctx.report({
          node: { manifest: m, path: namePath },
          message: `A volume name of ${owner} is a ${typeof raw}, not a string, so the API server cannot read the object; quote it.`,
        });
        return;
      }
      const errs = dns1123Label(raw);
      if (errs.length > 0) {
        ctx.report({
          node: { manifest: m, path: namePath },
          message: `Volume name "${raw}" in ${owner} is not a DNS-1123 label, so the API server rejects the object: ${reasons(errs)}.`,
        });
        return;
      }
      const seen = volumeNames.get(raw);
      if (seen) {
        ctx.report({
          node: { manifest: m, path: namePath },
          message: `Volume name "${raw}" is used twice in ${owner}, so the API server rejects the object: volume names must be unique.`,
          related: [{ node: { manifest: m, path: seen.path }, note: `the first volume named "${raw}"` }],
        });
      } else {
        volumeNames.set(raw, { path: namePath, label: 'volume' });
      }
    });
  }

  // Container port names: IANA_SVC_NAME, unique per container (enforced by the API server) and,
  // as documented, within the pod (not enforced: a warning).
  const podPortNames = new Map<string, { path: JsonPath; container: string }>();
  for (const c of entry.containers) {
    const ports = c.container.ports;
    if (!Array.isArray(ports)) continue;
    const ownNames = new Map<string, JsonPath>();
    ports.forEach((p, i) => {
      if (!isRecord(p)) return;
      const raw = p.name;
      if (raw === undefined || raw === null || raw === '') return; // port names are optional
      const namePath = [...c.path, 'ports', i, 'name'];
      if (typeof raw !== 'string') {
        ctx.report({
          node: { manifest: m, path: namePath },
          message: `A port name of container "${c.name}" in ${owner} is a ${typeof raw}, not a string, so the API server cannot read the object; quote it.`,
        });
        return;
      }
      const errs = portName(raw);
      if (errs.length > 0) {
        ctx.report({
          node: { manifest: m, path: namePath },
          message: `Port name "${raw}" of container "${c.name}" in ${owner} is not a valid IANA service name, so the API server rejects the object: ${reasons(errs)}.`,
        });
        return;
      }
      const own = ownNames.get(raw);
      if (own) {
        ctx.report({
          node: { manifest: m, path: namePath },
          message: `Port name "${raw}" is used twice in container "${c.name}" of ${owner}, so the API server rejects the object: port names must be unique.`,
          related: [{ node: { manifest: m, path: own }, note: `the first port named "${raw}"` }],
        });
        return;
      }
      ownNames.set(raw, namePath);
      const other = podPortNames.get(raw);
      if (other) {
        ctx.report({
          node: { manifest: m, path: namePath },
          severity: 'warning',
          message: `Port name "${raw}" of container "${c.name}" is also used by container "${other.container}" in ${owner}, so a Service targetPort that names it only ever reaches the first container's port.`,
          related: [{ node: { manifest: m, path: other.path }, note: `the port named "${raw}" in container "${other.container}"` }],
        });
      } else {
        podPortNames.set(raw, { path: namePath, container: c.name });
      }
    });
  }
}

function capital(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
