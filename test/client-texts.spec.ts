import { describe, expect, test } from '@jest/globals';
import { dictionaries } from '../client/src/shared/i18n.js';
import { ERROR_MESSAGES } from '../src/game/engine/game-error.js';

describe('client texts', () => {
  test.each(['es', 'en'] as const)('every error code of the protocol has its own message in %s', (lang) => {
    for (const code of Object.keys(ERROR_MESSAGES)) {
      const text = (dictionaries[lang] as Record<string, string>)[`error_${code}`];
      expect([code, typeof text, (text?.length ?? 0) > 0]).toEqual([code, 'string', true]);
    }
  });

  test('both languages say the same things', () => {
    expect(Object.keys(dictionaries.en).sort()).toEqual(Object.keys(dictionaries.es).sort());
  });
});
