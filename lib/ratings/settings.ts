import { eq } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { type RatingLevel, type RatingSettings, ratingSettings } from "@/db/schema";

const defaults: RatingSettings = {
  id: 1,
  criteria: [
    { key: "convenience", label: "Sự thuận tiện" },
    { key: "attitude", label: "Thái độ của cán bộ" },
    { key: "timeliness", label: "Thời gian giải quyết" },
  ],
  starLevels: { "1": "dissatisfied", "2": "dissatisfied", "3": "satisfied", "4": "satisfied", "5": "very_satisfied" },
  changeDays: 7,
  followupWorkingDays: 5,
  updatedAt: new Date(0),
};

export async function getRatingSettings(db: DbOrTx): Promise<RatingSettings> {
  const [row] = await db.select().from(ratingSettings).where(eq(ratingSettings.id, 1));
  return row ?? defaults;
}

/** Zalo's 1–5 stars on the official three levels, by the configured table (an unlisted star count is dissatisfied). */
export function levelForStars(settings: Pick<RatingSettings, "starLevels">, stars: number): RatingLevel {
  return settings.starLevels[String(Math.round(stars))] ?? "dissatisfied";
}
