import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import { en } from "./messages/en";
import { vi } from "./messages/vi";
import { msg, ref, translate } from "./translate";

type Tree = { [k: string]: string | Tree };

function leaves(tree: Tree, prefix = ""): Map<string, string> {
  const out = new Map<string, string>();
  for (const [k, v] of Object.entries(tree)) {
    if (typeof v === "string") out.set(prefix + k, v);
    else for (const [kk, vv] of leaves(v, `${prefix}${k}.`)) out.set(kk, vv);
  }
  return out;
}

// These show braces to the admin as text (how to write a template), not placeholders of their own.
const LITERAL_BRACES = new Set(["notifications.templates.csTextHint", "homeSupport.menu.textsIntro"]);

const placeholders = (s: string) => [...s.matchAll(/\{\s*(\w+)\s*[,}]/g)].map((m) => m[1]).sort();

describe("message catalogue", () => {
  const viLeaves = leaves(vi as unknown as Tree);
  const enLeaves = leaves(en as unknown as Tree);

  it("has every key in both languages with the same placeholders", () => {
    const problems: string[] = [];
    for (const key of new Set([...viLeaves.keys(), ...enLeaves.keys()])) {
      const v = viLeaves.get(key);
      const e = enLeaves.get(key);
      if (v === undefined || e === undefined) problems.push(`${key}: missing in ${v === undefined ? "vi" : "en"}`);
      else if (!LITERAL_BRACES.has(key) && placeholders(v).join() !== placeholders(e).join())
        problems.push(`${key}: placeholders differ`);
    }
    expect(problems).toEqual([]);
  });

  it("parses every error message as ICU in both languages", () => {
    for (const [locale, messages] of [
      ["vi", vi],
      ["en", en],
    ] as const) {
      const failures: string[] = [];
      const t = createTranslator({ locale, messages, onError: (e) => failures.push(e.message) });
      for (const [key, text] of leaves(messages.errors as unknown as Tree, "errors.")) {
        const values = Object.fromEntries(placeholders(text).map((p) => [p, "x"]));
        (t as unknown as (k: string, v: object) => string)(key, values);
      }
      expect(failures).toEqual([]);
    }
  });
});

describe("translate", () => {
  it("renders a packed key with values, nested keys included, in either language", () => {
    const packed = msg("errors.field.tooLong", { label: ref("errors.api.notFoundTitle"), max: 20 });
    expect(translate("vi", packed)).toBe("Không tìm thấy: tối đa 20 ký tự.");
    expect(translate("en", packed)).toBe("Not found: at most 20 characters.");
  });

  it("passes literal text through", () => {
    expect(translate("en", "Zalo: -216 Access token is invalid")).toBe("Zalo: -216 Access token is invalid");
  });
});
