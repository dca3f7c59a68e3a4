/**
 * Group commit: items that arrive while one flush is in flight go out together in the next one, so a busy
 * sender writes one statement per round trip instead of one per item, and an idle one still writes at once.
 * Each caller's promise settles when the flush holding its item does.
 */
export function groupCommit<T>(flush: (items: T[]) => Promise<void>): (item: T) => Promise<void> {
  let pending: { item: T; resolve: () => void; reject: (err: unknown) => void }[] = [];
  let draining = false;

  async function drain() {
    draining = true;
    while (pending.length) {
      const batch = pending;
      pending = [];
      try {
        await flush(batch.map((p) => p.item));
        for (const p of batch) p.resolve();
      } catch (err) {
        for (const p of batch) p.reject(err);
      }
    }
    draining = false;
  }

  return (item) =>
    new Promise<void>((resolve, reject) => {
      pending.push({ item, resolve, reject });
      if (!draining) void drain();
    });
}
