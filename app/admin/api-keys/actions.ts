"use server";
import type { ApiKeyFormState } from "@/components/api-keys/types";
import { type CreatedApiKey, createApiKey } from "@/lib/api/create-key";
import { revokeApiKey } from "@/lib/api/revoke-key";
import { type FormState, runFormAction } from "@/lib/auth/form-action";

export async function createApiKeyAction(_prev: ApiKeyFormState, formData: FormData): Promise<ApiKeyFormState> {
  let created: CreatedApiKey | undefined;
  const state = await runFormAction(
    formData,
    async (ctx, raw) => {
      created = await createApiKey(ctx, raw);
    },
    { revalidate: "/admin/api-keys" },
  );
  // The full key leaves the server this once; it is stored only as a hash.
  return state.ok && created ? { ...state, createdKey: created.key } : state;
}

export async function revokeApiKeyAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return runFormAction(formData, revokeApiKey, { revalidate: "/admin/api-keys", success: "actions.keyRevoked" });
}
