import { expect, it } from "vitest";
import type { Db } from "./client";
import { perDb } from "./per-db";

it("makes one value per database handle, on first use, and never shares it with another handle", () => {
  let made = 0;
  const counterOf = perDb(() => ({ n: ++made }));
  const a = {} as Db;
  const b = {} as Db;
  expect(counterOf(a)).toBe(counterOf(a));
  expect(counterOf(b)).not.toBe(counterOf(a));
  expect(made).toBe(2);
});
