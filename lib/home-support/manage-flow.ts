import { and, asc, eq, gte, inArray } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { type HomeSupportRegistration, homeSupportNotes, homeSupportRegistrations, units } from "@/db/schema";
import { loadOfficeHours, toLocalDate } from "@/lib/calendar";
import { systemCtx } from "@/lib/auth/actor";
import { writeAudit } from "@/lib/audit/write";
import type { FlowCtx, FlowDefinition, StepOutcome } from "@/lib/chat-flows/types";
import { dataNumber } from "@/lib/chat-flows/types";
import { isNo, isYes, parseChoice } from "@/lib/chat-flows/words";
import { offerSlots, slotOf, slotsOf } from "./flow-slots";
import { OPEN_STATUSES } from "./register";
import { releasePlace, slotLabel, takePlace } from "./slots";

const say = (text: string, buttons?: { title: string; payload: string }[]) => ({
  text,
  ...(buttons?.length ? { buttons } : {}),
});

async function openBookings(ctx: FlowCtx): Promise<HomeSupportRegistration[]> {
  return ctx.tx
    .select()
    .from(homeSupportRegistrations)
    .where(
      and(
        eq(homeSupportRegistrations.oaUserId, ctx.oaUserId),
        inArray(homeSupportRegistrations.status, [...OPEN_STATUSES]),
        gte(homeSupportRegistrations.slotDate, toLocalDate(ctx.at)),
      ),
    )
    .orderBy(asc(homeSupportRegistrations.slotDate), asc(homeSupportRegistrations.id))
    .limit(5);
}

/** The citizen's own open booking, locked; null when staff closed it meanwhile or it is someone else's. */
async function lockOwnOpen(ctx: FlowCtx, id: number | null): Promise<HomeSupportRegistration | null> {
  if (id == null) return null;
  const [r] = await ctx.tx
    .select()
    .from(homeSupportRegistrations)
    .where(
      and(
        eq(homeSupportRegistrations.id, id),
        eq(homeSupportRegistrations.oaUserId, ctx.oaUserId),
        inArray(homeSupportRegistrations.status, [...OPEN_STATUSES]),
      ),
    )
    .for("update");
  return r ?? null;
}

async function unitName(tx: Tx, id: number): Promise<string> {
  const [u] = await tx.select({ name: units.name }).from(units).where(eq(units.id, id));
  return u?.name ?? "";
}

async function describe(ctx: FlowCtx, r: HomeSupportRegistration): Promise<string> {
  return slotLabel({ date: r.slotDate, slot: r.slot }, await loadOfficeHours(ctx.tx, r.unitId));
}

async function actionPrompt(ctx: FlowCtx, r: HomeSupportRegistration): Promise<StepOutcome> {
  return {
    step: "action",
    data: { registrationId: r.id },
    replies: [
      say(ctx.texts.t("manageAction", { code: r.code, procedure: r.procedureText, slot: await describe(ctx, r) }), [
        { title: "1. Đổi thời gian", payload: "1" },
        { title: "2. Hủy lịch", payload: "2" },
      ]),
    ],
  };
}

async function gone(ctx: FlowCtx): Promise<StepOutcome> {
  const id = dataNumber(ctx.data, "registrationId");
  const [r] = id ? await ctx.tx.select().from(homeSupportRegistrations).where(eq(homeSupportRegistrations.id, id)) : [];
  return {
    end: "done",
    replies: [say(ctx.texts.t("manageGone", { code: r?.code ?? "", unit: r ? await unitName(ctx.tx, r.unitId) : "" }))],
  };
}

async function note(tx: Tx, r: HomeSupportRegistration, body: string) {
  await tx.insert(homeSupportNotes).values({ registrationId: r.id, kind: "note", body });
  await writeAudit(tx, systemCtx(), {
    action: "homesupport.citizen",
    entityType: "home_support_registration",
    entityId: r.id,
    unitId: r.unitId,
    summary: `${r.code}: ${body}`,
  });
}

/** "đổi lịch" / "hủy lịch": the citizen moves or cancels their own booking by chat. */
export const manageBookingFlow: FlowDefinition = {
  name: "home-support-manage",
  async start(ctx) {
    const mine = await openBookings(ctx);
    if (!mine.length) return { end: "done", replies: [say(ctx.texts.t("manageNone"))] };
    if (mine.length === 1) return actionPrompt(ctx, mine[0]);
    const lines = await Promise.all(
      mine.map(async (r, i) => `${i + 1}. ${r.code}: ${r.procedureText}, ${await describe(ctx, r)}`),
    );
    return {
      step: "pick",
      data: { choices: mine.map((r) => r.id) },
      replies: [
        say(
          ctx.texts.t("managePick", { list: lines.join("\n") }),
          mine.map((r, i) => ({ title: `${i + 1}. ${r.code}`, payload: String(i + 1) })),
        ),
      ],
    };
  },
  steps: {
    pick: {
      help: (ctx) => ctx.texts.t("managePickHelp"),
      async handle(ctx, input) {
        const choices = Array.isArray(ctx.data.choices) ? (ctx.data.choices as number[]) : [];
        const n = input.kind === "text" ? parseChoice(input.folded, choices.length) : null;
        if (!n) return { replies: [say(ctx.texts.t("managePickHelp"))] };
        const r = await lockOwnOpen(ctx, choices[n - 1]);
        return r ? actionPrompt(ctx, r) : gone({ ...ctx, data: { registrationId: choices[n - 1] } });
      },
    },
    action: {
      help: (ctx) => ctx.texts.t("manageActionHelp"),
      async handle(ctx, input) {
        const n = input.kind === "text" ? parseChoice(input.folded, 2) : null;
        if (n !== 1 && n !== 2) return { replies: [say(ctx.texts.t("manageActionHelp"))] };
        const r = await lockOwnOpen(ctx, dataNumber(ctx.data, "registrationId"));
        if (!r) return gone(ctx);
        if (n === 2) {
          await ctx.tx
            .update(homeSupportRegistrations)
            .set({ status: "cancelled", updatedAt: new Date() })
            .where(eq(homeSupportRegistrations.id, r.id));
          await releasePlace(ctx.tx, r.unitId, { date: r.slotDate, slot: r.slot });
          await note(ctx.tx, r, "Người dân hủy lịch qua Zalo OA.");
          return { end: "done", replies: [say(ctx.texts.t("manageCancelled", { code: r.code }))] };
        }
        const offer = await offerSlots(ctx, r.unitId, { date: r.slotDate, slot: r.slot });
        if (!offer.offered.length)
          return { end: "done", replies: [say(ctx.texts.t("noSlots", { unit: await unitName(ctx.tx, r.unitId) }))] };
        return {
          step: "slot",
          data: { ...ctx.data, offered: offer.offered },
          replies: [say(ctx.texts.t("askSlot", { procedure: r.procedureText, list: offer.list }), offer.buttons)],
        };
      },
    },
    slot: {
      help: (ctx) => ctx.texts.t("slotHelp"),
      async handle(ctx, input) {
        const offered = slotsOf(ctx.data);
        const n = input.kind === "text" ? parseChoice(input.folded, offered.length) : null;
        if (!n) return { replies: [say(ctx.texts.t("slotHelp"))] };
        const r = await lockOwnOpen(ctx, dataNumber(ctx.data, "registrationId"));
        if (!r) return gone(ctx);
        const chosen = offered[n - 1];
        const slot = slotLabel(chosen, await loadOfficeHours(ctx.tx, r.unitId));
        return {
          step: "confirm",
          data: { ...ctx.data, chosen },
          replies: [
            say(ctx.texts.t("manageMoveSummary", { code: r.code, slot }), [
              { title: "1. Xác nhận", payload: "1" },
              { title: "2. Chọn lại", payload: "2" },
            ]),
          ],
        };
      },
    },
    confirm: {
      help: (ctx) => ctx.texts.t("confirmHelp"),
      async handle(ctx, input) {
        const chosen = slotOf(ctx.data, "chosen");
        const folded = input.kind === "text" ? input.folded : "";
        if (!chosen || (!isYes(folded) && !isNo(folded))) return { replies: [say(ctx.texts.t("confirmHelp"))] };
        const r = await lockOwnOpen(ctx, dataNumber(ctx.data, "registrationId"));
        if (!r) return gone(ctx);
        const hours = await loadOfficeHours(ctx.tx, r.unitId);
        const current = { date: r.slotDate, slot: r.slot };
        if (isNo(folded) || !(await takePlace(ctx.tx, r.unitId, chosen))) {
          const offer = await offerSlots(ctx, r.unitId, current);
          if (!offer.offered.length)
            return { end: "done", replies: [say(ctx.texts.t("noSlots", { unit: await unitName(ctx.tx, r.unitId) }))] };
          const text = isNo(folded)
            ? ctx.texts.t("askSlot", { procedure: r.procedureText, list: offer.list })
            : ctx.texts.t("slotTaken", { slot: slotLabel(chosen, hours), list: offer.list });
          return { step: "slot", data: { ...ctx.data, offered: offer.offered }, replies: [say(text, offer.buttons)] };
        }
        await ctx.tx
          .update(homeSupportRegistrations)
          .set({ slotDate: chosen.date, slot: chosen.slot, reminderSentAt: null, updatedAt: new Date() })
          .where(eq(homeSupportRegistrations.id, r.id));
        await releasePlace(ctx.tx, r.unitId, current);
        const slot = slotLabel(chosen, hours);
        await note(ctx.tx, r, `Người dân đổi lịch qua Zalo OA sang ${slot}.`);
        return { end: "done", replies: [say(ctx.texts.t("manageMoved", { code: r.code, slot }))] };
      },
    },
  },
};
