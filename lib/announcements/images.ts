import { and, eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { announcementImages } from "@/db/schema";
import { type Ctx, requirePermission } from "@/lib/auth/actor";
import { writeAudit } from "@/lib/audit/write";
import { ValidationError } from "@/lib/errors";
import { withTransaction } from "@/lib/services/context";

/** Zalo refuses article images above 1 MB (zalo-api.md §6.3), so the portal does too. */
const MAX_IMAGE_BYTES = 1_000_000;

/** The type read from the file's first bytes; the name and the browser's claim are not trusted. */
function sniffImageType(bytes: Uint8Array): "image/jpeg" | "image/png" | "image/webp" | null {
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return "image/jpeg";
  if (bytes.length >= 8 && [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a].every((b, i) => bytes[i] === b))
    return "image/png";
  const ascii = (from: number, to: number) => String.fromCharCode(...bytes.subarray(from, to));
  if (bytes.length >= 12 && ascii(0, 4) === "RIFF" && ascii(8, 12) === "WEBP") return "image/webp";
  return null;
}

function pngSize(bytes: Uint8Array): { width: number; height: number } | null {
  if (bytes.length < 24) return null;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return { width: view.getUint32(16), height: view.getUint32(20) };
}

/** Stores an uploaded cover or body image for the caller's unit after checking its size and real type. */
export async function uploadAnnouncementImage(
  ctx: Ctx,
  file: { bytes: Uint8Array; field?: string },
): Promise<{ id: number; url: string }> {
  requirePermission(ctx, "announcements.write");
  const field = file.field ?? "coverImage";
  if (ctx.actor.unitId == null) throw new ValidationError({ [field]: "announcements.errors.noUnit" });
  if (!file.bytes.length) throw new ValidationError({ [field]: "announcements.errors.imageMissing" });
  if (file.bytes.length > MAX_IMAGE_BYTES) throw new ValidationError({ [field]: "announcements.errors.imageTooBig" });
  const type = sniffImageType(file.bytes);
  if (!type) throw new ValidationError({ [field]: "announcements.errors.imageType" });
  const size = type === "image/png" ? pngSize(file.bytes) : null;
  return withTransaction(ctx, async (ctx, tx) => {
    const [row] = await tx
      .insert(announcementImages)
      .values({
        unitId: ctx.actor.unitId!,
        contentType: type,
        bytes: Buffer.from(file.bytes),
        size: file.bytes.length,
        width: size?.width ?? null,
        height: size?.height ?? null,
        uploadedBy: ctx.actor.id,
      })
      .returning({ id: announcementImages.id });
    await writeAudit(tx, ctx, {
      action: "announcement_image.upload",
      entityType: "announcement_image",
      entityId: row.id,
      summary: `Tải ảnh tin tuyên truyền (${Math.round(file.bytes.length / 1024)} KB)`,
    });
    return { id: row.id, url: imageUrl(row.id) };
  });
}

export function imageUrl(id: number): string {
  return `/tin-tuc/anh/${id}`;
}

/** Image bytes for the public route; images are public once uploaded (they appear in published articles). */
export async function readAnnouncementImage(id: number): Promise<{ contentType: string; bytes: Buffer } | null> {
  if (!Number.isSafeInteger(id) || id <= 0) return null;
  const [row] = await getDb()
    .select({ contentType: announcementImages.contentType, bytes: announcementImages.bytes })
    .from(announcementImages)
    .where(and(eq(announcementImages.id, id)));
  return row ?? null;
}
