import { z } from "zod";
import { dossierChannels, resultDeliveries } from "@/db/schema/dossiers";
import { normalizeVnMobile } from "@/lib/phone";
import { dayFromInput } from "@/lib/day-input";
import { cleanText } from "@/lib/text";
import { checkbox, optionalText, text } from "@/lib/validation";
import { transitionTargets } from "./lifecycle";

/** Cross-field rules run even when a field failed, so the form shows every problem at once. */
const evenWhenFieldsFail = { when: (p: { value: unknown }) => typeof p.value === "object" && p.value !== null };

const blankToUndefined = (v: unknown) => (v === "" || v === null ? undefined : v);

const ID_NUMBER_MESSAGE = "Số định danh cá nhân: CCCD gồm 12 chữ số hoặc CMND gồm 9 chữ số.";
const MOBILE_MESSAGE = "Số điện thoại di động Việt Nam không hợp lệ (ví dụ 0912 345 678).";

const idNumber = (required: boolean) => {
  const base = z
    .string({ error: `${ID_NUMBER_MESSAGE}` })
    .transform((v) => v.replace(/[\s.]/g, ""))
    .pipe(z.string().regex(/^(\d{9}|\d{12})$/, ID_NUMBER_MESSAGE));
  return required ? z.preprocess((v) => (v == null ? "" : v), base) : z.preprocess(blankToUndefined, base.optional());
};

/** Empty → undefined; anything else must be a Vietnamese mobile and becomes "84…". */
const mobile = z.preprocess(
  blankToUndefined,
  z
    .string()
    .optional()
    .refine((v) => v === undefined || normalizeVnMobile(v) !== null, MOBILE_MESSAGE)
    .transform((v) => (v === undefined ? undefined : (normalizeVnMobile(v) ?? undefined))),
);

const email = z.preprocess(
  (v) => (typeof v === "string" ? v.trim() || undefined : blankToUndefined(v)),
  z.email("Địa chỉ email không hợp lệ.").max(200, "Email: tối đa 200 ký tự.").optional(),
);

/** Forms send a hidden "0" before the checkbox so that an unticked box still arrives; the last value wins. */
const tickDefaultTrue = z.preprocess((v) => {
  const last = Array.isArray(v) ? v.at(-1) : v;
  if (last === undefined) return true;
  return last === true || last === "on" || last === "true" || last === "1";
}, z.boolean());

/** Checklist values arrive as one string, several strings, or an array of names/objects (API). */
const componentNames = z.preprocess(
  (v) => {
    if (v == null || v === "") return [];
    const list = Array.isArray(v) ? v : [v];
    return list
      .map((item) => (item && typeof item === "object" && "name" in item ? (item as { name: unknown }).name : item))
      .filter((item) => !(typeof item === "string" && item.trim() === ""));
  },
  z
    .array(z.string().transform(cleanText).pipe(z.string().min(1).max(500, "Tên thành phần hồ sơ: tối đa 500 ký tự.")))
    .max(50, "Tối đa 50 thành phần hồ sơ."),
);

/** Who submits and who owns the dossier; shared by intake and correction. */
const peopleShape = {
  submitterName: text("Họ tên người nộp", 200),
  submitterIdNumber: idNumber(true),
  submitterPhone: mobile,
  submitterEmail: email,
  submitterAddress: optionalText("Địa chỉ người nộp", 500),
  ownerSameAsSubmitter: tickDefaultTrue,
  ownerName: optionalText("Họ tên chủ hồ sơ", 200),
  ownerIdNumber: idNumber(false),
  ownerPhone: mobile,
  ownerEmail: email,
  ownerAddress: optionalText("Địa chỉ chủ hồ sơ", 500),
  authorizationDocument: optionalText("Văn bản ủy quyền", 500),
  components: componentNames,
  setsCount: z.preprocess(
    (v) => (v === "" || v == null ? 1 : v),
    z.coerce
      .number({ error: "Số bộ hồ sơ phải là số." })
      .int("Số bộ hồ sơ phải là số nguyên.")
      .min(1, "Số bộ hồ sơ ít nhất là 1.")
      .max(100, "Số bộ hồ sơ tối đa 100."),
  ),
  notes: optionalText("Ghi chú", 2000),
};

type PeopleFields = {
  ownerSameAsSubmitter: boolean;
  ownerName?: string;
  ownerIdNumber?: string;
  submitterPhone?: string;
  ownerPhone?: string;
  submitterAddress?: string;
  ownerAddress?: string;
};

function requireOwner(v: PeopleFields, c: z.RefinementCtx) {
  if (v.ownerSameAsSubmitter) return;
  if (!v.ownerName)
    c.addIssue({
      code: "custom",
      path: ["ownerName"],
      message: "Họ tên chủ hồ sơ: bắt buộc nhập khi người nộp không phải chủ hồ sơ.",
    });
  if (!v.ownerIdNumber)
    c.addIssue({ code: "custom", path: ["ownerIdNumber"], message: `Chủ hồ sơ: ${ID_NUMBER_MESSAGE}` });
}

/** The three ticks of seed 000 each need a way to reach the citizen. */
function requireContactForTicks(
  v: PeopleFields & { notifyZalo: boolean; notifySms: boolean; deliverByPost: boolean; resultDelivery?: string },
  c: z.RefinementCtx,
) {
  if (v.notifyZalo && !v.submitterPhone) {
    c.addIssue({
      code: "custom",
      path: ["notifyZalo"],
      message: "Đăng ký nhận thông báo qua Zalo cần số điện thoại di động hợp lệ của người nộp.",
    });
    c.addIssue({
      code: "custom",
      path: ["submitterPhone"],
      message: "Nhập số điện thoại di động (dùng Zalo) để nhận thông báo qua Zalo.",
    });
  }
  if (v.notifySms && !v.submitterPhone) {
    c.addIssue({
      code: "custom",
      path: ["notifySms"],
      message: "Đăng ký nhận SMS cần số điện thoại di động của người nộp.",
    });
    c.addIssue({ code: "custom", path: ["submitterPhone"], message: "Nhập số điện thoại di động để nhận SMS." });
  }
  if ((v.deliverByPost || v.resultDelivery === "post_ems") && !v.submitterAddress && !v.ownerAddress) {
    c.addIssue({
      code: "custom",
      path: ["submitterAddress"],
      message: "Nhập địa chỉ để nhận kết quả qua bưu chính (EMS).",
    });
  }
}

export const intakeSchema = z
  .object({
    ...peopleShape,
    procedureId: z.preprocess(
      blankToUndefined,
      z.coerce.number({ error: "Chọn thủ tục hành chính." }).int().positive("Chọn thủ tục hành chính.").optional(),
    ),
    procedureCode: z.preprocess(blankToUndefined, z.string().trim().max(60).optional()),
    channel: z.preprocess(
      (v) => blankToUndefined(v) ?? "direct",
      z.enum(dossierChannels, { error: "Kênh nộp hồ sơ không hợp lệ." }),
    ),
    resultDelivery: z.preprocess(
      (v) => blankToUndefined(v) ?? "counter",
      z.enum(resultDeliveries, { error: "Hình thức nhận kết quả không hợp lệ." }),
    ),
    notifyZalo: checkbox,
    notifySms: checkbox,
    deliverByPost: checkbox,
    nationalCode: z.preprocess(
      blankToUndefined,
      z
        .string()
        .trim()
        .toUpperCase()
        .regex(
          /^[0-9A-Z.]{2,35}-\d{6}-[0-9A-Z]{4,12}$/,
          "Mã hồ sơ của Cổng Dịch vụ công quốc gia không đúng định dạng.",
        )
        .optional(),
    ),
    /** Online dossiers may arrive waiting for reception ("submitted"). */
    startAs: z.preprocess(
      (v) => blankToUndefined(v) ?? "received",
      z.enum(["received", "submitted"], { error: "Trạng thái ban đầu không hợp lệ." }),
    ),
    receivedAt: z.preprocess(
      (v) => parseVietnamDateTime(blankToUndefined(v)),
      z.coerce.date({ error: "Thời điểm tiếp nhận không hợp lệ." }).optional(),
    ),
    unitId: z.preprocess(blankToUndefined, z.coerce.number().int().positive().optional()),
  })
  .superRefine((v, c) => {
    if (!v.procedureId && !v.procedureCode)
      c.addIssue({ code: "custom", path: ["procedureId"], message: "Chọn thủ tục hành chính." });
    requireOwner(v, c);
    requireContactForTicks(v, c);
    if (v.startAs === "submitted" && v.channel !== "online")
      c.addIssue({
        code: "custom",
        path: ["startAs"],
        message: "Chỉ hồ sơ nộp trực tuyến mới ở trạng thái chờ tiếp nhận.",
      });
    if (v.startAs === "submitted" && !v.nationalCode)
      c.addIssue({
        code: "custom",
        path: ["nationalCode"],
        message: "Hồ sơ trực tuyến chờ tiếp nhận cần mã hồ sơ của Cổng Dịch vụ công quốc gia.",
      });
    if (v.receivedAt instanceof Date && v.receivedAt.getTime() > Date.now() + 5 * 60_000)
      c.addIssue({ code: "custom", path: ["receivedAt"], message: "Thời điểm tiếp nhận không được ở tương lai." });
  })
  .transform((v) => ({
    ...v,
    // Ticking EMS delivery and choosing "bưu chính" for the result are the same wish.
    deliverByPost: v.deliverByPost || v.resultDelivery === "post_ems",
    resultDelivery: v.deliverByPost ? ("post_ems" as const) : v.resultDelivery,
  }));
export type IntakeInput = z.infer<typeof intakeSchema>;

export const correctionSchema = z
  .object({
    code: z.string({ error: "Thiếu mã hồ sơ." }).trim().min(1, "Thiếu mã hồ sơ."),
    ...peopleShape,
    reason: optionalText("Lý do điều chỉnh", 500),
  })
  .superRefine((v, c) => requireOwner(v, c), evenWhenFieldsFail);

/**
 * Hosts a fee payment link may point at (`FEE_PAYMENT_HOSTS`, comma-separated; each allows its subdomains):
 * by default the national portal's payment platform. A link the citizen is told to pay through must not lead
 * to a look-alike site.
 */
function paymentHosts(): string[] {
  return (process.env.FEE_PAYMENT_HOSTS || "dichvucong.gov.vn")
    .split(",")
    .map((h) => h.trim().toLowerCase())
    .filter(Boolean);
}

export function isAllowedPaymentUrl(url: string): boolean {
  try {
    const { protocol, hostname } = new URL(url);
    return protocol === "https:" && paymentHosts().some((h) => hostname === h || hostname.endsWith(`.${h}`));
  } catch {
    return false;
  }
}

/** Accepts the API's nested fee object or the form's flat fields. */
const feeInput = z
  .object({
    amount: z.coerce
      .number({ error: "Số tiền phải là số." })
      .int("Số tiền phải là số nguyên (đồng).")
      .positive("Số tiền phải lớn hơn 0."),
    paymentUrl: z.preprocess(
      blankToUndefined,
      z
        .url({ protocol: /^https$/, error: "Đường dẫn thanh toán phải là địa chỉ https hợp lệ." })
        .max(1000)
        .refine(isAllowedPaymentUrl, "Đường dẫn thanh toán phải thuộc cổng thanh toán được phép (FEE_PAYMENT_HOSTS).")
        .optional(),
    ),
  })
  .optional();

/** "2025-08-12T09:00" or "2025-08-12" from a form means Vietnam time; anything with a zone is taken as is. */
export function parseVietnamDateTime(v: unknown): unknown {
  if (typeof v !== "string") return v;
  // "12/08/2025 09:00" as typed in the portal's date fields (dd/mm/yyyy, see lib/day-input).
  const typed = /^(\S+)(?:\s+(\d{1,2}):(\d{2}))?$/.exec(v.trim());
  const day = typed ? dayFromInput(typed[1]) : null;
  const s =
    typed && typeof day === "string" && day !== typed[1]
      ? typed[2]
        ? `${day}T${typed[2].padStart(2, "0")}:${typed[3]}`
        : day
      : v.trim();
  if (/^\d{4}-\d{2}-\d{2}$/.test(s)) return `${s}T17:00:00+07:00`;
  if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/.test(s)) return `${s.length === 16 ? `${s}:00` : s}+07:00`;
  return s;
}

const missingList = z.preprocess(
  (v) => {
    if (v == null || v === "") return undefined;
    const list = Array.isArray(v) ? v : String(v).split(/\r?\n/);
    const items = list.map((s) => cleanText(String(s))).filter(Boolean);
    return items.length ? items : undefined;
  },
  z
    .array(z.string().max(500, "Mỗi giấy tờ cần bổ sung: tối đa 500 ký tự."))
    .max(30, "Tối đa 30 giấy tờ cần bổ sung.")
    .optional(),
);

export const transitionSchema = z.preprocess(
  (raw) => {
    if (!raw || typeof raw !== "object") return raw;
    const r = raw as Record<string, unknown>;
    if (r.fee === undefined && (r.feeAmount !== undefined || r.paymentUrl !== undefined)) {
      const amount = blankToUndefined(r.feeAmount);
      return { ...r, fee: amount === undefined && !r.paymentUrl ? undefined : { amount, paymentUrl: r.paymentUrl } };
    }
    return r;
  },
  z.object({
    code: z.string({ error: "Thiếu mã hồ sơ." }).trim().min(1, "Thiếu mã hồ sơ."),
    to: z.enum(transitionTargets as [string, ...string[]], { error: "Trạng thái chuyển đến không hợp lệ." }),
    note: optionalText("Ghi chú", 2000),
    reason: optionalText("Lý do", 2000),
    fee: feeInput,
    missing: missingList,
    newDueAt: z.preprocess(
      (v) => parseVietnamDateTime(blankToUndefined(v)),
      z.coerce.date({ error: "Ngày hẹn trả mới không hợp lệ." }).optional(),
    ),
  }),
);
export type TransitionInput = z.infer<typeof transitionSchema>;
