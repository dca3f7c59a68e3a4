import { loadOfficeHours } from "@/lib/calendar";
import type { FlowCtx, FlowReply } from "@/lib/chat-flows/types";
import { type SlotOption, availableSlots, slotLabel } from "./slots";

export interface SlotOffer {
  offered: SlotOption[];
  list: string;
  buttons: FlowReply["buttons"];
}

/** Free slots of the unit right now, numbered for the chat, with one button per slot. */
export async function offerSlots(ctx: FlowCtx, unitId: number, exclude?: SlotOption | null): Promise<SlotOffer> {
  const hours = await loadOfficeHours(ctx.tx, unitId);
  const offered = (await availableSlots(ctx.tx, unitId, ctx.at, exclude ? 6 : 5))
    .filter((s) => !exclude || s.date !== exclude.date || s.slot !== exclude.slot)
    .slice(0, 5);
  const labels = offered.map((s) => slotLabel(s, hours));
  return {
    offered,
    list: labels.map((l, i) => `${i + 1}. ${l}`).join("\n"),
    buttons: labels.map((l, i) => ({ title: `${i + 1}. ${l.replace(/ \(.*\)$/, "")}`, payload: String(i + 1) })),
  };
}

export function slotsOf(data: Record<string, unknown>, key = "offered"): SlotOption[] {
  const v = data[key];
  return Array.isArray(v) ? (v as SlotOption[]) : [];
}

export function slotOf(data: Record<string, unknown>, key: string): SlotOption | null {
  const v = data[key] as SlotOption | undefined;
  return v && typeof v.date === "string" && (v.slot === "morning" || v.slot === "afternoon")
    ? { date: v.date, slot: v.slot }
    : null;
}
