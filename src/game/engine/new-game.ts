import { dict } from './dict.js';
import type { Credentials, GameSettings, GameState, RoundQuestion } from './game-state.js';

export interface NewGame {
  id: string;
  pin: string;
  hostSecretHash: string;
  settings: GameSettings;
  questions: RoundQuestion[];
}

export function newGame({ id, pin, hostSecretHash, settings, questions }: NewGame, now: number): GameState {
  const credentials: Credentials = { host: hostSecretHash, players: dict<string>() };
  return {
    id,
    pin,
    credentials,
    settings,
    questions,
    phase: 'lobby',
    paused: null,
    locked: false,
    index: -1,
    openedAt: null,
    deadlineAt: null,
    players: dict(),
    nicknames: dict(),
    bannedDevices: dict(),
    activeCount: 0,
    connectedCount: 0,
    newcomerRank: 1,
    answers: [],
    lastDepartureAt: null,
    hostConnected: false,
    // A game nobody hosts is abandoned like one whose host left.
    hostLeftAt: now,
    createdAt: now,
    startedAt: null,
    endedAt: null,
    endReason: null,
  };
}
