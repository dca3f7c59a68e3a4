import { z } from "zod";
import { callOutcomes, homeSupportNoteKinds, homeSupportSlots, homeSupportStatuses } from "@/db/schema";
import { msg, ref } from "@/lib/i18n/translate";
import { optionalText, text } from "@/lib/validation";

const E = "errors.homeSupportSchema";
const id = (label: string) => {
  const invalid = msg(`${E}.invalidId`, { label: ref(`${E}.labels.${label}`) });
  return z.coerce.number({ error: invalid }).int().positive(invalid);
};
const blank = (v: unknown) => (v === "" || v == null ? undefined : v);

export const listQuerySchema = z.object({
  q: z.preprocess(blank, z.string().trim().max(100).optional()),
  status: z.preprocess(blank, z.enum(homeSupportStatuses).optional()),
  date: z.preprocess(blank, z.iso.date().optional()),
  page: z.preprocess(blank, z.coerce.number().int().min(1).max(10_000).default(1)),
});

export const statusSchema = z.object({
  id: id("registration"),
  status: z.enum(homeSupportStatuses, { error: `${E}.status` }),
});

export const assignSchema = z.object({
  id: id("registration"),
  assigneeId: z.preprocess(blank, id("staff").optional()),
});

export const noteSchema = z
  .object({
    id: id("registration"),
    kind: z.enum(homeSupportNoteKinds, { error: `${E}.noteKind` }),
    outcome: z.preprocess(blank, z.enum(callOutcomes, { error: `${E}.outcome` }).optional()),
    body: text("errors.fields.body", 2000),
  })
  .refine((v) => v.kind !== "call" || v.outcome, { path: ["outcome"], message: `${E}.outcomeRequired` });

export const linkDossierSchema = z.object({ registrationId: id("registration"), dossierId: id("dossier") });

const capacityCell = z.preprocess(
  blank,
  z.coerce
    .number({ error: `${E}.capacityNumber` })
    .int(`${E}.capacityInteger`)
    .min(0, `${E}.capacityNegative`)
    .max(200, `${E}.capacityMax`)
    .optional(),
);

/** Cells named "cap-<weekday>-<slot>"; an empty cell falls back to the default capacity. */
export const capacitySchema = z.object({
  unitId: id("unit"),
  cells: z.array(
    z.object({ weekday: z.number().int().min(0).max(6), slot: z.enum(homeSupportSlots), capacity: capacityCell }),
  ),
});

export const menuEntriesSchema = z.array(
  z.object({
    kind: z.string(),
    label: text("errors.fields.displayName", 60),
    keyword: text("errors.fields.keyword", 60),
    position: z.coerce.number().int().min(1).max(99),
    enabled: z.boolean(),
  }),
);

export const menuSettingsSchema = z.object({
  homeSupportUnitId: z.preprocess(blank, id("unit").optional()),
  homeSupportKeyword: optionalText("errors.fields.keyword", 60),
  defaultCapacity: z.coerce
    .number({ error: `${E}.capacityNumber` })
    .int()
    .min(0, `${E}.capacityNegative`)
    .max(200, `${E}.capacityMax`),
  contactsUnitId: z.preprocess(blank, id("unit").optional()),
  contactsPhone: optionalText("errors.fields.phoneNumber", 40),
});

export const botTextSchema = z.object({ key: z.string().min(1), text: z.string().max(2000, `${E}.botTextTooLong`) });
