"use server";
import { changeFollowerTag } from "@/lib/followers/tags";
import { startFollowerSync } from "@/lib/followers/sync";
import { type FormState, runFormAction } from "@/lib/auth/form-action";
import { ServiceError } from "@/lib/errors";
import { ZaloApiError } from "@/lib/zalo/errors";
import { zaloErrorReasonVi } from "@/lib/zalo/errors";
import { msg } from "@/lib/i18n/translate";

export async function startSyncAction(_prev: FormState, fd: FormData): Promise<FormState> {
  return runFormAction(fd, (ctx) => startFollowerSync(ctx, { restart: fd.get("restart") === "1" }), {
    revalidate: "/followers",
  });
}

async function tag(fd: FormData, add: boolean): Promise<FormState> {
  const id = String(fd.get("followerId") ?? "");
  return runFormAction(
    fd,
    async (ctx, raw) => {
      try {
        await changeFollowerTag(ctx, raw, add);
      } catch (err) {
        // Zalo's refusal reaches the staff member in plain Vietnamese; nothing was changed.
        if (err instanceof ZaloApiError)
          throw new ServiceError(msg("announcements.errors.zaloRefused", { reason: zaloErrorReasonVi(err.code) }));
        throw err;
      }
    },
    { revalidate: `/followers/${id}` },
  );
}

export async function addTagAction(_prev: FormState, fd: FormData): Promise<FormState> {
  return tag(fd, true);
}

export async function removeTagAction(_prev: FormState, fd: FormData): Promise<FormState> {
  return tag(fd, false);
}
