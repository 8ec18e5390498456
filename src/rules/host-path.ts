import { formatRef } from '../findings.js';
import { containerLabel } from '../k8s/container-label.js';
import type { ContainerRef } from '../k8s/pod-template.js';
import { isRecord } from '../k8s/values.js';
import { defineRule } from './types.js';

interface Sensitivity {
  /** What the path is, for the message. */
  what: string;
  /** What a process in the pod can do when every container mounts the volume read-only. */
  read: string;
  /** What it can do with a writable mount. */
  write: string;
}

const RUNTIME_SOCKET_CONSEQUENCE = 'a process in the pod can start privileged containers through the container runtime and take over the node';
const RUNTIME_SOCKET: Sensitivity = { what: 'the container runtime socket', read: RUNTIME_SOCKET_CONSEQUENCE, write: RUNTIME_SOCKET_CONSEQUENCE };
const RUNTIME_SOCKET_DIR: Sensitivity = { ...RUNTIME_SOCKET, what: 'the directory of the container runtime socket' };
const SOCKET_NAMES = new Set(['docker.sock', 'containerd.sock', 'crio.sock', 'cri-dockerd.sock', 'dockershim.sock', 'podman.sock']);
const SOCKET_DIRS = new Set(['/run', '/var/run', '/run/docker', '/var/run/docker', '/run/containerd', '/var/run/containerd', '/run/crio', '/var/run/crio']);

const CONTAINER_STORAGE: Sensitivity = {
  what: 'the storage of every container on the node',
  read: "a process in the pod can read other containers' files and logs",
  write: "a process in the pod can read and alter other containers' files",
};
const SYSTEM_DIR: Sensitivity = {
  what: 'a system directory of the node',
  read: "a process in the pod can read the node's system files",
  write: 'a process in the pod can plant code that the node runs as root',
};

/** Host directories whose content (or anything below them) gives a pod power over the node. */
const PREFIXES: [string, Sensitivity][] = [
  ['/etc/kubernetes', {
    what: "the node's Kubernetes credentials and certificates",
    read: 'a process in the pod can act as the node or the control plane',
    write: 'a process in the pod can act as the node or the control plane and change how it runs',
  }],
  ['/var/lib/kubelet', {
    what: "the kubelet's credentials and the volumes of every pod, Secrets included",
    read: "a process in the pod can read other pods' Secrets and act as the kubelet",
    write: "a process in the pod can read other pods' Secrets, tamper with their volumes and act as the kubelet",
  }],
  ['/usr/libexec/kubernetes', {
    what: "the kubelet's plugin directory",
    read: "a process in the pod can read the node's volume plugins",
    write: 'a process in the pod can install plugins that the kubelet runs as root',
  }],
  ['/var/lib/docker', CONTAINER_STORAGE],
  ['/var/lib/containerd', CONTAINER_STORAGE],
  ['/var/lib/containers', CONTAINER_STORAGE],
  ['/proc', {
    what: "the node's process and kernel interface",
    read: "a process in the pod can inspect every process of the node, command lines and environments included",
    write: 'a process in the pod can inspect every process of the node and change kernel settings',
  }],
  ['/sys', {
    what: "the node's kernel and device interface",
    read: "a process in the pod can read the node's kernel and device state",
    write: 'a process in the pod can change kernel and device settings of the node',
  }],
  ['/dev', {
    what: "the node's devices",
    read: "a process in the pod can read the node's disks directly",
    write: "a process in the pod can read and write the node's disks directly",
  }],
];
const EXACT: [string, Sensitivity][] = [
  ['/', {
    what: "the node's whole filesystem",
    read: "a process in the pod can read every file of the node, its credentials included",
    write: 'a process in the pod can change any file of the node and take it over',
  }],
  ['/etc', {
    what: "the node's configuration",
    read: "a process in the pod can read the node's configuration and credentials",
    write: 'a process in the pod can change users, credentials and system services of the node',
  }],
  ...['/boot', '/root', '/usr', '/lib', '/lib64', '/bin', '/sbin'].map((p): [string, Sensitivity] => [p, SYSTEM_DIR]),
];

const ORDINARY: Sensitivity = {
  what: '',
  read: 'its containers read node files outside their sandbox, and what they find differs from node to node',
  write: "its containers reach the node's filesystem outside their sandbox, and what they write stays behind on whichever node ran the pod",
};

/** `//var/run/` → `/var/run`. */
function normalizeHostPath(p: string): string {
  const collapsed = p.trim().replace(/\/{2,}/g, '/');
  return collapsed.length > 1 ? collapsed.replace(/\/$/, '') : collapsed;
}

/** Why a host path is particularly dangerous to mount, or undefined for an ordinary one. */
function hostPathSensitivity(path: string): Sensitivity | undefined {
  const p = normalizeHostPath(path);
  const base = p.slice(p.lastIndexOf('/') + 1);
  if (SOCKET_NAMES.has(base)) return RUNTIME_SOCKET;
  if (SOCKET_DIRS.has(p)) return RUNTIME_SOCKET_DIR;
  for (const [exact, s] of EXACT) if (p === exact) return s;
  for (const [prefix, s] of PREFIXES) if (p === prefix || p.startsWith(`${prefix}/`)) return s;
  return undefined;
}

type MountState = 'read-write' | 'read-only' | 'unmounted';

/** How the pod's containers mount a volume, and which containers write to it. */
function mountsOf(containers: readonly ContainerRef[], volume: string): { state: MountState; writers: string[] } {
  const writers: string[] = [];
  let mounted = false;
  for (const c of containers) {
    const mounts = c.container.volumeMounts;
    if (!Array.isArray(mounts)) continue;
    for (const m of mounts) {
      if (!isRecord(m) || m.name !== volume) continue;
      mounted = true;
      if (m.readOnly !== true && !writers.includes(containerLabel(c))) writers.push(containerLabel(c));
    }
  }
  return { state: writers.length > 0 ? 'read-write' : mounted ? 'read-only' : 'unmounted', writers };
}

export default defineRule({
  meta: {
    id: 'host-path',
    category: 'security',
    severity: 'warning',
    description: 'A pod volume of type hostPath, which mounts a file or directory of the node.',
    rationale:
      "A hostPath volume reaches past the container sandbox into the node's filesystem: a compromised container can read node files and, when the mount is writable, change them. Paths such as /, /etc, /proc, /var/lib/kubelet or the container runtime socket hand over the node itself. The data also lives on whichever node the pod happens to run on, and the Pod Security baseline level forbids hostPath volumes.",
  },
  check(ctx) {
    for (const entry of ctx.graph.podTemplates()) {
      const volumes = entry.template.spec.volumes;
      if (!Array.isArray(volumes)) continue;
      volumes.forEach((v, i) => {
        if (!isRecord(v)) return;
        const hostPath = v.hostPath;
        if (hostPath === undefined || hostPath === null) return;
        const name = typeof v.name === 'string' ? v.name : `#${i}`;
        const path = isRecord(hostPath) && typeof hostPath.path === 'string' ? hostPath.path : undefined;
        const sensitivity = (path === undefined ? undefined : hostPathSensitivity(path)) ?? ORDINARY;
        const shown = path === undefined ? 'a host path' : `host path "${path}"`;
        const what = sensitivity.what ? ` (${sensitivity.what})` : '';
        const mounts = mountsOf(entry.containers, name);
        const how =
          mounts.state === 'read-write' ? ` read-write into ${mounts.writers.join(', ')}` : mounts.state === 'read-only' ? ' read-only' : '';
        // An unmounted volume is judged as writable: the next container to mount it may write.
        const consequence = mounts.state === 'read-only' ? sensitivity.read : sensitivity.write;
        // At the path itself; without one, at the `hostPath` key (a block mapping starts a line below).
        const volumePath = [...entry.template.specPath, 'volumes', i, 'hostPath'];
        const hasPath = isRecord(hostPath) && hostPath.path !== undefined && hostPath.path !== null;
        ctx.report({
          node: hasPath
            ? { manifest: entry.manifest, path: [...volumePath, 'path'] }
            : { manifest: entry.manifest, path: volumePath, part: isRecord(hostPath) ? 'key' : 'value' },
          message: `Volume "${name}" of ${formatRef(entry.manifest.ref)} mounts ${shown}${what}${how}, so ${consequence}.`,
        });
      });
    }
  },
});
