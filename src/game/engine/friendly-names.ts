import type { GameState } from './game-state.js';

/**
 * Friendly generated nicknames for the teacher's "random names" switch, as
 * Kahoot's nickname generator does: an animal and a kind adjective, in
 * Spanish (the course's language). Adjectives that do not change with
 * gender, so every pair reads right. Nothing a student types can appear.
 */
const ANIMALS = [
  'Panda',
  'Koala',
  'Delfín',
  'Búho',
  'Zorro',
  'Lince',
  'Tigre',
  'León',
  'Pingüino',
  'Nutria',
  'Ardilla',
  'Colibrí',
  'Halcón',
  'Castor',
  'Erizo',
  'Lobo',
  'Jaguar',
  'Canguro',
  'Flamenco',
  'Camaleón',
  'Mapache',
  'Oso',
  'Quetzal',
  'Tucán',
];
const ADJECTIVES = [
  'Feliz',
  'Veloz',
  'Valiente',
  'Amable',
  'Brillante',
  'Alegre',
  'Audaz',
  'Genial',
  'Tenaz',
  'Sagaz',
  'Ágil',
  'Fuerte',
  'Libre',
  'Noble',
  'Gentil',
  'Cordial',
  'Leal',
  'Sutil',
  'Jovial',
  'Elegante',
  'Paciente',
  'Sonriente',
  'Radiante',
];

/** A stable pick from the (random) player id: the engine itself draws no random numbers. */
function hash(text: string): number {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return h >>> 0;
}

/** A name no one in the game has yet; after every pair is taken, pairs get a number. */
export function friendlyName(game: GameState, playerId: string): string {
  const combos = ANIMALS.length * ADJECTIVES.length;
  const start = hash(playerId) % combos;
  for (let round = 0; ; round++) {
    for (let step = 0; step < combos; step++) {
      const n = (start + step * 7) % combos;
      const name = `${ANIMALS[n % ANIMALS.length]} ${ADJECTIVES[Math.floor(n / ANIMALS.length)]}${round ? ` ${round + 1}` : ''}`;
      if (!game.nicknames[name.toLocaleLowerCase()]) return name;
    }
  }
}
