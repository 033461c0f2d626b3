/**
 * Every refusal a client can receive, in one catalogue shared by the server
 * and the web client. The codes are part of the wire contract
 * (docs/protocol.md): never rename one, only add.
 *
 * - `message`: the English text the server puts in an ack or REST error, for
 *   logs and API clients (a refusal may carry a more precise one).
 * - `es`, `en`: what a student or teacher reads on the web client.
 */
interface ErrorTexts {
  message: string;
  es: string;
  en: string;
}

export const ERRORS = {
  INVALID_PAYLOAD: {
    message: 'The request is malformed.',
    es: 'Revisa los datos: algo no es válido.',
    en: 'Check the data: something is not valid.',
  },
  UNKNOWN_EVENT: {
    message: 'The server does not know that event.',
    es: 'El servidor no entiende esta petición. Recarga la página.',
    en: 'The server does not understand this request. Reload the page.',
  },
  UNAUTHORIZED: {
    message: 'A valid teacher key is required.',
    es: 'La clave de profesor no es correcta.',
    en: 'The teacher key is wrong.',
  },
  GAME_NOT_FOUND: {
    message: 'No live game has that PIN or id.',
    es: 'No hay ninguna partida con ese PIN.',
    en: 'There is no game with that PIN.',
  },
  GAME_LOCKED: {
    message: 'The game is locked: the teacher is not letting new players in.',
    es: 'La partida está cerrada a nuevos jugadores.',
    en: 'The game is locked to new players.',
  },
  GAME_FULL: {
    message: 'The game has reached its player limit.',
    es: 'La partida está llena.',
    en: 'The game is full.',
  },
  GAME_OVER: {
    message: 'The game has already finished.',
    es: 'La partida ya ha terminado.',
    en: 'The game has already finished.',
  },
  NICKNAME_TAKEN: {
    message: 'Someone in this game already uses that nickname.',
    es: 'Ese nombre ya está cogido: elige otro.',
    en: 'That name is taken: choose another one.',
  },
  NICKNAME_REFUSED: {
    message: 'That nickname is not allowed: choose another one.',
    es: 'Ese nombre no vale en clase: elige otro, que todos lo van a ver en la pantalla.',
    en: 'That name is not OK for class: choose another one, everyone will see it on the screen.',
  },
  INVALID_TOKEN: {
    message: 'That token does not belong to any player or host of a live game.',
    es: 'Tu sesión ya no es válida: vuelve a entrar.',
    en: 'Your session is no longer valid: join again.',
  },
  KICKED: {
    message: 'The teacher removed this player from the game.',
    es: 'El profesor te ha sacado de esta partida y no puedes volver a entrar.',
    en: 'The teacher removed you from this game, and you cannot join it again.',
  },
  NOT_HOST: {
    message: 'Only the host of the game can do that.',
    es: 'Solo el profesor puede hacer eso.',
    en: 'Only the teacher can do that.',
  },
  NOT_PLAYER: {
    message: 'Join the game first.',
    es: 'Primero entra en la partida.',
    en: 'Join the game first.',
  },
  WRONG_PHASE: {
    message: 'That cannot be done at this point of the game.',
    es: 'Ahora no se puede hacer eso.',
    en: 'That cannot be done right now.',
  },
  PAUSED: {
    message: 'The game is paused.',
    es: 'La partida está en pausa.',
    en: 'The game is paused.',
  },
  NOT_OPEN: {
    message: 'That question is not open for answers.',
    es: 'Esa pregunta ya no está abierta.',
    en: 'That question is no longer open.',
  },
  TOO_LATE: {
    message: 'Time is up for that question.',
    es: '¡Demasiado tarde! Se acabó el tiempo.',
    en: 'Too late! Time is up.',
  },
  INVALID_ANSWER: {
    message: 'That answer does not fit the question.',
    es: 'Esa respuesta no vale para esta pregunta.',
    en: 'That answer does not fit this question.',
  },
  PLAYER_NOT_FOUND: {
    message: 'No player with that id in this game.',
    es: 'Ese jugador ya no está.',
    en: 'That player is gone.',
  },
  DECK_NOT_FOUND: {
    message: 'No deck with that id.',
    es: 'Ese tema no existe.',
    en: 'That deck does not exist.',
  },
  DECK_EXISTS: {
    message: 'A deck with that id already exists.',
    es: 'Ya existe un tema con ese nombre.',
    en: 'A deck with that name already exists.',
  },
  DECK_UNUSABLE: {
    message: 'No questions could be made from that deck: it needs numbered sections ("1. Title") with bullet points.',
    es: 'No se pudieron crear preguntas con ese tema.',
    en: 'No questions could be made from that deck.',
  },
  NO_PLAYERS: {
    message: 'At least one player must join before the game starts.',
    es: 'Espera a que entre al menos un jugador.',
    en: 'Wait for at least one player to join.',
  },
  NOT_ENOUGH_QUESTIONS: {
    message: 'The deck does not have enough questions for that selection.',
    es: 'No hay tantas preguntas con esa selección.',
    en: 'Not that many questions match the selection.',
  },
  RATE_LIMITED: {
    message: 'Too many requests: slow down.',
    es: 'Demasiadas peticiones: espera un momento.',
    en: 'Too many requests: wait a moment.',
  },
  ORIGIN_NOT_ALLOWED: {
    message: 'Requests from that page or under that host name are not accepted.',
    es: 'Esta página no puede usar el servidor del cuestionario: ábrela desde la dirección que dio el profesor.',
    en: 'This page may not use the quiz server: open it from the address the teacher gave.',
  },
  TRY_AGAIN: {
    message: 'The server could not save that just now: try again.',
    es: 'El servidor no pudo guardarlo: reintentando…',
    en: 'The server could not save it: retrying…',
  },
  INTERNAL_ERROR: {
    message: 'Something went wrong on the server.',
    es: 'Algo ha fallado en el servidor. Inténtalo de nuevo.',
    en: 'Something went wrong on the server. Try again.',
  },
} as const satisfies Record<string, ErrorTexts>;

export type ErrorCode = keyof typeof ERRORS;

/** The languages of the web client; Spanish (the course's language) is the default. */
export type Lang = 'es' | 'en';

/** Whether a code (from an ack, a REST body or the client's own NETWORK) is one of the catalogue's; own keys only, never "constructor". */
export function isErrorCode(code: string): code is ErrorCode {
  return Object.prototype.hasOwnProperty.call(ERRORS, code);
}
