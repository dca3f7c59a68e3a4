"use server";
import { getTranslations } from "next-intl/server";
import { revalidatePath } from "next/cache";
import { forbidden, redirect } from "next/navigation";
import type { DraftSaveResult } from "@/components/announcements/compose-form";
import { createAnnouncement, saveAnnouncementDraft } from "@/lib/announcements/save-draft";
import {
  approveAnnouncement,
  cancelAnnouncement,
  pauseAnnouncement,
  resumeAnnouncement,
  returnAnnouncement,
  submitAnnouncement,
} from "@/lib/announcements/workflow";
import { currentStaff } from "@/lib/auth/session";
import { ForbiddenError, ServiceError, ValidationError } from "@/lib/errors";
import { type FormState, runFormAction } from "@/lib/auth/form-action";
import { log } from "@/lib/log";

/** Autosave and "save": creates the draft on first save, then updates it; optionally submits it for approval. */
export async function saveDraftAction(input: {
  id?: number;
  draft: Record<string, unknown>;
  submit?: boolean;
}): Promise<DraftSaveResult> {
  const me = await currentStaff();
  if (!me) redirect("/login");
  try {
    const a = input.id
      ? await saveAnnouncementDraft(me, input.id, input.draft)
      : await createAnnouncement(me, input.draft);
    // An autosave must not refresh the page: the refresh would land after the form moved its address to
    // /announcements/<id>/edit and mount that page afresh, dropping the form's state.
    if (input.submit) {
      await submitAnnouncement(me, { id: a.id });
      revalidatePath("/announcements");
    }
    return { ok: true, id: a.id, savedAt: new Date().toISOString() };
  } catch (err) {
    if (err instanceof ForbiddenError) forbidden();
    if (err instanceof ValidationError) return { ok: false, message: err.message, fieldErrors: err.fieldErrors };
    if (err instanceof ServiceError) return { ok: false, message: err.message };
    log.error({ err }, "announcement save failed");
    return { ok: false, message: (await getTranslations())("announcements.errors.saveFailed") };
  }
}

const step = (verb: Parameters<typeof runFormAction>[1]) => async (_prev: FormState, fd: FormData) => {
  const id = String(fd.get("id") ?? "");
  return runFormAction(fd, verb, { revalidate: `/announcements/${id}` });
};

export const approveAction = step((ctx, raw) => approveAnnouncement(ctx, raw));
export const returnAction = step(returnAnnouncement);
export const pauseAction = step(pauseAnnouncement);
export const resumeAction = step(resumeAnnouncement);
export const cancelAction = step(cancelAnnouncement);
export const submitAction = step(submitAnnouncement);
