import type { FormState } from "@/lib/http/form-action";

export type ApiKeyFormState = FormState & { createdKey?: string };
