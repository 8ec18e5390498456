/** Resource arithmetic of the simulator (§2.1–2.3). */
import { describe, expect, it } from 'vitest';
import { amountOf, formatAmount, podRequests, qosClass } from '../../src/sim/resources.js';

const GI = 2 ** 30;
const c = (name: string, requests?: Record<string, string>, limits?: Record<string, string>, extra: Record<string, unknown> = {}) => ({
  name,
  ...extra,
  resources: { ...(requests ? { requests } : {}), ...(limits ? { limits } : {}) },
});

describe('amountOf and formatAmount', () => {
  it('reads cpu in millicores and everything else in units', () => {
    expect(amountOf('cpu', '1.5')).toBe(1500);
    expect(amountOf('cpu', '250m')).toBe(250);
    expect(amountOf('memory', '1Gi')).toBe(GI);
    expect(amountOf('memory', 'lots')).toBeUndefined();
  });
  it('prints amounts the way Kubernetes does', () => {
    expect(formatAmount('cpu', 1500)).toBe('1500m');
    expect(formatAmount('cpu', 4000)).toBe('4');
    expect(formatAmount('memory', 3 * GI)).toBe('3Gi');
  });
});

describe('podRequests (§2.2)', () => {
  it('takes the larger of the containers and the biggest init container (the scheduler source example)', () => {
    const spec = {
      initContainers: [c('ic1', { cpu: '2', memory: '1G' }), c('ic2', { cpu: '2', memory: '3G' })],
      containers: [c('c1', { cpu: '2', memory: '1G' }), c('c2', { cpu: '1', memory: '1G' })],
    };
    expect(podRequests(spec)).toEqual({ cpu: 3000, memory: 3e9 });
  });
  it('adds sidecars to the containers and to every later init container', () => {
    const spec = {
      initContainers: [c('sidecar', { cpu: '500m' }, undefined, { restartPolicy: 'Always' }), c('init', { cpu: '2' })],
      containers: [c('app', { cpu: '1' })],
    };
    // containers 1 + sidecar 0.5 = 1.5; init phase 2 + sidecar 0.5 = 2.5
    expect(podRequests(spec)).toEqual({ cpu: 2500 });
  });
  it('defaults requests from limits (§2.1) and adds the overhead', () => {
    const spec = { containers: [c('app', undefined, { cpu: '1', memory: '1Gi' })], overhead: { cpu: '250m' } };
    expect(podRequests(spec)).toEqual({ cpu: 1250, memory: GI });
  });
});

describe('qosClass (§2.3)', () => {
  it('is BestEffort without any cpu or memory request or limit', () => {
    expect(qosClass({ containers: [c('a'), c('b', { 'nvidia.com/gpu': '1' })] })).toBe('BestEffort');
  });
  it('is Guaranteed when every container limits cpu and memory and requests equal limits (limits alone qualify)', () => {
    expect(qosClass({ containers: [c('a', undefined, { cpu: '1', memory: '1Gi' }), c('b', { cpu: '1', memory: '1Gi' }, { cpu: '1', memory: '1Gi' })] })).toBe('Guaranteed');
  });
  it('is Burstable otherwise, init containers included', () => {
    expect(qosClass({ containers: [c('a', { cpu: '500m', memory: '1Gi' }, { cpu: '1', memory: '1Gi' })] })).toBe('Burstable');
    expect(qosClass({ initContainers: [c('i')], containers: [c('a', undefined, { cpu: '1', memory: '1Gi' })] })).toBe('Burstable');
  });
  it('follows pod-level resources when they set cpu or memory', () => {
    expect(qosClass({ containers: [c('a')], resources: { limits: { cpu: '1', memory: '1Gi' } } })).toBe('Guaranteed');
    expect(qosClass({ containers: [c('a')], resources: { requests: { cpu: '500m' }, limits: { cpu: '1', memory: '1Gi' } } })).toBe('Burstable');
  });
});
