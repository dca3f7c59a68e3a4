import { z } from "zod";
import { dossierChannels, dossierStatuses } from "@/db/schema";
import { dayFromInput } from "@/lib/day-input";
import { onTimeStates } from "./on-time";

const day = z.preprocess(dayFromInput, z.string().regex(/^\d{4}-\d{2}-\d{2}$/));
const dossierSorts = ["receivedAt", "dueAt", "code", "status"] as const;

const dossierListQuerySchema = z.object({
  q: z.string().trim().max(100).optional(),
  status: z.enum(dossierStatuses).optional(),
  procedureId: z.coerce.number().int().positive().optional(),
  field: z.string().trim().min(1).max(200).optional(),
  channel: z.enum(dossierChannels).optional(),
  from: day.optional(),
  to: day.optional(),
  onTime: z.enum(onTimeStates).optional(),
  zalo: z.enum(["yes", "no"]).optional(),
  sort: z.enum(dossierSorts).default("receivedAt"),
  dir: z.enum(["asc", "desc"]).default("desc"),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(5).max(200).default(25),
});
export type DossierListQuery = z.infer<typeof dossierListQuerySchema>;

/** A hand-edited URL must not break the list: each bad parameter falls back to its default on its own. */
export function parseDossierListQuery(raw: unknown): DossierListQuery {
  const input = (raw ?? {}) as Record<string, unknown>;
  const shape = dossierListQuerySchema.shape as Record<string, { safeParse(v: unknown): { success: boolean } }>;
  const clean = Object.fromEntries(
    Object.entries(input)
      .map(([k, v]) => [k, Array.isArray(v) ? v[0] : v] as const)
      .filter(([k, v]) => v !== "" && v != null && shape[k]?.safeParse(v).success),
  );
  return dossierListQuerySchema.parse(clean);
}
