import { describe, expect, it } from 'vitest';
import { parseImageRef } from '../../src/k8s/image-ref.js';
import { describePolarisChecks } from '../helpers/polaris-checks.js';
import { describeRuleFixtures, fixtureFindings } from '../helpers/rule-tester.js';

describeRuleFixtures('latest-tag');

describePolarisChecks('latest-tag', {
  fires: ['tagNotSpecified/failure.yaml', 'tagNotSpecified/failure.latest.yaml'],
  silent: ['tagNotSpecified/success.yaml'],
  // pullPolicyNotAlways is about imagePullPolicy, not tags: its success and failure files use the
  // same images (untagged nginx and busybox, which drydock rightly reports either way).
});

describe('latest-tag details', () => {
  it('points at the image value and says what no tag means', async () => {
    const findings = await fixtureFindings('latest-tag', 'fail-untagged.yaml');
    const f = findings.find((x) => x.location.range.startLine === 20)!;
    expect(f.location.range.startColumn).toBe(18);
    expect(f.message).toBe(
      'Image "registry.example.com:5000/team/web" of container "web" in Deployment/default/web has no tag, so it means :latest: nodes pull whatever that points to when a pod starts, so pods started at different times can run different versions and a rollback does not restore the old image.',
    );
  });

  it('names an explicit :latest', async () => {
    const [f] = await fixtureFindings('latest-tag', 'fail-latest.yaml');
    expect(f.message).toContain('Image "example/tool:latest" of container "tool" in Pod/default/tool uses the tag :latest');
  });
});

describe('image references', () => {
  it.each([
    ['nginx', { name: 'nginx' }],
    ['nginx:1.27', { name: 'nginx', tag: '1.27' }],
    ['registry:5000/app', { name: 'registry:5000/app' }],
    ['registry:5000/app:v1', { name: 'registry:5000/app', tag: 'v1' }],
    ['app@sha256:abc', { name: 'app', digest: 'sha256:abc' }],
    ['app:1@sha256:abc', { name: 'app', tag: '1', digest: 'sha256:abc' }],
    ['[::1]:5000/app', { name: '[::1]:5000/app' }],
  ])('%s', (image, expected) => {
    expect(parseImageRef(image)).toEqual(expected);
  });
});
