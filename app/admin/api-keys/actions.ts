"use server";
import type { ApiKeyFormState } from "@/components/api-keys/types";
import { createApiKey } from "@/lib/api/create-key";
import { revokeApiKey } from "@/lib/api/revoke-key";
import { type FormState, runFormAction, runFormActionWithResult } from "@/lib/auth/form-action";

export async function createApiKeyAction(_prev: ApiKeyFormState, formData: FormData): Promise<ApiKeyFormState> {
  const { state, result } = await runFormActionWithResult(formData, createApiKey, { revalidate: "/admin/api-keys" });
  // The full key leaves the server this once; it is stored only as a hash.
  return state.ok && result ? { ...state, createdKey: result.key } : state;
}

export async function revokeApiKeyAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return runFormAction(formData, revokeApiKey, { revalidate: "/admin/api-keys", success: "actions.keyRevoked" });
}
