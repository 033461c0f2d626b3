import { saveHostSession } from '../host/host-session.js';
import { bankApi } from './bank-api.js';

interface Created {
  gameId: string;
  pin: string;
  hostToken: string;
  joinUrl: string;
}

/** Creates a review game and opens the host lobby on it (the host page attaches to the game this browser hosts). */
export async function openReviewGame(body: { gameId: string } | { deckId: string; section: string }): Promise<void> {
  const created = await bankApi<Created>('POST', '/api/review-games', body);
  saveHostSession({ gameId: created.gameId, hostToken: created.hostToken, pin: created.pin, joinUrl: created.joinUrl });
  location.assign('/host');
}
