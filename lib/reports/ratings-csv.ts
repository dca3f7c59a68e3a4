import { type Ctx, requirePermission } from "@/lib/auth/actor";
import { auditExport } from "@/lib/audit/export";
import { formatDateTime } from "@/lib/format";
import { ratings as messages } from "@/lib/i18n/messages/vi/ratings";
import { dbOf } from "@/lib/services/context";
import { parseInput } from "@/lib/validation";
import { csvLine } from "./export";
import { makePeriod, reportQuerySchema } from "./period";
import { ratingsPage } from "./ratings-page";
import { reportScope } from "./scope";

const PAGE = 5000;
const header = [
  "Mã hồ sơ",
  "Mức đánh giá",
  "Kênh",
  "Sự thuận tiện",
  "Thái độ của cán bộ",
  "Thời gian giải quyết",
  "Góp ý",
  "Thời gian đánh giá",
  "Cập nhật",
];

/**
 * Ratings given in a period as CSV, streamed: pages of 5,000 rows by keyset on the id, each written before the
 * next is read, so memory stays flat whatever the number of rows.
 */
export async function ratingsCsvStream(ctx: Ctx, raw: unknown): Promise<ReadableStream<Uint8Array>> {
  requirePermission(ctx, "reports.read");
  const db = dbOf(ctx);
  const now = ctx.now ?? new Date();
  const q = parseInput(reportQuerySchema, raw);
  const scope = await reportScope(db, ctx, q.unit);
  const p = makePeriod(q.from, q.to, now);
  const enc = new TextEncoder();
  let after = 0;
  let count = 0;
  let started = false;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!started) {
        started = true;
        controller.enqueue(enc.encode("\ufeff" + csvLine(header)));
        return;
      }
      const rows = await ratingsPage(db, scope, p, after, PAGE);
      if (!rows.length) {
        await auditExport({ ...ctx, db }, { kind: "ratings", filter: q, rows: count });
        controller.close();
        return;
      }
      count += rows.length;
      after = rows[rows.length - 1].id;
      const level = (l: string | undefined) => (l ? messages.levels[l as keyof typeof messages.levels] : "");
      controller.enqueue(
        enc.encode(
          rows
            .map((r) =>
              csvLine([
                r.dossierCode,
                level(r.level),
                messages.channels[r.channel],
                level(r.criteria.convenience),
                level(r.criteria.attitude),
                level(r.criteria.timeliness),
                r.comment,
                formatDateTime(r.ratedAt),
                formatDateTime(r.updatedAt),
              ]),
            )
            .join(""),
        ),
      );
    },
  });
}
