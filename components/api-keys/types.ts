import type { FormState } from "@/lib/auth/form-action";

export type ApiKeyFormState = FormState & { createdKey?: string };
