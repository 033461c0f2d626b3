import { describe, expect, test } from '@jest/globals';
import { clientAddress, isLocalDirect, trustedProxies } from './client-address.js';

const from = (remoteAddress: string, forwarded?: string) => ({
  socket: { remoteAddress },
  headers: forwarded === undefined ? {} : { 'x-forwarded-for': forwarded },
});

describe('clientAddress', () => {
  const loopback = trustedProxies('loopback');

  test('a direct client is its peer address; X-Forwarded-For from an untrusted peer is ignored', () => {
    expect(clientAddress(from('::ffff:192.168.1.30'), loopback)).toBe('192.168.1.30');
    expect(clientAddress(from('192.168.1.30', '10.9.9.9'), loopback)).toBe('192.168.1.30');
  });

  test('through a trusted proxy, the nearest untrusted hop counts; what the client wrote further left does not', () => {
    expect(clientAddress(from('127.0.0.1', '192.168.1.30'), loopback)).toBe('192.168.1.30');
    expect(clientAddress(from('127.0.0.1', '6.6.6.6, 192.168.1.30'), loopback)).toBe('192.168.1.30');
    expect(clientAddress(from('127.0.0.1', 'not-an-ip'), loopback)).toBe('127.0.0.1');
    const nginx = trustedProxies('172.16.0.0/12, loopback');
    expect(clientAddress(from('172.18.0.4', '192.168.1.30, 172.18.0.9'), nginx)).toBe('192.168.1.30');
  });

  test('only requests straight from this machine count as local', () => {
    expect(isLocalDirect(from('127.0.0.1'))).toBe(true);
    expect(isLocalDirect(from('::1'))).toBe(true);
    expect(isLocalDirect(from('127.0.0.1', '192.168.1.30'))).toBe(false);
    expect(isLocalDirect(from('192.168.1.30'))).toBe(false);
  });

  test('a bad TRUST_PROXY entry stops the start with its text', () => {
    expect(() => trustedProxies('10.0.0.0/40')).toThrow(/"10.0.0.0\/40"/);
    expect(() => trustedProxies('proxy.local')).toThrow(/"proxy.local"/);
  });
});
