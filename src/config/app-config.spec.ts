import 'reflect-metadata';
import { describe, expect, test } from '@jest/globals';
import { MEASURED_MAX_PLAYERS, validateConfig } from './app-config.js';

describe('MAX_PLAYERS', () => {
  test('defaults to the largest game measured in the mode the server runs in', () => {
    expect(validateConfig({}).MAX_PLAYERS).toBe(MEASURED_MAX_PLAYERS.embedded);
    expect(validateConfig({ REDIS_URL: 'redis://127.0.0.1:6379' }).MAX_PLAYERS).toBe(MEASURED_MAX_PLAYERS.redis);
    expect(MEASURED_MAX_PLAYERS).toEqual({ embedded: 10_000, redis: 5000 });
  });

  test('a value set wins in either mode, and a bad one is refused', () => {
    expect(validateConfig({ MAX_PLAYERS: '300' }).MAX_PLAYERS).toBe(300);
    expect(validateConfig({ MAX_PLAYERS: '12000', REDIS_URL: 'redis://127.0.0.1:6379' }).MAX_PLAYERS).toBe(12_000);
    expect(() => validateConfig({ MAX_PLAYERS: '0' })).toThrow(/MAX_PLAYERS/);
  });
});
