import { describe, expect, it } from 'vitest';
import { configMapKey, dns1035Label, dns1123Label, dns1123Subdomain, labelValue, pathSegmentName, portName, qualifiedName } from '../../src/k8s/names.js';

const ok = (errs: string[]) => errs.length === 0;

describe('name validators', () => {
  it('DNS-1123 labels and subdomains', () => {
    expect(ok(dns1123Label('my-app-1'))).toBe(true);
    expect(ok(dns1123Label('1abc'))).toBe(true);
    expect(ok(dns1123Label('My-App'))).toBe(false);
    expect(ok(dns1123Label('a.b'))).toBe(false);
    expect(ok(dns1123Label('-a'))).toBe(false);
    expect(dns1123Label('a'.repeat(64))).toContain('must be no more than 63 characters');
    expect(ok(dns1123Subdomain('a.b-c.d'))).toBe(true);
    expect(ok(dns1123Subdomain('a..b'))).toBe(false);
    expect(ok(dns1123Subdomain('a'.repeat(254)))).toBe(false);
  });
  it('DNS-1035 labels must start with a letter', () => {
    expect(ok(dns1035Label('web'))).toBe(true);
    expect(ok(dns1035Label('1web'))).toBe(false);
  });
  it('path segment names', () => {
    expect(ok(pathSegmentName('system:controller:x'))).toBe(true);
    expect(ok(pathSegmentName('a/b'))).toBe(false);
    expect(ok(pathSegmentName('..'))).toBe(false);
    expect(ok(pathSegmentName('50%'))).toBe(false);
  });
  it('qualified names (label and annotation keys)', () => {
    expect(ok(qualifiedName('app.kubernetes.io/name'))).toBe(true);
    expect(ok(qualifiedName('My_Key.1'))).toBe(true);
    expect(ok(qualifiedName('a/b/c'))).toBe(false);
    expect(ok(qualifiedName('/name'))).toBe(false);
    expect(ok(qualifiedName('Example.com/name'))).toBe(false);
    expect(ok(qualifiedName('-bad'))).toBe(false);
    expect(ok(qualifiedName('x/' + 'a'.repeat(64)))).toBe(false);
  });
  it('label values', () => {
    expect(ok(labelValue(''))).toBe(true);
    expect(ok(labelValue('v1.2_3-x'))).toBe(true);
    expect(ok(labelValue('has space'))).toBe(false);
    expect(ok(labelValue('a'.repeat(64)))).toBe(false);
  });
  it('config keys', () => {
    expect(ok(configMapKey('app.properties'))).toBe(true);
    expect(ok(configMapKey('.env'))).toBe(true);
    expect(ok(configMapKey('..data'))).toBe(false);
    expect(ok(configMapKey('a/b'))).toBe(false);
  });
  it('IANA service names (port names)', () => {
    expect(ok(portName('http'))).toBe(true);
    expect(ok(portName('http-metrics'))).toBe(true);
    expect(ok(portName('HTTP'))).toBe(false);
    expect(ok(portName('8080'))).toBe(false);
    expect(ok(portName('http--alt'))).toBe(false);
    expect(ok(portName('-http'))).toBe(false);
    expect(ok(portName('metrics-endpoint1'))).toBe(false);
  });
});
