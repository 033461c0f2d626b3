/**
 * Closes a `switch` over a union: the call compiles only when every member has
 * its case, so a new member (a question type, a scoring profile) is a compile
 * error here instead of a silent fall-through. At run time it rejects data the
 * types did not foresee (a stored game from a newer version).
 */
export function assertNever(value: never, what: string): never {
  throw new Error(`Unknown ${what}: ${JSON.stringify(value)}`);
}
