import { describe, expect, test } from '@jest/globals';
import { dictionaries } from '../client/src/shared/i18n.js';
import { ERRORS } from '../src/protocol/errors.js';

describe('client texts', () => {
  test.each(['es', 'en'] as const)('every error code of the protocol has its own message in %s', (lang) => {
    for (const [code, texts] of Object.entries(ERRORS)) {
      const text: unknown = texts[lang];
      expect([code, typeof text, typeof text === 'string' && text.length > 0]).toEqual([code, 'string', true]);
    }
    expect(dictionaries[lang].error_NETWORK.length).toBeGreaterThan(0);
  });

  test('both languages say the same things', () => {
    expect(Object.keys(dictionaries.en).sort()).toEqual(Object.keys(dictionaries.es).sort());
  });
});
