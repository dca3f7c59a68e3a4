"use client";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { FieldError } from "@/components/ui/field";

export interface ComponentDraft {
  name: string;
  copies: string;
  original: boolean;
}

interface Row extends ComponentDraft {
  key: number;
}

const controlClass =
  "rounded-md border border-slate-400 bg-white px-3 py-2 text-base text-slate-900 shadow-sm " +
  "aria-[invalid=true]:border-red-600";

/**
 * Thành phần hồ sơ as editable rows posted as parallel fields (componentName/componentCopies/componentOriginal).
 * Inputs are uncontrolled so React's reset after an action falls back to what was typed, kept in state as defaults.
 */
export function ComponentsEditor({ initial, errors }: { initial: ComponentDraft[]; errors: Record<string, string> }) {
  const t = useTranslations("procedures");
  const [rows, setRows] = useState<Row[]>(() =>
    (initial.length ? initial : [{ name: "", copies: "1", original: false }]).map((r, i) => ({ ...r, key: i })),
  );
  const [nextKey, setNextKey] = useState(rows.length);
  const update = (key: number, patch: Partial<ComponentDraft>) =>
    setRows((rs) => rs.map((r) => (r.key === key ? { ...r, ...patch } : r)));
  const add = () => {
    setRows((rs) => [...rs, { key: nextKey, name: "", copies: "1", original: false }]);
    setNextKey((k) => k + 1);
  };
  const remove = (key: number) => setRows((rs) => rs.filter((r) => r.key !== key));
  return (
    <fieldset className="flex flex-col gap-3" data-testid="components-editor">
      <legend className="mb-2 text-sm font-semibold text-slate-800">{t("components")}</legend>
      <FieldError error={errors.components} />
      <ol className="flex flex-col gap-3">
        {rows.map((r, i) => {
          const nameError = errors[`components.${i}.name`];
          const copiesError = errors[`components.${i}.copies`];
          return (
            <li key={r.key} className="grid grid-cols-[1fr_6rem_12rem_auto] items-start gap-2">
              <div className="flex flex-col gap-1">
                <label
                  htmlFor={`component-name-${r.key}`}
                  className="sr-only"
                >{`${t("componentName")} ${i + 1}`}</label>
                <input
                  id={`component-name-${r.key}`}
                  name="componentName"
                  placeholder={`${t("componentName")} ${i + 1}`}
                  defaultValue={r.name}
                  onChange={(e) => update(r.key, { name: e.target.value })}
                  aria-invalid={nameError ? true : undefined}
                  className={controlClass}
                />
                <FieldError error={nameError} />
              </div>
              <div className="flex flex-col gap-1">
                <label
                  htmlFor={`component-copies-${r.key}`}
                  className="sr-only"
                >{`${t("componentCopies")} ${i + 1}`}</label>
                <input
                  id={`component-copies-${r.key}`}
                  name="componentCopies"
                  inputMode="numeric"
                  defaultValue={r.copies}
                  onChange={(e) => update(r.key, { copies: e.target.value })}
                  aria-invalid={copiesError ? true : undefined}
                  title={t("componentCopies")}
                  className={controlClass}
                />
                <FieldError error={copiesError} />
              </div>
              <div>
                <label
                  htmlFor={`component-original-${r.key}`}
                  className="sr-only"
                >{`${t("componentOriginal")} ${i + 1}`}</label>
                <select
                  id={`component-original-${r.key}`}
                  name="componentOriginal"
                  defaultValue={r.original ? "1" : "0"}
                  onChange={(e) => update(r.key, { original: e.target.value === "1" })}
                  className={controlClass}
                >
                  <option value="0">{t("componentKinds.copy")}</option>
                  <option value="1">{t("componentKinds.original")}</option>
                </select>
              </div>
              <button
                type="button"
                onClick={() => remove(r.key)}
                className="rounded-md border border-slate-400 px-3 py-2 text-sm hover:bg-slate-100"
              >
                {t("removeComponent")}
                <span className="sr-only"> {i + 1}</span>
              </button>
            </li>
          );
        })}
      </ol>
      <div>
        <button
          type="button"
          onClick={add}
          className={
            "rounded-md border border-brand-600 px-3 py-2 text-sm font-semibold text-brand-700 hover:bg-slate-100"
          }
        >
          + {t("addComponent")}
        </button>
      </div>
    </fieldset>
  );
}
