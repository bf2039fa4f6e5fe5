/**
 * The body of a Repeater executor that forwards `source`: reads it until it ends, the repeater is
 * stopped (its consumer went away, or someone called `stop`) or `onValue` answers false; then
 * stops the repeater and closes the source. A stop ends the wait for the next value at once, which
 * a `for await` loop would not.
 */
export async function forwardUntilStopped<T>(
  source: AsyncIterable<T>,
  stop: Promise<unknown> & (() => unknown),
  onValue: (value: T) => Promise<boolean | void>,
): Promise<void> {
  const values = source[Symbol.asyncIterator]();
  const stopped = stop.then(() => ({ done: true as const, value: undefined }));
  try {
    for (;;) {
      const next = await Promise.race([values.next(), stopped]);
      if (next.done || (await onValue(next.value)) === false) break;
    }
  } finally {
    stop();
    await values.return?.();
  }
}
