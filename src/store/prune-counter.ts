/** Writes between two prunings of expired keys: pruning is an indexed range delete, cheap but not free. */
const PRUNE_EVERY = 500;

/** Counts writes of once-only keys (event ids, kept responses): true when expired keys are due to go. */
export function pruneCounter(): () => boolean {
  let writes = 0;
  return () => {
    writes += 1;
    return writes % PRUNE_EVERY === 0;
  };
}
