// Polls a condition until it holds, or fails the test with what it waited for.

export async function waitFor(condition: () => boolean | Promise<boolean>, what: string, timeoutMs = 30_000, intervalMs = 50): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting until ${what}`);
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}

/**
 * Quotas count per clock hour: a burst that crosses the turn of the hour
 * starts a new count halfway and more than the quota succeeds. A test that
 * counts a quota exactly starts it clear of the turn, waiting it out when
 * fewer than `marginMs` are left.
 */
export async function clearOfHourTurn(marginMs = 90_000): Promise<void> {
  const left = 3_600_000 - (Date.now() % 3_600_000);
  if (left < marginMs) await new Promise((resolve) => setTimeout(resolve, left + 1_000));
}
