/**
 * drydock never touches the network: every network entry point is stubbed to throw while a full
 * run with CRDs and schemas happens.
 */
import dns from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import net from 'node:net';
import tls from 'node:tls';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { lintPaths } from '../helpers/rule-tester.js';

describe('network', () => {
  afterEach(() => {
    vi.restoreAllMocks();
    vi.unstubAllGlobals();
  });

  it('is never used during a run', async () => {
    const calls: string[] = [];
    const trap = (name: string) => () => {
      calls.push(name);
      throw new Error(`network access: ${name}`);
    };
    vi.stubGlobal('fetch', trap('fetch'));
    vi.stubGlobal('WebSocket', trap('WebSocket'));
    vi.spyOn(http, 'request').mockImplementation(trap('http.request'));
    vi.spyOn(http, 'get').mockImplementation(trap('http.get'));
    vi.spyOn(https, 'request').mockImplementation(trap('https.request'));
    vi.spyOn(https, 'get').mockImplementation(trap('https.get'));
    vi.spyOn(net, 'connect').mockImplementation(trap('net.connect'));
    vi.spyOn(net, 'createConnection').mockImplementation(trap('net.createConnection'));
    vi.spyOn(tls, 'connect').mockImplementation(trap('tls.connect'));
    vi.spyOn(dns, 'lookup').mockImplementation(trap('dns.lookup'));
    vi.spyOn(dns.promises, 'lookup').mockImplementation(trap('dns.promises.lookup'));

    const result = await lintPaths(['examples', 'test/fixtures/rules/schema', 'test/fixtures/rules/unknown-kind'], {
      kubernetesVersion: '1.24',
    });
    expect(result.failures).toEqual([]);
    expect(result.findings.some((f) => f.ruleId === 'schema')).toBe(true);
    expect(calls).toEqual([]);
  });
});
