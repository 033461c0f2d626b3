import { readFileSync } from 'node:fs';
import { describe, expect, test } from '@jest/globals';
import { startArgs } from './support/built-server.js';

describe('the server start command', () => {
  test("the Dockerfile's CMD is package.json's start script", async () => {
    const cmd = /^CMD (\[.*\])$/m.exec(readFileSync('Dockerfile', 'utf8'))?.[1];
    expect(cmd).toBeDefined();
    expect(JSON.parse(cmd ?? '[]')).toEqual(['node', ...(await startArgs())]);
  });
});
