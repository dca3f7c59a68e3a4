import { getTranslations } from "next-intl/server";
import { uploadAnnouncementImage } from "@/lib/announcements/images";
import { currentStaff } from "@/lib/auth/session";
import { ForbiddenError, ValidationError } from "@/lib/errors";

export const dynamic = "force-dynamic";

/** POST multipart `file` → {id, url}; a refused file → 422 with the field's Vietnamese message. */
export async function POST(request: Request) {
  const me = await currentStaff();
  const m = await getTranslations();
  if (!me) return Response.json({ message: m("login.expired") }, { status: 401 });
  let file: FormDataEntryValue | null = null;
  try {
    file = (await request.formData()).get("file");
  } catch {
    file = null;
  }
  const field = new URL(request.url).searchParams.get("field") ?? "coverImage";
  try {
    if (!file || typeof file === "string")
      throw new ValidationError({ [field]: m("announcements.errors.imageMissing") });
    if (file.size > 2_000_000) throw new ValidationError({ [field]: m("announcements.errors.imageTooBig") });
    return Response.json(await uploadAnnouncementImage(me, { bytes: new Uint8Array(await file.arrayBuffer()), field }));
  } catch (err) {
    if (err instanceof ForbiddenError) return Response.json({ message: err.message }, { status: 403 });
    if (err instanceof ValidationError)
      return Response.json({ message: err.message, fieldErrors: err.fieldErrors }, { status: 422 });
    throw err;
  }
}
