import type { GameSettings, RoundQuestion } from '../../src/game/engine/index.js';

const source = { section: '7. Tipos de Hypervisor', slide: 'Tipos de Hypervisor (I)', sentence: 'Ejemplos: VMware ESX Server…' };

function q(partial: Partial<RoundQuestion> & Pick<RoundQuestion, 'id' | 'type' | 'options' | 'correct'>): RoundQuestion {
  return {
    kind: 'fixture',
    prompt: `Prompt of ${partial.id}`,
    accepted: [],
    explanation: `Explanation of ${partial.id}`,
    source,
    tags: [source.section],
    difficulty: 2,
    multiplier: 1,
    ...partial,
  };
}

/** One question of every type the bank produces, in play order. */
export function everyTypeRound(): RoundQuestion[] {
  return [
    q({ id: 'single', type: 'single', options: ['Tipo I', 'Tipo II', 'Emulación', 'Paravirtualización'], correct: [1] }),
    q({ id: 'multiple', type: 'multiple', options: ['KVM', 'Xen', 'FreeBSD Jail', 'Sandboxie'], correct: [0, 1] }),
    q({ id: 'truefalse', type: 'truefalse', options: ['Verdadero', 'Falso'], correct: [0] }),
    q({ id: 'typed', type: 'typed', options: [], correct: [], accepted: ['1999'] }),
    q({ id: 'ordering', type: 'ordering', options: ['VMware x86', 'IBM M44', 'Abandono'], correct: [1, 2, 0] }),
  ];
}

export function testSettings(overrides: Partial<GameSettings> = {}): GameSettings {
  return {
    deckId: 'fixture-deck',
    deckTitle: 'Fixture deck',
    timeLimitMs: 20_000,
    scoring: 'classic',
    sections: [],
    types: [],
    seed: 1,
    graceMs: 500,
    reconnectGraceMs: 3000,
    hostAbsencePauseMs: 15_000,
    abandonAfterMs: 30 * 60_000,
    maxPlayers: 100,
    ...overrides,
  };
}
