/**
 * Group commit: items that arrive while a flush is in flight go out together in the next one, so a busy
 * process writes one statement per round trip instead of one per item, and an idle one still writes at once.
 * `flush` answers one result per item, in order; each caller's promise settles with its own. Up to
 * `maxInFlight` flushes run at once, so one slow commit does not hold back everything that arrives behind it.
 */
export function groupCommit<T, R = void>(
  flush: (items: T[]) => Promise<R[]>,
  { maxInFlight = 1 } = {},
): (item: T) => Promise<R> {
  let pending: { item: T; resolve: (r: R) => void; reject: (err: unknown) => void }[] = [];
  let inFlight = 0;

  function pump() {
    while (pending.length && inFlight < maxInFlight) {
      const batch = pending;
      pending = [];
      inFlight++;
      flush(batch.map((p) => p.item))
        .then(
          (results) => batch.forEach((p, i) => p.resolve(results[i])),
          (err: unknown) => batch.forEach((p) => p.reject(err)),
        )
        .finally(() => {
          inFlight--;
          pump();
        });
    }
  }

  return (item) =>
    new Promise<R>((resolve, reject) => {
      pending.push({ item, resolve, reject });
      pump();
    });
}
