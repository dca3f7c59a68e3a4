import { describe, expect, it } from "vitest";
import { groupCommit } from "@/db/group-commit";

const tick = () => new Promise((r) => setTimeout(r, 5));

describe("group commit", () => {
  it(
    "writes the first item at once, the items that arrive meanwhile " +
      "together in the next flush, and answers each its own result",
    async () => {
      const flushes: number[][] = [];
      let release: () => void = () => {};
      const record = groupCommit<number, number>(async (items) => {
        flushes.push(items);
        if (flushes.length === 1) await new Promise<void>((r) => (release = r));
        return items.map((i) => i * 10);
      });
      const first = record(1);
      await tick();
      const rest = [record(2), record(3), record(4)];
      await tick();
      expect(flushes).toEqual([[1]]);
      release();
      expect(await Promise.all([first, ...rest])).toEqual([10, 20, 30, 40]);
      expect(flushes).toEqual([[1], [2, 3, 4]]);
      await record(5);
      expect(flushes.at(-1)).toEqual([5]);
    },
  );

  it("runs up to maxInFlight flushes at once: a slow one does not hold back the next", async () => {
    const started: number[][] = [];
    let releaseFirst: () => void = () => {};
    const record = groupCommit<number, number>(
      async (items) => {
        started.push(items);
        if (started.length === 1) await new Promise<void>((r) => (releaseFirst = r));
        return items;
      },
      { maxInFlight: 2 },
    );
    const first = record(1);
    const second = record(2);
    const third = record(3);
    const fourth = record(4);
    expect(await second).toBe(2);
    await tick();
    expect(started).toEqual([[1], [2], [3, 4]]);
    releaseFirst();
    expect(await Promise.all([first, third, fourth])).toEqual([1, 3, 4]);
  });

  it("a failed flush rejects exactly the callers whose items it held", async () => {
    let fail = true;
    const record = groupCommit<string>(async (items) => {
      await tick();
      if (fail) throw new Error("database down");
      return items.map(() => undefined);
    });
    const a = record("a");
    const b = record("b");
    await expect(a).rejects.toThrow("database down");
    fail = false;
    await expect(b).resolves.toBeUndefined();
    await expect(record("c")).resolves.toBeUndefined();
  });
});
