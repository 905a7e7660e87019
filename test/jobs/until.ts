/** Waits for an outcome, looking every `everyMs`; fails after `timeoutMs` rather than hang the suite. */
export async function until(
  check: () => boolean | Promise<boolean>,
  timeoutMs = 20_000,
  everyMs = 50,
): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > end) throw new Error("gave up waiting");
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
}
