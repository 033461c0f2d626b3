/**
 * Counts turns of the event loop: a `setImmediate` that re-arms itself moves `turn` on once per
 * turn. Started before the work it watches, it runs first in every turn, so work that records
 * `turn` says which turn it ran in. Stop it when done, or it keeps the loop alive.
 */
export function countTurns(): { readonly turn: number; stop(): void } {
  let turn = 0;
  let counting = true;
  const tick = () => {
    turn += 1;
    if (counting) setImmediate(tick);
  };
  setImmediate(tick);
  return {
    get turn() {
      return turn;
    },
    stop: () => {
      counting = false;
    },
  };
}
