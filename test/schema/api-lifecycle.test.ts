import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import {
  API_LIFECYCLES,
  availabilityIn,
  formatGvk,
  lifecycleOf,
  migrationIn,
  parseGvk,
  predecessorIn,
} from '../../src/schema/api-lifecycle.js';
import type { GroupVersionKind } from '../../src/schema/types.js';
import {
  compareKubernetesVersions,
  DEFAULT_KUBERNETES_VERSION,
  parseKubernetesVersion,
  SUPPORTED_KUBERNETES_VERSIONS,
} from '../../src/schema/versions.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

const gvk = (text: string): GroupVersionKind => parseGvk(text);

function dtsFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = path.join(dir, name);
    if (statSync(p).isDirectory()) return name === 'node_modules' || name === '_schemas' ? [] : dtsFiles(p);
    return name.endsWith('.d.ts') ? [p] : [];
  });
}

/** The string literal type of a property of an interface (`apiVersion?: "apps/v1"`), if any. */
function literalOf(members: ts.NodeArray<ts.TypeElement>, name: string): string | undefined {
  for (const m of members) {
    if (!ts.isPropertySignature(m) || !m.type || !m.name) continue;
    const key = ts.isIdentifier(m.name) || ts.isStringLiteral(m.name) ? m.name.text : undefined;
    if (key !== name) continue;
    if (ts.isLiteralTypeNode(m.type) && ts.isStringLiteral(m.type.literal)) return m.type.literal.text;
  }
  return undefined;
}

/**
 * The `group/version Kind` of every top-level type of a package of Kubernetes declarations: an
 * interface whose `apiVersion` and `kind` are string literals. List kinds are left out.
 */
function declaredGvks(packageDir: string): Set<string> {
  const out = new Set<string>();
  for (const file of dtsFiles(path.join(ROOT, 'node_modules', packageDir))) {
    const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.ES2022, false);
    source.forEachChild(function visit(node): void {
      if (ts.isInterfaceDeclaration(node)) {
        const apiVersion = literalOf(node.members, 'apiVersion');
        const kind = literalOf(node.members, 'kind');
        if (apiVersion && kind && !kind.endsWith('List')) out.add(`${apiVersion} ${kind}`);
      }
      node.forEachChild(visit);
    });
  }
  return out;
}

/** Types of the API machinery that are not resources anyone writes in a manifest. */
const META_KINDS = new Set(['v1 APIGroup', 'v1 APIVersions', 'v1 APIGroupList', 'v1 APIResourceList', 'v1 Status', 'v1 WatchEvent']);

describe('Kubernetes versions', () => {
  it('supports 1.16 to 1.36, oldest first, with 1.36 as the default', () => {
    expect(SUPPORTED_KUBERNETES_VERSIONS[0]).toBe('1.16');
    expect(SUPPORTED_KUBERNETES_VERSIONS.at(-1)).toBe('1.36');
    expect(SUPPORTED_KUBERNETES_VERSIONS).toHaveLength(21);
    expect(DEFAULT_KUBERNETES_VERSION).toBe('1.36');
    const sorted = [...SUPPORTED_KUBERNETES_VERSIONS].sort(compareKubernetesVersions);
    expect(sorted).toEqual(SUPPORTED_KUBERNETES_VERSIONS);
  });

  it('reads 1.29, v1.29 and 1.29.3 as 1.29', () => {
    for (const input of ['1.29', 'v1.29', '1.29.3', 'v1.29.3', ' 1.29 ']) {
      expect(parseKubernetesVersion(input)).toEqual({ ok: true, version: '1.29' });
    }
  });

  it('rejects other input with a message naming the supported range', () => {
    for (const input of ['2.0', '1.15', '1.37', '1', 'latest', '1.29.x', '', 'v1.29-rc.1']) {
      const parsed = parseKubernetesVersion(input);
      expect(parsed.ok, input).toBe(false);
      if (!parsed.ok) expect(parsed.error).toContain('1.16 to 1.36');
    }
  });

  it('compares numerically, not as strings', () => {
    expect(compareKubernetesVersions('1.9', '1.16')).toBeLessThan(0);
    expect(compareKubernetesVersions('1.22', '1.22')).toBe(0);
    expect(compareKubernetesVersions('v1.30', '1.29')).toBeGreaterThan(0);
  });
});

describe('API lifecycle table', () => {
  it('has one entry per GVK, and every replacement is itself in the table', () => {
    const keys = API_LIFECYCLES.map((e) => formatGvk(e.gvk));
    expect(new Set(keys).size).toBe(keys.length);
    for (const e of API_LIFECYCLES) {
      if (e.replacement) expect(lifecycleOf(parseGvk(e.replacement)), `${formatGvk(e.gvk)} → ${e.replacement}`).toBeDefined();
    }
  });

  it('orders introduced < deprecated < removed and uses X.Y versions', () => {
    for (const e of API_LIFECYCLES) {
      const name = formatGvk(e.gvk);
      for (const v of [e.introduced, e.deprecated, e.removed]) if (v) expect(v, name).toMatch(/^1\.\d+$/);
      if (e.introduced && e.deprecated) expect(compareKubernetesVersions(e.introduced, e.deprecated), name).toBeLessThan(0);
      if (e.introduced && e.removed) expect(compareKubernetesVersions(e.introduced, e.removed), name).toBeLessThan(0);
      if (e.deprecated && e.removed) expect(compareKubernetesVersions(e.deprecated, e.removed), name).toBeLessThan(0);
    }
  });

  it('says for every removed API where to go, or why nothing replaces it', () => {
    const removed = API_LIFECYCLES.filter((e) => e.removed !== undefined);
    expect(removed.length).toBeGreaterThan(10);
    for (const e of removed) expect(e.replacement ?? e.note, formatGvk(e.gvk)).toBeTruthy();
  });

  it('answers unknown for custom resources and GVKs it does not track', () => {
    expect(availabilityIn(gvk('example.com/v1 Widget'), '1.30')).toBe('unknown');
    expect(availabilityIn(gvk('apps/v2 Deployment'), '1.30')).toBe('unknown');
    expect(lifecycleOf(gvk('v1 Status'))).toBeUndefined();
  });

  it('knows the core kinds as available in every supported version', () => {
    for (const v of SUPPORTED_KUBERNETES_VERSIONS) {
      for (const k of ['v1 Pod', 'v1 Service', 'v1 ConfigMap', 'apps/v1 Deployment', 'batch/v1 Job', 'networking.k8s.io/v1 NetworkPolicy']) {
        expect(availabilityIn(gvk(k), v), `${k} in ${v}`).toBe('available');
      }
    }
  });

  for (const [pkg, version] of [
    ['kubernetes-types-1.25', '1.25'],
    ['kubernetes-types-1.30', '1.30'],
  ] as const) {
    describe(`agrees with ${pkg}`, () => {
      const declared = declaredGvks(pkg);

      it('finds the GVK literals of the package', () => {
        expect(declared.size).toBeGreaterThan(60);
        expect(declared.has('v1 ConfigMap')).toBe(true);
        expect(declared.has('apps/v1 Deployment')).toBe(true);
      });

      it(`serves in ${version} every GVK the package declares`, () => {
        const wrong = [...declared]
          .filter((k) => !META_KINDS.has(k))
          .map((k) => `${k}: ${availabilityIn(gvk(k), version)}`)
          .filter((line) => !/: (available|deprecated)$/.test(line));
        expect(wrong).toEqual([]);
      });

      it(`has nothing removed by ${version} that the package still declares`, () => {
        const removed = API_LIFECYCLES.filter((e) => availabilityIn(e.gvk, version) === 'removed').map((e) => formatGvk(e.gvk));
        expect(removed.length).toBeGreaterThan(30);
        expect(removed.filter((k) => declared.has(k))).toEqual([]);
      });

      it(`has nothing introduced after ${version} that the package declares`, () => {
        const future = API_LIFECYCLES.filter((e) => availabilityIn(e.gvk, version) === 'not-yet-introduced').map((e) => formatGvk(e.gvk));
        expect(future.filter((k) => declared.has(k))).toEqual([]);
      });
    });
  }

  it('knows every GVK of kubernetes-models (Kubernetes 1.36 plus the removed versions it merges)', () => {
    const declared = declaredGvks('kubernetes-models');
    expect(declared.size).toBeGreaterThan(120);
    expect(declared.has('v1 Secret')).toBe(true);
    const unknown = [...declared].filter((k) => availabilityIn(gvk(k), '1.36') === 'unknown');
    expect(unknown).toEqual([]);
    // The GA versions it ships are served by 1.36.
    const gaNotServed = [...declared]
      .filter((k) => /^(\S+\/)?v\d+ /.test(k))
      .filter((k) => !['available', 'deprecated'].includes(availabilityIn(gvk(k), '1.36')));
    expect(gaNotServed).toEqual([]);
  });
});

/** Every removal release the table must cover, with a GVK removed in it. */
const REMOVALS: [release: string, before: string, removedGvks: string[]][] = [
  [
    '1.16',
    '1.15',
    [
      'extensions/v1beta1 Deployment',
      'extensions/v1beta1 DaemonSet',
      'extensions/v1beta1 ReplicaSet',
      'extensions/v1beta1 NetworkPolicy',
      'extensions/v1beta1 PodSecurityPolicy',
      'apps/v1beta1 Deployment',
      'apps/v1beta1 StatefulSet',
      'apps/v1beta2 Deployment',
      'apps/v1beta2 DaemonSet',
      'apps/v1beta2 ReplicaSet',
      'apps/v1beta2 StatefulSet',
    ],
  ],
  [
    '1.22',
    '1.21',
    [
      'extensions/v1beta1 Ingress',
      'networking.k8s.io/v1beta1 Ingress',
      'networking.k8s.io/v1beta1 IngressClass',
      'admissionregistration.k8s.io/v1beta1 MutatingWebhookConfiguration',
      'admissionregistration.k8s.io/v1beta1 ValidatingWebhookConfiguration',
      'apiextensions.k8s.io/v1beta1 CustomResourceDefinition',
      'apiregistration.k8s.io/v1beta1 APIService',
      'authentication.k8s.io/v1beta1 TokenReview',
      'authorization.k8s.io/v1beta1 SubjectAccessReview',
      'authorization.k8s.io/v1beta1 LocalSubjectAccessReview',
      'authorization.k8s.io/v1beta1 SelfSubjectAccessReview',
      'certificates.k8s.io/v1beta1 CertificateSigningRequest',
      'coordination.k8s.io/v1beta1 Lease',
      'rbac.authorization.k8s.io/v1beta1 ClusterRole',
      'rbac.authorization.k8s.io/v1beta1 ClusterRoleBinding',
      'rbac.authorization.k8s.io/v1beta1 Role',
      'rbac.authorization.k8s.io/v1beta1 RoleBinding',
      'scheduling.k8s.io/v1beta1 PriorityClass',
      'storage.k8s.io/v1beta1 CSIDriver',
      'storage.k8s.io/v1beta1 CSINode',
      'storage.k8s.io/v1beta1 StorageClass',
      'storage.k8s.io/v1beta1 VolumeAttachment',
    ],
  ],
  [
    '1.25',
    '1.24',
    [
      'batch/v1beta1 CronJob',
      'discovery.k8s.io/v1beta1 EndpointSlice',
      'events.k8s.io/v1beta1 Event',
      'autoscaling/v2beta1 HorizontalPodAutoscaler',
      'policy/v1beta1 PodDisruptionBudget',
      'policy/v1beta1 PodSecurityPolicy',
      'node.k8s.io/v1beta1 RuntimeClass',
    ],
  ],
  [
    '1.26',
    '1.25',
    [
      'autoscaling/v2beta2 HorizontalPodAutoscaler',
      'flowcontrol.apiserver.k8s.io/v1beta1 FlowSchema',
      'flowcontrol.apiserver.k8s.io/v1beta1 PriorityLevelConfiguration',
    ],
  ],
  ['1.27', '1.26', ['storage.k8s.io/v1beta1 CSIStorageCapacity']],
  ['1.29', '1.28', ['flowcontrol.apiserver.k8s.io/v1beta2 FlowSchema', 'flowcontrol.apiserver.k8s.io/v1beta2 PriorityLevelConfiguration']],
  ['1.32', '1.31', ['flowcontrol.apiserver.k8s.io/v1beta3 FlowSchema', 'flowcontrol.apiserver.k8s.io/v1beta3 PriorityLevelConfiguration']],
];

describe('availabilityIn for each removal release', () => {
  for (const [release, before, gvks] of REMOVALS) {
    it(`removes in ${release}: ${gvks.length} GVK(s), still served in ${before}`, () => {
      for (const k of gvks) {
        const entry = lifecycleOf(gvk(k));
        expect(entry?.removed, k).toBe(release);
        expect(availabilityIn(gvk(k), release), `${k} in ${release}`).toBe('removed');
        expect(availabilityIn(gvk(k), '1.36'), `${k} in 1.36`).toBe('removed');
        // 1.15 is older than anything drydock targets, but the table still answers for it.
        expect(['deprecated', 'available'], `${k} in ${before}`).toContain(availabilityIn(gvk(k), before));
      }
    });
  }

  it('says deprecated between deprecation and removal', () => {
    expect(availabilityIn(gvk('batch/v1beta1 CronJob'), '1.20')).toBe('available');
    expect(availabilityIn(gvk('batch/v1beta1 CronJob'), '1.21')).toBe('deprecated');
    expect(availabilityIn(gvk('batch/v1beta1 CronJob'), '1.24')).toBe('deprecated');
    expect(availabilityIn(gvk('autoscaling/v2beta2 HorizontalPodAutoscaler'), '1.22')).toBe('available');
    expect(availabilityIn(gvk('autoscaling/v2beta2 HorizontalPodAutoscaler'), '1.24')).toBe('deprecated');
    expect(availabilityIn(gvk('autoscaling/v2beta2 HorizontalPodAutoscaler'), '1.26')).toBe('removed');
    expect(availabilityIn(gvk('policy/v1beta1 PodDisruptionBudget'), '1.21')).toBe('deprecated');
    expect(availabilityIn(gvk('extensions/v1beta1 Ingress'), '1.16')).toBe('deprecated');
  });

  it('says not-yet-introduced before a GVK appears', () => {
    const cases: [string, string][] = [
      ['networking.k8s.io/v1 Ingress', '1.19'],
      ['networking.k8s.io/v1 IngressClass', '1.19'],
      ['batch/v1 CronJob', '1.21'],
      ['policy/v1 PodDisruptionBudget', '1.21'],
      ['discovery.k8s.io/v1 EndpointSlice', '1.21'],
      ['autoscaling/v2 HorizontalPodAutoscaler', '1.23'],
      ['events.k8s.io/v1 Event', '1.19'],
      ['node.k8s.io/v1 RuntimeClass', '1.20'],
      ['storage.k8s.io/v1 CSIStorageCapacity', '1.24'],
      ['flowcontrol.apiserver.k8s.io/v1 FlowSchema', '1.29'],
      ['admissionregistration.k8s.io/v1 ValidatingAdmissionPolicy', '1.30'],
      ['admissionregistration.k8s.io/v1 MutatingAdmissionPolicy', '1.36'],
    ];
    for (const [k, introduced] of cases) {
      const minor = Number(introduced.split('.')[1]);
      expect(lifecycleOf(gvk(k))?.introduced, k).toBe(introduced);
      expect(availabilityIn(gvk(k), `1.${minor - 1}`), k).toBe('not-yet-introduced');
      expect(availabilityIn(gvk(k), introduced), k).toBe('available');
    }
  });
});

describe('migrations', () => {
  it('follows the replacement chain to the best API of the target version', () => {
    const to = (from: string, version: string): string | undefined => {
      const m = migrationIn(gvk(from), version);
      return m && formatGvk(m.to.gvk);
    };
    expect(to('extensions/v1beta1 Ingress', '1.18')).toBe('networking.k8s.io/v1beta1 Ingress');
    expect(to('extensions/v1beta1 Ingress', '1.22')).toBe('networking.k8s.io/v1 Ingress');
    expect(to('autoscaling/v2beta1 HorizontalPodAutoscaler', '1.22')).toBe('autoscaling/v2beta2 HorizontalPodAutoscaler');
    expect(to('autoscaling/v2beta1 HorizontalPodAutoscaler', '1.25')).toBe('autoscaling/v2 HorizontalPodAutoscaler');
    expect(to('flowcontrol.apiserver.k8s.io/v1beta1 FlowSchema', '1.26')).toBe('flowcontrol.apiserver.k8s.io/v1beta3 FlowSchema');
    expect(to('flowcontrol.apiserver.k8s.io/v1beta1 FlowSchema', '1.36')).toBe('flowcontrol.apiserver.k8s.io/v1 FlowSchema');
    expect(to('extensions/v1beta1 PodSecurityPolicy', '1.20')).toBe('policy/v1beta1 PodSecurityPolicy');
    expect(to('policy/v1beta1 PodSecurityPolicy', '1.25')).toBeUndefined();
    expect(to('extensions/v1beta1 PodSecurityPolicy', '1.30')).toBeUndefined();
  });

  it('collects the notable changes on the way', () => {
    expect(migrationIn(gvk('extensions/v1beta1 Ingress'), '1.30')?.changes).toEqual(['pathType is required, backend fields renamed']);
    expect(migrationIn(gvk('extensions/v1beta1 Ingress'), '1.18')?.changes).toEqual([]);
    expect(migrationIn(gvk('autoscaling/v2beta2 HorizontalPodAutoscaler'), '1.30')?.changes).toEqual([]);
    expect(migrationIn(gvk('autoscaling/v2beta1 HorizontalPodAutoscaler'), '1.30')?.changes).toHaveLength(1);
  });

  it('finds the older API to use when a GVK is not introduced yet', () => {
    expect(formatGvk(predecessorIn(gvk('networking.k8s.io/v1 Ingress'), '1.18')!.gvk)).toBe('networking.k8s.io/v1beta1 Ingress');
    expect(formatGvk(predecessorIn(gvk('batch/v1 CronJob'), '1.20')!.gvk)).toBe('batch/v1beta1 CronJob');
    expect(formatGvk(predecessorIn(gvk('autoscaling/v2 HorizontalPodAutoscaler'), '1.22')!.gvk)).toBe(
      'autoscaling/v2beta2 HorizontalPodAutoscaler',
    );
    expect(predecessorIn(gvk('admissionregistration.k8s.io/v1 MutatingAdmissionPolicy'), '1.35')).toBeUndefined();
  });
});
