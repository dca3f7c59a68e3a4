import { z } from "zod";
import { deliveryMethods, procedureLevels, supplementClockModes } from "@/db/schema";
import { checkbox, optionalText, text } from "@/lib/validation";

const blankToUndefined = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);

/** National TTHC code, optionally with the localised suffix of the national portal ("1.004873.000.00.00.H01"). */
const procedureCodeSchema = z
  .string()
  .trim()
  .toUpperCase()
  .regex(
    /^\d\.\d{6}(\.\d{3}\.\d{2}\.\d{2}\.[A-Z]\d{2})?$/,
    "Mã thủ tục không đúng định dạng (ví dụ 1.004227 hoặc 1.004873.000.00.00.H01).",
  );

/** Accepts "0,5" as typed on a Vietnamese keyboard as well as "0.5". */
const decimalInput = (v: unknown) => (typeof v === "string" ? v.trim().replace(",", ".") : v);

const processingDaysSchema = z.preprocess(
  (v) => blankToUndefined(decimalInput(v)),
  z.coerce
    .number({ error: "Số ngày xử lý phải là một số." })
    .min(0, "Số ngày xử lý không được âm.")
    .max(9999, "Số ngày xử lý tối đa 9999.")
    .refine((n) => Number.isInteger(n * 2), "Số ngày xử lý chỉ được lẻ đến nửa ngày (ví dụ 0,5 hoặc 2,5).")
    .optional(),
);

const processingHoursSchema = z.preprocess(
  blankToUndefined,
  z.coerce
    .number({ error: "Số giờ xử lý phải là một số nguyên." })
    .int("Số giờ xử lý phải là một số nguyên.")
    .min(0, "Số giờ xử lý không được âm.")
    .max(9999, "Số giờ xử lý tối đa 9999.")
    .optional(),
);

/** Amounts are typed the Vietnamese way ("1.000.000 đ"): dots and spaces group thousands. */
const feeAmountSchema = z.preprocess(
  (v) => blankToUndefined(typeof v === "string" ? v.replace(/[.\s]|đ|đồng/gi, "") : v),
  z.coerce
    .number({ error: "Số tiền phải là số nguyên (đồng)." })
    .int("Số tiền phải là số nguyên (đồng).")
    .min(0, "Số tiền không được âm.")
    .max(2_000_000_000, "Số tiền quá lớn.")
    .optional(),
);

const componentSchema = z.object({
  name: text("Tên thành phần hồ sơ", 500),
  copies: z.coerce
    .number({ error: "Số bản phải là số nguyên." })
    .int("Số bản phải là số nguyên.")
    .min(1, "Số bản ít nhất là 1.")
    .max(99, "Số bản tối đa 99."),
  original: z.preprocess((v) => (v === undefined || v === "" ? undefined : v), checkbox.optional()),
});

const asArray = (v: unknown): unknown[] => (v == null || v === "" ? [] : Array.isArray(v) ? v : [v]);

/**
 * The form posts components as parallel fields (componentName, componentCopies, componentOriginal — one per row),
 * which works without JavaScript; programmatic callers pass `components` as an array. Rows with no name are dropped.
 */
function componentsFrom(raw: Record<string, unknown>): unknown {
  if (raw.components !== undefined) return raw.components;
  const names = asArray(raw.componentName);
  const copies = asArray(raw.componentCopies);
  const originals = asArray(raw.componentOriginal);
  return names
    .map((name, i) => ({
      name,
      copies: copies[i] === "" || copies[i] == null ? 1 : copies[i],
      original: originals[i] === "1" || originals[i] === "on",
    }))
    .filter((c) => typeof c.name === "string" && c.name.trim() !== "");
}

const procedureFields = z
  .object({
    code: z.preprocess(blankToUndefined, procedureCodeSchema.optional()),
    name: text("Tên thủ tục", 500),
    field: text("Lĩnh vực", 200),
    sector: optionalText("Ngành", 200),
    level: z.preprocess(blankToUndefined, z.enum(procedureLevels, { error: "Cấp thực hiện không hợp lệ." }).optional()),
    agency: optionalText("Cơ quan thực hiện", 500),
    unitId: z.preprocess(
      blankToUndefined,
      z.coerce.number({ error: "Chọn đơn vị xử lý." }).int().positive("Chọn đơn vị xử lý.").optional(),
    ),
    processingDays: processingDaysSchema,
    processingHours: processingHoursSchema,
    processingNote: optionalText("Ghi chú thời hạn", 2000),
    feeText: optionalText("Phí, lệ phí", 1000),
    feeAmount: feeAmountSchema,
    components: z
      .array(componentSchema, { error: "Thành phần hồ sơ không hợp lệ." })
      .max(50, "Tối đa 50 thành phần hồ sơ."),
    deliveryMethods: z.preprocess(
      (v) => asArray(v).filter((x) => x !== ""),
      z
        .array(z.enum(deliveryMethods, { error: "Hình thức trả kết quả không hợp lệ." }))
        .min(1, "Chọn ít nhất một hình thức trả kết quả.")
        .transform((v) => [...new Set(v)]),
    ),
    cutoffTime: z.preprocess(
      blankToUndefined,
      z
        .string()
        .trim()
        .regex(/^([01]\d|2[0-3]):[0-5]\d$/, "Giờ chốt nhận hồ sơ theo dạng HH:mm (ví dụ 15:00).")
        .optional(),
    ),
    supplementClock: z.preprocess(
      (v) => blankToUndefined(v) ?? "pause",
      z.enum(supplementClockModes, { error: "Cách tính thời hạn khi bổ sung hồ sơ không hợp lệ." }),
    ),
  })
  .refine((v) => v.processingDays === undefined || v.processingHours === undefined, {
    path: ["processingHours"],
    message: "Chỉ nhập thời hạn theo ngày làm việc hoặc theo giờ, không nhập cả hai.",
  });

const withComponents = (raw: unknown) => {
  if (!raw || typeof raw !== "object" || Array.isArray(raw)) return raw;
  const r = raw as Record<string, unknown>;
  // The form always posts an empty deliveryMethods marker, so only programmatic callers get the default.
  return { ...r, components: componentsFrom(r), deliveryMethods: r.deliveryMethods ?? ["counter"] };
};

export const procedureCreateSchema = z.preprocess(withComponents, procedureFields);
export type ProcedureInput = z.infer<typeof procedureCreateSchema>;

const idSchema = z.coerce.number({ error: "Thiếu mã thủ tục." }).int().positive("Thiếu mã thủ tục.");

export const procedureUpdateSchema = z.preprocess(
  withComponents,
  z.intersection(procedureFields, z.object({ id: idSchema })),
);

export const procedureRetireSchema = z.object({
  id: idSchema,
  reason: optionalText("Lý do ngừng áp dụng", 1000),
});

export const procedureReactivateSchema = z.object({ id: idSchema });

export const procedureListQuerySchema = z.object({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(10).max(100).default(20),
  q: z.string().trim().max(200).optional(),
  field: z.string().trim().max(200).optional(),
  status: z.enum(["active", "retired", "all"]).default("active"),
});
export type ProcedureListQuery = z.infer<typeof procedureListQuerySchema>;
