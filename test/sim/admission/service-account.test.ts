import { describe, expect, it } from 'vitest';
import { checkServiceAccount, serviceAccountOf, type ServiceAccountPresence } from '../../../src/sim/admission/service-account.js';
import { deployment, find, graphOfYaml, podOf } from '../helpers/admission.js';

const podWith = (podSpec: string) => podOf(find(graphOfYaml(deployment('web', 'team-a', 1, '', podSpec)), 'Deployment'));

describe('checkServiceAccount (§12.1, §13)', () => {
  const absent = (): ServiceAccountPresence => 'absent';

  it('rejects a pod naming a ServiceAccount that does not exist', () => {
    expect(checkServiceAccount(podWith('      serviceAccountName: builder\n'), absent)).toBe(
      'error looking up service account team-a/builder: serviceaccount "builder" not found',
    );
  });

  it('reads the deprecated serviceAccount field when serviceAccountName is unset', () => {
    const pod = podWith('      serviceAccount: legacy\n');
    expect(serviceAccountOf(pod.spec)).toBe('legacy');
    expect(checkServiceAccount(pod, absent)).toBe('error looking up service account team-a/legacy: serviceaccount "legacy" not found');
  });

  it('always admits the default ServiceAccount, and admits accounts that are present or unknown', () => {
    expect(checkServiceAccount(podWith(''), absent)).toBeUndefined();
    expect(checkServiceAccount(podWith('      serviceAccountName: default\n'), absent)).toBeUndefined();
    const asked: string[] = [];
    const lookup = (ns: string, name: string): ServiceAccountPresence => {
      asked.push(`${ns}/${name}`);
      return name === 'builder' ? 'present' : 'unknown';
    };
    expect(checkServiceAccount(podWith('      serviceAccountName: builder\n'), lookup)).toBeUndefined();
    expect(checkServiceAccount(podWith('      serviceAccountName: external\n'), lookup)).toBeUndefined();
    expect(asked).toEqual(['team-a/builder', 'team-a/external']);
  });
});
