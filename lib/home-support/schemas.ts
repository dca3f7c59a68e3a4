import { z } from "zod";
import { callOutcomes, homeSupportNoteKinds, homeSupportSlots, homeSupportStatuses } from "@/db/schema";
import { optionalText, text } from "@/lib/validation";

const id = (label: string) =>
  z.coerce
    .number({ error: `${label} không hợp lệ.` })
    .int()
    .positive(`${label} không hợp lệ.`);
const blank = (v: unknown) => (v === "" || v == null ? undefined : v);

export const listQuerySchema = z.object({
  q: z.preprocess(blank, z.string().trim().max(100).optional()),
  status: z.preprocess(blank, z.enum(homeSupportStatuses).optional()),
  date: z.preprocess(blank, z.iso.date().optional()),
  page: z.preprocess(blank, z.coerce.number().int().min(1).max(10_000).default(1)),
});

export const statusSchema = z.object({
  id: id("Đăng ký"),
  status: z.enum(homeSupportStatuses, { error: "Trạng thái không hợp lệ." }),
});

export const assignSchema = z.object({
  id: id("Đăng ký"),
  assigneeId: z.preprocess(blank, id("Cán bộ").optional()),
});

export const noteSchema = z
  .object({
    id: id("Đăng ký"),
    kind: z.enum(homeSupportNoteKinds, { error: "Loại ghi chú không hợp lệ." }),
    outcome: z.preprocess(blank, z.enum(callOutcomes, { error: "Kết quả cuộc gọi không hợp lệ." }).optional()),
    body: text("errors.fields.body", 2000),
  })
  .refine((v) => v.kind !== "call" || v.outcome, { path: ["outcome"], message: "Chọn kết quả cuộc gọi." });

export const linkDossierSchema = z.object({ registrationId: id("Đăng ký"), dossierId: id("Hồ sơ") });

const capacityCell = z.preprocess(
  blank,
  z.coerce
    .number({ error: "Số lượt phải là số." })
    .int("Số lượt phải là số nguyên.")
    .min(0, "Số lượt không âm.")
    .max(200, "Tối đa 200 lượt.")
    .optional(),
);

/** Cells named "cap-<weekday>-<slot>"; an empty cell falls back to the default capacity. */
export const capacitySchema = z.object({
  unitId: id("Đơn vị"),
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
  homeSupportUnitId: z.preprocess(blank, id("Đơn vị").optional()),
  homeSupportKeyword: optionalText("errors.fields.keyword", 60),
  defaultCapacity: z.coerce
    .number({ error: "Số lượt phải là số." })
    .int()
    .min(0, "Số lượt không âm.")
    .max(200, "Tối đa 200 lượt."),
  contactsUnitId: z.preprocess(blank, id("Đơn vị").optional()),
  contactsPhone: optionalText("errors.fields.phoneNumber", 40),
});

export const botTextSchema = z.object({ key: z.string().min(1), text: z.string().max(2000, "Tối đa 2.000 ký tự.") });
