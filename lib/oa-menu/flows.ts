import { eq } from "drizzle-orm";
import { type Procedure, units } from "@/db/schema";
import { loadOfficeHours } from "@/lib/calendar";
import type { FlowCtx, FlowDefinition, StepOutcome } from "@/lib/chat-flows/types";
import { parseChoice } from "@/lib/chat-flows/words";
import { publicBaseUrl } from "@/lib/config";
import { matchProcedures, procedureById, unitForRequest } from "@/lib/home-support/procedure-match";
import { loadMenuSettings } from "@/lib/home-support/settings";
import { translatorFor } from "@/lib/i18n/translate";
import { formatFee, formatProcessingTime } from "@/lib/procedures/format";
import { cleanText } from "@/lib/text";

const say = (text: string) => ({ text });
const oneShot = (name: string, reply: (ctx: FlowCtx) => Promise<string> | string): FlowDefinition => ({
  name,
  async start(ctx) {
    return { end: "done", replies: [say(await reply(ctx))] };
  },
  steps: {},
});

export const lookupFlow = oneShot("lookup", (ctx) => ctx.texts.t("lookup"));
export const newsFlow = oneShot("news", (ctx) => ctx.texts.t("news", { url: `${publicBaseUrl()}/tin-tuc` }));

/** Office hours and phone of the unit the OA names in its contacts entry (else the province's top unit). */
export const contactsFlow = oneShot("contacts", async (ctx) => {
  const settings = await loadMenuSettings(ctx.tx);
  const [configured] = settings.contactsUnitId
    ? await ctx.tx
        .select({ id: units.id, name: units.name, address: units.address })
        .from(units)
        .where(eq(units.id, settings.contactsUnitId))
    : [];
  const unit = configured ?? (await unitForRequest(ctx.tx, null));
  const hours = await loadOfficeHours(ctx.tx, unit.id);
  return ctx.texts.t("contacts", {
    unit: unit.name,
    address: unit.address ?? "—",
    morning: `${hours.morning[0]}–${hours.morning[1]}`,
    afternoon: `${hours.afternoon[0]}–${hours.afternoon[1]}`,
    saturday: hours.saturdayMorning ? ` và sáng thứ Bảy (${hours.morning[0]}–${hours.morning[1]})` : "",
    phone: settings.contactsPhone ?? "—",
  });
});

/** The national public-service portal's page of a procedure, by its national code. */
function procedureLink(p: Pick<Procedure, "code">): string | null {
  return p.code
    ? "https://dichvucong.gov.vn/p/home/dvc-tthc-thu-tuc-hanh-chinh-chi-tiet.html" +
        `?ma_thu_tuc=${encodeURIComponent(p.code)}`
    : null;
}

function procedureDetail(ctx: FlowCtx, p: Procedure): string {
  const documents = p.components.length
    ? p.components.map((c, i) => `  ${i + 1}. ${c.name} (${c.copies} bản)`).join("\n")
    : "  (chưa công bố)";
  const link = procedureLink(p);
  return ctx.texts.t("searchDetail", {
    name: p.name,
    documents,
    fee: formatFee(p, translatorFor("vi")),
    time: formatProcessingTime(p, translatorFor("vi")),
    link: link ? `\n- Chi tiết: ${link}` : "",
  });
}

async function search(ctx: FlowCtx, text: string): Promise<StepOutcome> {
  const keyword = cleanText(text).slice(0, 100);
  const found = await matchProcedures(ctx.tx, keyword);
  if (!found.length) return { step: "keyword", replies: [say(ctx.texts.t("searchNone", { keyword }))] };
  if (found.length === 1) return { end: "done", replies: [say(procedureDetail(ctx, found[0]))] };
  const list = found.map((p, i) => `${i + 1}. ${p.name}`).join("\n");
  return {
    step: "keyword",
    data: { choices: found.map((p) => p.id) },
    replies: [
      {
        text: ctx.texts.t("searchChoices", { keyword, list }),
        buttons: found.map((p, i) => ({ title: `${i + 1}. ${p.name}`, payload: String(i + 1) })),
      },
    ],
  };
}

/** "Tìm thủ tục": a keyword returns the matching procedures; a number, one procedure's documents, fee and time. */
export const procedureSearchFlow: FlowDefinition = {
  name: "procedure-search",
  async start(ctx) {
    return { step: "keyword", replies: [say(ctx.texts.t("searchAsk"))] };
  },
  steps: {
    keyword: {
      help: (ctx) => ctx.texts.t("searchHelp"),
      async handle(ctx, input) {
        if (input.kind !== "text") return { replies: [say(ctx.texts.t("searchHelp"))] };
        const choices = Array.isArray(ctx.data.choices) ? (ctx.data.choices as number[]) : [];
        const n = choices.length ? parseChoice(input.folded, choices.length) : null;
        if (n) {
          const p = await procedureById(ctx.tx, choices[n - 1]);
          if (p) return { end: "done", replies: [say(procedureDetail(ctx, p))] };
        }
        return search(ctx, input.text);
      },
    },
  },
};
