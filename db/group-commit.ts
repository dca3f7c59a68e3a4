/**
 * Group commit: items that arrive while one flush is in flight go out together in the next one, so a busy
 * process writes one statement per round trip instead of one per item, and an idle one still writes at once.
 * `flush` answers one result per item, in order; each caller's promise settles with its own.
 */
export function groupCommit<T, R = void>(flush: (items: T[]) => Promise<R[]>): (item: T) => Promise<R> {
  let pending: { item: T; resolve: (r: R) => void; reject: (err: unknown) => void }[] = [];
  let draining = false;

  async function drain() {
    draining = true;
    while (pending.length) {
      const batch = pending;
      pending = [];
      try {
        const results = await flush(batch.map((p) => p.item));
        batch.forEach((p, i) => p.resolve(results[i]));
      } catch (err) {
        for (const p of batch) p.reject(err);
      }
    }
    draining = false;
  }

  return (item) =>
    new Promise<R>((resolve, reject) => {
      pending.push({ item, resolve, reject });
      if (!draining) void drain();
    });
}
