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

const ID_NUMBER_MESSAGE = "errors.dossierSchema.idNumber";
const MOBILE_MESSAGE = "errors.dossierSchema.mobile";

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
  z.email("errors.dossierSchema.email").max(200, "errors.dossierSchema.emailTooLong").optional(),
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
    .array(z.string().transform(cleanText).pipe(z.string().min(1).max(500, "errors.dossierSchema.componentTooLong")))
    .max(50, "errors.dossierSchema.tooManyComponents"),
);

/** Who submits and who owns the dossier; shared by intake and correction. */
const peopleShape = {
  submitterName: text("errors.fields.submitterName", 200),
  submitterIdNumber: idNumber(true),
  submitterPhone: mobile,
  submitterEmail: email,
  submitterAddress: optionalText("errors.fields.submitterAddress", 500),
  ownerSameAsSubmitter: tickDefaultTrue,
  ownerName: optionalText("errors.fields.ownerName", 200),
  ownerIdNumber: idNumber(false),
  ownerPhone: mobile,
  ownerEmail: email,
  ownerAddress: optionalText("errors.fields.ownerAddress", 500),
  authorizationDocument: optionalText("errors.fields.authorizationDocument", 500),
  components: componentNames,
  setsCount: z.preprocess(
    (v) => (v === "" || v == null ? 1 : v),
    z.coerce
      .number({ error: "errors.dossierSchema.setsNumber" })
      .int("errors.dossierSchema.setsInteger")
      .min(1, "errors.dossierSchema.setsMin")
      .max(100, "errors.dossierSchema.setsMax"),
  ),
  notes: optionalText("errors.fields.notes", 2000),
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
      message: "errors.dossierSchema.ownerNameRequired",
    });
  if (!v.ownerIdNumber)
    c.addIssue({ code: "custom", path: ["ownerIdNumber"], message: "errors.dossierSchema.ownerIdNumber" });
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
      message: "errors.dossierSchema.zaloNeedsPhone",
    });
    c.addIssue({
      code: "custom",
      path: ["submitterPhone"],
      message: "errors.dossierSchema.phoneForZalo",
    });
  }
  if (v.notifySms && !v.submitterPhone) {
    c.addIssue({
      code: "custom",
      path: ["notifySms"],
      message: "errors.dossierSchema.smsNeedsPhone",
    });
    c.addIssue({ code: "custom", path: ["submitterPhone"], message: "errors.dossierSchema.phoneForSms" });
  }
  if ((v.deliverByPost || v.resultDelivery === "post_ems") && !v.submitterAddress && !v.ownerAddress) {
    c.addIssue({
      code: "custom",
      path: ["submitterAddress"],
      message: "errors.dossierSchema.addressForPost",
    });
  }
}

export const intakeSchema = z
  .object({
    ...peopleShape,
    procedureId: z.preprocess(
      blankToUndefined,
      z.coerce
        .number({ error: "errors.dossierSchema.procedureRequired" })
        .int()
        .positive("errors.dossierSchema.procedureRequired")
        .optional(),
    ),
    procedureCode: z.preprocess(blankToUndefined, z.string().trim().max(60).optional()),
    channel: z.preprocess(
      (v) => blankToUndefined(v) ?? "direct",
      z.enum(dossierChannels, { error: "errors.dossierSchema.channel" }),
    ),
    resultDelivery: z.preprocess(
      (v) => blankToUndefined(v) ?? "counter",
      z.enum(resultDeliveries, { error: "errors.dossierSchema.resultDelivery" }),
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
        .regex(/^[0-9A-Z.]{2,35}-\d{6}-[0-9A-Z]{4,12}$/, "errors.dossierSchema.nationalCode")
        .optional(),
    ),
    /** Online dossiers may arrive waiting for reception ("submitted"). */
    startAs: z.preprocess(
      (v) => blankToUndefined(v) ?? "received",
      z.enum(["received", "submitted"], { error: "errors.dossierSchema.startAs" }),
    ),
    receivedAt: z.preprocess(
      (v) => parseVietnamDateTime(blankToUndefined(v)),
      z.coerce.date({ error: "errors.dossierSchema.receivedAt" }).optional(),
    ),
    unitId: z.preprocess(blankToUndefined, z.coerce.number().int().positive().optional()),
  })
  .superRefine((v, c) => {
    if (!v.procedureId && !v.procedureCode)
      c.addIssue({ code: "custom", path: ["procedureId"], message: "errors.dossierSchema.procedureRequired" });
    requireOwner(v, c);
    requireContactForTicks(v, c);
    if (v.startAs === "submitted" && v.channel !== "online")
      c.addIssue({
        code: "custom",
        path: ["startAs"],
        message: "errors.dossierSchema.submittedOnlineOnly",
      });
    if (v.startAs === "submitted" && !v.nationalCode)
      c.addIssue({
        code: "custom",
        path: ["nationalCode"],
        message: "errors.dossierSchema.submittedNeedsNationalCode",
      });
    if (v.receivedAt instanceof Date && v.receivedAt.getTime() > Date.now() + 5 * 60_000)
      c.addIssue({ code: "custom", path: ["receivedAt"], message: "errors.dossierSchema.receivedAtFuture" });
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
    code: z.string({ error: "errors.dossierSchema.codeRequired" }).trim().min(1, "errors.dossierSchema.codeRequired"),
    ...peopleShape,
    reason: optionalText("errors.fields.correctionReason", 500),
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
      .number({ error: "errors.dossierSchema.amountNumber" })
      .int("errors.dossierSchema.amountInteger")
      .positive("errors.dossierSchema.amountPositive"),
    paymentUrl: z.preprocess(
      blankToUndefined,
      z
        .url({ protocol: /^https$/, error: "errors.dossierSchema.paymentUrl" })
        .max(1000)
        .refine(isAllowedPaymentUrl, "errors.dossierSchema.paymentHost")
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
    .array(z.string().max(500, "errors.dossierSchema.missingItemTooLong"))
    .max(30, "errors.dossierSchema.tooManyMissing")
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
    code: z.string({ error: "errors.dossierSchema.codeRequired" }).trim().min(1, "errors.dossierSchema.codeRequired"),
    to: z.enum(transitionTargets as [string, ...string[]], { error: "errors.dossierSchema.targetStatus" }),
    note: optionalText("errors.fields.notes", 2000),
    reason: optionalText("errors.fields.reason", 2000),
    fee: feeInput,
    missing: missingList,
    newDueAt: z.preprocess(
      (v) => parseVietnamDateTime(blankToUndefined(v)),
      z.coerce.date({ error: "errors.dossierSchema.newDueAt" }).optional(),
    ),
  }),
);
export type TransitionInput = z.infer<typeof transitionSchema>;
