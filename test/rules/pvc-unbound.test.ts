import { describe, expect, it } from 'vitest';
import { describeRuleFixtures, fixtureFindings, lintText } from '../helpers/rule-tester.js';

describeRuleFixtures('pvc-unbound');

const claim = (storageClassName: string | undefined, name = 'cache') =>
  `apiVersion: v1
kind: PersistentVolumeClaim
metadata:
  name: ${name}
spec:
${storageClassName === undefined ? '' : `  storageClassName: ${JSON.stringify(storageClassName)}\n`}  accessModes: [ReadWriteOnce]
  resources:
    requests:
      storage: 10Gi
`;

const unbound = async (text: string, options = {}) => (await lintText(text, options)).findings.filter((f) => f.ruleId === 'pvc-unbound');

describe('pvc-unbound messages', () => {
  it('names the unknown StorageClass at storageClassName and lists the known ones', async () => {
    const [f, ...rest] = await fixtureFindings('pvc-unbound', 'fail-unknown-class.yaml');
    expect(rest).toEqual([]);
    expect(f.severity).toBe('error');
    expect(f.location.range.startLine).toBe(14);
    expect(f.message).toBe(
      'PersistentVolumeClaim default/cache would stay Pending: storageclass.storage.k8s.io "fast" not found; ' +
        'the cluster\'s StorageClasses are "slow", "standard" (default "standard")',
    );
  });

  it('explains why no class-less PersistentVolume fits, at the requested size', async () => {
    const [f] = await fixtureFindings('pvc-unbound', 'fail-no-matching-pv.yaml');
    expect(f.location.range.startLine).toBe(11);
    expect(f.message).toContain('PersistentVolumeClaim default/archive would stay Pending: no persistent volumes available for this claim and no storage class is set');
    expect(f.message).toContain('nfs-small is too small (10Gi < 50Gi)');
  });

  it('reports a class-less claim when no PersistentVolume exists at all', async () => {
    const [f, ...rest] = await unbound(claim(''));
    expect(rest).toEqual([]);
    expect(f.location.range.startLine).toBe(4);
    expect(f.message).toContain('no persistent volumes available for this claim and no storage class is set');
  });

  it('assumes a class the input does not define on the built-in profile, unless references are strict', async () => {
    expect(await unbound(claim('premium-rwo'))).toEqual([]);
    const [f] = await unbound(claim('premium-rwo'), { config: { references: 'strict' } });
    expect(f?.message).toContain('storageclass.storage.k8s.io "premium-rwo" not found');
  });

  it('stays silent on a claim of the default WaitForFirstConsumer class that no pod uses yet', async () => {
    expect(await unbound(claim(undefined))).toEqual([]);
  });
});
