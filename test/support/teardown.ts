/**
 * Jest runs `afterAll` even when `beforeAll` failed part-way, so a suite's `let server: RunningApp`
 * may still be unset there although its type says otherwise. `await ifStarted(server)?.close()`
 * stops what was started and skips the rest, so one failed start neither hides the real error
 * behind a TypeError nor leaves the next server or Redis of the suite running.
 */
export function ifStarted<T>(value: T): T | undefined {
  return value;
}
