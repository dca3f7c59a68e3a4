import type { Ctx } from "@/lib/auth/actor";
import { publicAnnouncementUrl } from "@/lib/announcements/content";
import { getAnnouncement, sendProgress } from "@/lib/announcements/queries";
import { createAnnouncement } from "@/lib/announcements/save-draft";
import { NotFoundError, ValidationError } from "@/lib/errors";
import type { ApiCaller } from "./authenticate";
import type { ApiAnswer } from "./idempotency";
import type { FieldMap } from "./problem";

/** A CMS key writes news as its unit's publisher would (it never approves). */
function cmsCtx(caller: ApiCaller): Ctx {
  return { ...caller.ctx, actor: { ...caller.ctx.actor, role: "publisher" } };
}

/** "body.0.url" → "body[0].url", the request's JSON path. */
export const announcementFieldMap: FieldMap = (f) => f.replace(/\.(\d+)(?=\.|$)/g, "[$1]");

export async function createAnnouncementViaApi(caller: ApiCaller, body: unknown): Promise<ApiAnswer> {
  const raw = (body ?? {}) as Record<string, unknown>;
  if (raw.body !== undefined && !Array.isArray(raw.body))
    throw new ValidationError({ body: "errors.announcement.bodyNotArray" });
  const a = await createAnnouncement(
    cmsCtx(caller),
    { ...raw, audience: { kind: "all" }, coverImageId: undefined },
    { source: "api" },
  );
  return { status: 201, body: { id: a.id, status: a.status } };
}

export async function readAnnouncementViaApi(caller: ApiCaller, id: string): Promise<ApiAnswer> {
  const ctx = cmsCtx(caller);
  const a = /^\d{1,9}$/.test(id) ? await getAnnouncement(ctx, Number(id)) : null;
  if (!a) throw new NotFoundError("errors.notFound.announcementOfKey");
  const p = await sendProgress(ctx, a.id);
  return {
    status: 200,
    body: {
      id: a.id,
      title: a.title,
      status: a.status,
      scheduledAt: a.scheduledAt?.toISOString() ?? null,
      publicUrl: a.publishedAt ? publicAnnouncementUrl(a.slug) : null,
      counts: { total: p.total, sent: p.sent, failed: p.failed, skipped: p.skipped, remaining: p.remaining },
    },
  };
}
