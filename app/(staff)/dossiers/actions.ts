"use server";
import { redirect } from "next/navigation";
import { correctDossier } from "@/lib/dossiers/correct";
import { receiveDossier } from "@/lib/dossiers/receive";
import { transitionDossier } from "@/lib/dossiers/transition";
import { withdrawZaloAtCounter } from "@/lib/dossiers/zalo-withdraw";
import { linkDossierToRegistration } from "@/lib/home-support/manage";
import { type FormState, runFormAction, runFormActionWithResult } from "@/lib/auth/form-action";
import { log } from "@/lib/log";

export async function receiveDossierAction(_prev: FormState, fd: FormData): Promise<FormState> {
  let code = "";
  const state = await runFormAction(fd, async (ctx, raw) => {
    const received = await receiveDossier(ctx, raw);
    code = received.code;
    // The dossier is already received: a failed link is logged rather than shown as a failed intake (no retyping
    // twice).
    if (raw.homeSupportId) {
      await linkDossierToRegistration(ctx, { registrationId: raw.homeSupportId, dossierId: received.id }).catch((err) =>
        log.warn(
          { err: (err as Error).message, dossier: received.id },
          "home-support registration not linked to its dossier",
        ),
      );
    }
  });
  if (state.ok) redirect(`/dossiers/${encodeURIComponent(code)}/receipt?new=1`);
  return state;
}

export async function transitionDossierAction(_prev: FormState, fd: FormData): Promise<FormState> {
  const { state, result } = await runFormActionWithResult(fd, transitionDossier);
  // Accepting an online dossier gives it its local code: follow it.
  if (state.ok) redirect(`/dossiers/${encodeURIComponent(result?.code ?? String(fd.get("code") ?? ""))}?done=1`);
  return state;
}

export async function correctDossierAction(_prev: FormState, fd: FormData): Promise<FormState> {
  const code = String(fd.get("code") ?? "");
  const state = await runFormAction(fd, correctDossier);
  if (state.ok) redirect(`/dossiers/${encodeURIComponent(code)}?corrected=1`);
  return state;
}

/** The citizen asks at the counter to stop Zalo notifications for this dossier (Law 91/2025). */
export async function withdrawZaloAction(fd: FormData): Promise<void> {
  const code = String(fd.get("code") ?? "");
  const state = await runFormAction(fd, (ctx, raw) => withdrawZaloAtCounter(ctx, raw));
  redirect(`/dossiers/${encodeURIComponent(code)}?${state.ok ? "zaloWithdrawn=1" : "zaloWithdrawFailed=1"}`);
}
