/**
 * A module with one function wrapped to count its calls on this thread, for a vi.mock factory: a test of
 * work moved to a worker shows that the main thread no longer runs it (a worker loads the real module).
 */
export function countingCalls<M extends object>(
  module: M,
  name: keyof M & string,
  counts: Record<string, number>,
): M {
  const original = module[name] as (...args: unknown[]) => unknown;
  counts[name] = 0;
  const counted = (...args: unknown[]) => {
    counts[name] = (counts[name] ?? 0) + 1;
    return original(...args);
  };
  return { ...module, [name]: counted };
}
