import type { CalendarDayKind } from "@/db/schema/calendar";

const tones: Record<CalendarDayKind, string> = {
  holiday: "bg-red-100 text-red-900",
  compensatory_day_off: "bg-amber-100 text-amber-900",
  makeup_working_day: "bg-sky-100 text-sky-900",
};

export function KindBadge({ kind, label }: { kind: CalendarDayKind; label: string }) {
  return <span className={`inline-block rounded px-2 py-0.5 text-xs font-semibold ${tones[kind]}`}>{label}</span>;
}
