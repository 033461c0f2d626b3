/** The pure game engine: state, transitions, scoring and views. No I/O, no clock, no framework. */
export * from './dict.js';
export * from './game-events.js';
export * from './game-state.js';
export * from './new-game.js';
export * from './players.js';
export * from './ranking.js';
export * from './rounds.js';
export * from './scoring.js';
export * from './timing.js';
export * from './views.js';
