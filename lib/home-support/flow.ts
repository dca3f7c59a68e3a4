import { eq } from "drizzle-orm";
import { zaloFollowers } from "@/db/schema";
import { loadOfficeHours } from "@/lib/calendar";
import type { FlowCtx, FlowDefinition, FlowInput, StepOutcome } from "@/lib/chat-flows/types";
import { dataNumber, dataString } from "@/lib/chat-flows/types";
import { isNo, isYes, otherText, parseChoice } from "@/lib/chat-flows/words";
import { publicBaseUrl } from "@/lib/config";
import { linkFollowerInfo } from "@/lib/followers/record";
import { displayVnPhone, normalizeVnMobile } from "@/lib/phone";
import { cleanText } from "@/lib/text";
import { offerSlots, slotOf, slotsOf } from "./flow-slots";
import { matchProcedures, procedureById, unitForRequest } from "./procedure-match";
import { insertRegistration } from "./register";
import { slotLabel, takePlace } from "./slots";

const MAX_FREE_TEXT = 300;

const help = (ctx: FlowCtx, key: Parameters<FlowCtx["texts"]["t"]>[0]) => ctx.texts.t(key);
const say = (text: string, buttons?: { title: string; payload: string }[]) => ({
  text,
  ...(buttons?.length ? { buttons } : {}),
});

/** The share-information card (Zalo's request_user_info) and the words recorded as what the citizen agreed to. */
function consentCard(ctx: FlowCtx) {
  const title = ctx.texts.t("consentTitle");
  const subtitle = ctx.texts.t("consentSubtitle");
  return {
    card: { title, subtitle, imageUrl: `${publicBaseUrl()}/home-support-card.png` },
    consentText: `${title}\n${subtitle}`,
  };
}

async function toSlotChoice(
  ctx: FlowCtx,
  data: Record<string, unknown>,
  procedureId: number | null,
  procedureText: string,
): Promise<StepOutcome> {
  const unit = await unitForRequest(ctx.tx, procedureId ? await procedureById(ctx.tx, procedureId) : null);
  const offer = await offerSlots(ctx, unit.id);
  const next = { ...data, procedureId, procedureText, unitId: unit.id, unitName: unit.name, offered: offer.offered };
  if (!offer.offered.length)
    return { end: "done", data: next, replies: [say(ctx.texts.t("noSlots", { unit: unit.name }))] };
  return {
    step: "slot",
    data: next,
    replies: [say(ctx.texts.t("askSlot", { procedure: procedureText, list: offer.list }), offer.buttons)],
  };
}

async function searchProcedure(ctx: FlowCtx, text: string): Promise<StepOutcome> {
  const other = otherText(text);
  if (other !== null) {
    if (!other) return { step: "other", replies: [say(ctx.texts.t("askOther"))] };
    return toSlotChoice(ctx, ctx.data, null, cleanText(other).slice(0, MAX_FREE_TEXT));
  }
  const keyword = cleanText(text).slice(0, 100);
  const found = await matchProcedures(ctx.tx, keyword);
  if (!found.length) return { step: "procedure", replies: [say(ctx.texts.t("procedureNone", { keyword }))] };
  const list = found.map((p, i) => `${i + 1}. ${p.name}`).join("\n");
  return {
    step: "procedureChoice",
    data: { ...ctx.data, choices: found.map((p) => p.id) },
    replies: [
      say(
        ctx.texts.t("procedureChoices", { keyword, list }),
        found.map((p, i) => ({ title: `${i + 1}. ${p.name}`, payload: String(i + 1) })),
      ),
    ],
  };
}

const textOf = (input: FlowInput) => (input.kind === "text" ? input : null);

/** Seed 004: share information → procedure by keyword → time slot → summary and confirmation with a booking code. */
export const homeSupportFlow: FlowDefinition = {
  name: "home-support",
  async start(ctx) {
    const { card, consentText } = consentCard(ctx);
    return { step: "consent", data: { consentText }, replies: [{ text: card.title, requestUserInfo: card }] };
  },
  steps: {
    consent: {
      help: (ctx) => help(ctx, "consentHelp"),
      async handle(ctx, input) {
        if (input.kind !== "submit_info") return { replies: [say(ctx.texts.t("consentHelp"))] };
        const phone84 = normalizeVnMobile(input.phone);
        if (!phone84) return { replies: [say(ctx.texts.t("consentBadPhone"))] };
        const name = input.name ? cleanText(input.name) : "";
        const [follower] = await ctx.tx
          .select({ id: zaloFollowers.id })
          .from(zaloFollowers)
          .where(eq(zaloFollowers.oaUserId, ctx.oaUserId));
        // The same consent links the Zalo account to the phone, as the OA's own share-information entry does.
        if (follower)
          await linkFollowerInfo(ctx.tx, follower.id, {
            phone84,
            name: name || null,
            address: input.address,
            consentAt: ctx.at,
          });
        return {
          step: "procedure",
          data: { ...ctx.data, name, phone84, address: input.address, consentAt: ctx.at.toISOString() },
          replies: [say(ctx.texts.t("askProcedure", { name: name || "Ông/Bà" }))],
        };
      },
    },
    procedure: {
      help: (ctx) => help(ctx, "procedureHelp"),
      async handle(ctx, input) {
        const t = textOf(input);
        return t ? searchProcedure(ctx, t.text) : { replies: [say(ctx.texts.t("procedureHelp"))] };
      },
    },
    procedureChoice: {
      help: (ctx) => help(ctx, "procedureChoiceHelp"),
      async handle(ctx, input) {
        const t = textOf(input);
        if (!t) return { replies: [say(ctx.texts.t("procedureChoiceHelp"))] };
        const choices = Array.isArray(ctx.data.choices) ? (ctx.data.choices as number[]) : [];
        const n = parseChoice(t.folded, choices.length);
        if (n === 0) return { step: "other", replies: [say(ctx.texts.t("askOther"))] };
        if (n !== null) {
          const p = await procedureById(ctx.tx, choices[n - 1]);
          if (p) return toSlotChoice(ctx, ctx.data, p.id, p.name);
        }
        return searchProcedure(ctx, t.text);
      },
    },
    other: {
      help: (ctx) => help(ctx, "otherHelp"),
      async handle(ctx, input) {
        const t = textOf(input);
        const text = t ? cleanText(otherText(t.text) ?? t.text) : "";
        if (!text) return { replies: [say(ctx.texts.t("otherHelp"))] };
        return toSlotChoice(ctx, ctx.data, null, text.slice(0, MAX_FREE_TEXT));
      },
    },
    slot: {
      help: (ctx) => help(ctx, "slotHelp"),
      async handle(ctx, input) {
        const t = textOf(input);
        const offered = slotsOf(ctx.data);
        const n = t ? parseChoice(t.folded, offered.length) : null;
        if (!n) return { replies: [say(ctx.texts.t("slotHelp"))] };
        const chosen = offered[n - 1];
        const unitId = dataNumber(ctx.data, "unitId")!;
        const hours = await loadOfficeHours(ctx.tx, unitId);
        const phone84 = dataString(ctx.data, "phone84");
        const summary = ctx.texts.t("summary", {
          name: dataString(ctx.data, "name") || "—",
          phone: phone84 ? displayVnPhone(phone84) : "—",
          address: dataString(ctx.data, "address") || "—",
          procedure: dataString(ctx.data, "procedureText") ?? "",
          slot: slotLabel(chosen, hours),
        });
        return {
          step: "confirm",
          data: { ...ctx.data, chosen },
          replies: [
            say(summary, [
              { title: "1. Xác nhận", payload: "1" },
              { title: "2. Chọn lại thời gian", payload: "2" },
            ]),
          ],
        };
      },
    },
    confirm: {
      help: (ctx) => help(ctx, "confirmHelp"),
      async handle(ctx, input) {
        const t = textOf(input);
        const unitId = dataNumber(ctx.data, "unitId")!;
        const chosen = slotOf(ctx.data, "chosen");
        if (!t || !chosen) return { replies: [say(ctx.texts.t("confirmHelp"))] };
        if (isNo(t.folded)) {
          const offer = await offerSlots(ctx, unitId);
          const procedure = dataString(ctx.data, "procedureText") ?? "";
          return {
            step: "slot",
            data: { ...ctx.data, offered: offer.offered },
            replies: [say(ctx.texts.t("askSlot", { procedure, list: offer.list }), offer.buttons)],
          };
        }
        if (!isYes(t.folded)) return { replies: [say(ctx.texts.t("confirmHelp"))] };
        const hours = await loadOfficeHours(ctx.tx, unitId);
        if (!(await takePlace(ctx.tx, unitId, chosen))) {
          const offer = await offerSlots(ctx, unitId);
          const unitName = dataString(ctx.data, "unitName") ?? "";
          if (!offer.offered.length) return { end: "done", replies: [say(ctx.texts.t("noSlots", { unit: unitName }))] };
          return {
            step: "slot",
            data: { ...ctx.data, offered: offer.offered },
            replies: [
              say(ctx.texts.t("slotTaken", { slot: slotLabel(chosen, hours), list: offer.list }), offer.buttons),
            ],
          };
        }
        const procedureText = dataString(ctx.data, "procedureText") ?? "";
        const reg = await insertRegistration(ctx.tx, {
          unitId,
          oaUserId: ctx.oaUserId,
          citizenName: dataString(ctx.data, "name") || "Người dân",
          phone84: dataString(ctx.data, "phone84"),
          address: dataString(ctx.data, "address"),
          consentAt: new Date(dataString(ctx.data, "consentAt") ?? ctx.at.toISOString()),
          consentText: dataString(ctx.data, "consentText") ?? "",
          procedureId: dataNumber(ctx.data, "procedureId"),
          procedureText,
          slotDate: chosen.date,
          slot: chosen.slot,
        });
        const text = ctx.texts.t("confirmed", {
          procedure: procedureText,
          slot: slotLabel(chosen, hours),
          code: reg.code,
          unit: dataString(ctx.data, "unitName") ?? "",
        });
        return { end: "done", data: { ...ctx.data, registrationId: reg.id }, replies: [say(text)] };
      },
    },
  },
};
