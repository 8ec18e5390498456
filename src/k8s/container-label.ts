import type { ContainerRef } from './pod-template.js';

/** How messages name a container: `container "app"`, `init container "setup"`, `sidecar container "proxy"`… */
export function containerLabel(c: ContainerRef): string {
  if (c.kind === 'initContainer') return c.sidecar ? `sidecar container "${c.name}"` : `init container "${c.name}"`;
  if (c.kind === 'ephemeralContainer') return `ephemeral container "${c.name}"`;
  return `container "${c.name}"`;
}

/** The label with its first letter in upper case, to start a sentence. */
export function containerLabelStart(c: ContainerRef): string {
  const label = containerLabel(c);
  return label.charAt(0).toUpperCase() + label.slice(1);
}
