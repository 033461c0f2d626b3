/**
 * A cheap look at a payload before class-transformer and class-validator walk
 * it: both recurse, so an array nested 2,000 deep (it fits in a 4 KB frame)
 * would overflow the stack, and both treat "__proto__" specially instead of
 * refusing it as the unknown field it is. This walk is iterative and stops at
 * the first problem.
 */
export const MAX_PAYLOAD_DEPTH = 6;
export const MAX_PAYLOAD_NODES = 2000;

/** Keys no payload has a use for, refused wherever they appear. */
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

export function payloadShapeProblem(payload: unknown): string | null {
  const stack: Array<{ value: unknown; depth: number }> = [{ value: payload, depth: 0 }];
  let nodes = 0;
  for (let next = stack.pop(); next !== undefined; next = stack.pop()) {
    const { value, depth } = next;
    if (typeof value !== 'object' || value === null) continue;
    if (depth >= MAX_PAYLOAD_DEPTH) return `the payload is nested deeper than ${MAX_PAYLOAD_DEPTH} levels`;
    const keys = Array.isArray(value) ? null : Object.keys(value);
    nodes += keys ? keys.length : (value as unknown[]).length;
    if (nodes > MAX_PAYLOAD_NODES) return `the payload has more than ${MAX_PAYLOAD_NODES} values`;
    if (!keys) {
      for (const item of value as unknown[]) stack.push({ value: item, depth: depth + 1 });
      continue;
    }
    for (const key of keys) {
      if (FORBIDDEN_KEYS.has(key)) return `property ${key} should not exist`;
      stack.push({ value: (value as Record<string, unknown>)[key], depth: depth + 1 });
    }
  }
  return null;
}
