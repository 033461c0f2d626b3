import * as engine from '../../src/game/engine/index.js';
import { buildHistoryRecord, type HistoryRecord } from '../../src/history/history-record.js';
import { everyTypeRound, testSettings } from './fixtures.js';

/** A finished game played through the engine: Ana right on every question, Beto wrong. */
export function finishedGame(gameId: string, deckId: string, endedAt: number): HistoryRecord {
  const start = endedAt - 60_000;
  const game = engine.newGame({ id: gameId, pin: '123456', hostSecretHash: 'x', settings: testSettings({ deckId }), questions: everyTypeRound() }, start);
  engine.addPlayer(game, 'ana', 'Ana', start);
  engine.addPlayer(game, 'beto', 'Beto', start);
  engine.startGame(game, start);
  const right = [1, [0, 1], 0, '1999', [1, 2, 0]];
  const wrong = [0, [2], 1, '1998', [0, 1, 2]];
  for (let i = 0; i < game.questions.length; i++) {
    engine.submitAnswer(game, 'ana', i, right[i]!, start + 1000);
    engine.submitAnswer(game, 'beto', i, wrong[i]!, start + 1000);
    if (game.phase === 'question') engine.skipQuestion(game);
    if (i < game.questions.length - 1) {
      engine.advance(game, start);
      engine.advance(game, start);
    }
  }
  engine.advance(game, endedAt);
  return buildHistoryRecord(game);
}
