/**
 * Team server addresses: https anywhere, plain http only on the loopback hosts a build allows.
 * The store build allows none (DEMO_LOOPBACK_HOSTS is empty there), so it never reaches loopback.
 */
import { describe, expect, it } from 'vitest';
import { DEMO_LOOPBACK_HOSTS } from '@/core/sites/demoMode';
import { serverOrigin } from '@/core/team/address';

const STORE_BUILD: readonly string[] = [];

describe('serverOrigin', () => {
  it('takes https addresses, with or without the scheme, as an origin', () => {
    expect(serverOrigin('team.example.com', STORE_BUILD)).toBe('https://team.example.com');
    expect(serverOrigin(' https://team.example.com:8443/ ', STORE_BUILD)).toBe(
      'https://team.example.com:8443',
    );
  });

  it('refuses plain http, paths, credentials and queries', () => {
    for (const typed of [
      'http://team.example.com',
      'https://team.example.com/sync',
      'https://me:pw@team.example.com',
      'https://team.example.com/?a=1',
      'ftp://team.example.com',
      'not a url at all',
    ])
      expect(serverOrigin(typed, DEMO_LOOPBACK_HOSTS)).toBeNull();
  });

  it('takes http on loopback only where the build allows it (demo and tests), never in the store build', () => {
    expect(DEMO_LOOPBACK_HOSTS).toContain('127.0.0.1');
    expect(serverOrigin('http://127.0.0.1:4321', DEMO_LOOPBACK_HOSTS)).toBe('http://127.0.0.1:4321');
    expect(serverOrigin('http://127.0.0.1:4321', STORE_BUILD)).toBeNull();
    expect(serverOrigin('http://localhost:4321', STORE_BUILD)).toBeNull();
  });
});
