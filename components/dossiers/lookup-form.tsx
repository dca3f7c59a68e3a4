import { useTranslations } from "next-intl";
import { FieldError, FieldLabel, FieldShell } from "@/components/ui/field";

/** Plain GET form: works without JavaScript on any phone. */
export function LookupForm({ code, error }: { code?: string; error?: string }) {
  const t = useTranslations("dossiers.lookup");
  return (
    <form
      method="get"
      action="/tra-cuu"
      className="flex flex-col gap-4 rounded-lg border border-slate-200 bg-white p-4"
      role="search"
    >
      <div className="flex flex-col gap-1">
        <FieldLabel htmlFor="lookup-code" label={t("code")} />
        <input
          id="lookup-code"
          name="code"
          required
          defaultValue={code ?? ""}
          autoCapitalize="characters"
          autoComplete="off"
          aria-invalid={error ? true : undefined}
          aria-describedby="lookup-code-hint"
          className="rounded-md border border-slate-400 px-3 py-3 text-base font-mono"
        />
        <p id="lookup-code-hint" className="text-xs text-slate-600">
          {t("codeHint")}
        </p>
        <FieldError error={error} />
      </div>
      <FieldShell id="lookup-p" label={t("phoneLast4")} hint={t("phoneLast4Hint")}>
        <input
          id="lookup-p"
          name="p"
          inputMode="numeric"
          pattern="[0-9]{4}"
          maxLength={4}
          autoComplete="off"
          aria-describedby="lookup-p-hint"
          className="w-32 rounded-md border border-slate-400 px-3 py-3 text-base"
        />
      </FieldShell>
      <button type="submit" className="rounded-md bg-brand-600 px-4 py-3 text-base font-semibold text-white">
        {t("submit")}
      </button>
    </form>
  );
}
