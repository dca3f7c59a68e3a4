import { getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { ActionForm } from "@/components/ui/action-form";
import { Options } from "@/components/ui/field";
import { PageHeader } from "@/components/ui/page-header";
import { Section } from "@/components/ui/section";
import { requirePage } from "@/lib/auth/session";
import { oaMenuAdminView } from "@/lib/oa-menu/save";
import { saveBotTextAction, saveOaMenuAction, saveOaMenuSettingsAction } from "./actions";
import { Table, THead, Td, Th, ThRow, Tr } from "@/components/ui/table";

const control = "rounded-md border border-slate-400 bg-white px-2 py-1.5 text-sm";

function Labelled({ title, children }: { title: string; children: ReactNode }) {
  return (
    <label className="flex flex-col gap-1 text-sm font-semibold text-slate-800">
      {title}
      {children}
    </label>
  );
}

export default async function OaMenuPage() {
  const me = await requirePage("zalo.settings");
  const m = await getTranslations();
  const t = await getTranslations("homeSupport.menu");
  const view = await oaMenuAdminView(me);
  const units = [{ value: "", label: t("none") }, ...view.units.map((u) => ({ value: String(u.id), label: u.name }))];
  const unitSelect = (name: "homeSupportUnitId" | "contactsUnitId", title: string) => (
    <Labelled title={title}>
      <select name={name} defaultValue={view.settings[name] ?? ""} className={control}>
        <Options options={units} />
      </select>
    </Labelled>
  );
  return (
    <div className="flex max-w-5xl flex-col gap-6">
      <PageHeader title={t("title")}>{t("intro")}</PageHeader>

      <Section id="menu-entries" title={t("title")} titleClassName="sr-only">
        <ActionForm
          action={saveOaMenuAction}
          submit={t("save")}
          pending={m("homeSupport.ui.saving")}
          className="flex flex-col items-start gap-3"
          testId="oa-menu-form"
        >
          <Table variant="plain">
            <THead plain>
              {[t("kind"), t("label"), t("keyword"), t("position"), t("enabled")].map((h) => (
                <Th key={h} className="px-2 py-1">
                  {h}
                </Th>
              ))}
            </THead>
            <tbody>
              {view.entries.map((e) => (
                <Tr key={e.kind}>
                  <ThRow className="px-2 py-1">{m(`homeSupport.menuKinds.${e.kind}`)}</ThRow>
                  <Td className="px-2 py-1">
                    <input
                      name={`${e.kind}.label`}
                      defaultValue={e.label}
                      maxLength={60}
                      aria-label={`${m(`homeSupport.menuKinds.${e.kind}`)}: ${t("label")}`}
                      className={control}
                    />
                  </Td>
                  <Td className="px-2 py-1">
                    <input
                      name={`${e.kind}.keyword`}
                      defaultValue={e.keyword}
                      maxLength={60}
                      aria-label={`${m(`homeSupport.menuKinds.${e.kind}`)}: ${t("keyword")}`}
                      className={control}
                    />
                  </Td>
                  <Td className="px-2 py-1">
                    <input
                      name={`${e.kind}.position`}
                      type="number"
                      min={1}
                      max={99}
                      defaultValue={e.position}
                      aria-label={`${m(`homeSupport.menuKinds.${e.kind}`)}: ${t("position")}`}
                      className={`${control} w-16`}
                    />
                  </Td>
                  <Td className="px-2 py-1">
                    <input
                      name={`${e.kind}.enabled`}
                      type="checkbox"
                      defaultChecked={e.enabled}
                      aria-label={`${m(`homeSupport.menuKinds.${e.kind}`)}: ${t("enabled")}`}
                      className="h-4 w-4 accent-brand-600"
                    />
                  </Td>
                </Tr>
              ))}
            </tbody>
          </Table>
          <p className="text-sm text-slate-700">
            {t("preview")}:{" "}
            {view.entries
              .filter((e) => e.enabled)
              .map((e) => e.label)
              .join(" · ")}
          </p>
        </ActionForm>
      </Section>

      <Section id="menu-settings" title={t("settingsTitle")} titleClassName="mb-3 text-lg font-semibold">
        <ActionForm
          action={saveOaMenuSettingsAction}
          submit={t("saveSettings")}
          pending={m("homeSupport.ui.saving")}
          className="grid items-end gap-3 md:grid-cols-2"
        >
          {unitSelect("homeSupportUnitId", t("homeSupportUnit"))}
          <Labelled title={t("homeSupportKeyword")}>
            <input
              name="homeSupportKeyword"
              defaultValue={view.settings.homeSupportKeyword ?? ""}
              maxLength={60}
              className={control}
            />
          </Labelled>
          <Labelled title={t("defaultCapacity")}>
            <input
              name="defaultCapacity"
              type="number"
              min={0}
              max={200}
              defaultValue={view.settings.defaultCapacity}
              className={control}
            />
          </Labelled>
          {unitSelect("contactsUnitId", t("contactsUnit"))}
          <Labelled title={t("contactsPhone")}>
            <input
              name="contactsPhone"
              type="tel"
              defaultValue={view.settings.contactsPhone ?? ""}
              maxLength={40}
              className={control}
            />
          </Labelled>
        </ActionForm>
      </Section>

      <Section id="menu-texts" title={t("textsTitle")}>
        <p className="mb-3 text-sm text-slate-700">{t("textsIntro")}</p>
        <div className="flex flex-col gap-4">
          {view.texts.map((x) => (
            <details key={x.key} className="rounded-md border border-slate-200 p-3" open={!!x.override}>
              <summary className="cursor-pointer text-sm">
                <span className="font-mono">{x.key}</span>
                {x.override ? " ✎" : ""} —{" "}
                <span className="text-slate-700">{(x.override ?? x.default).slice(0, 90)}</span>
              </summary>
              <p className="mt-2 whitespace-pre-line rounded bg-slate-50 p-2 text-xs text-slate-700">
                {t("textDefault")}: {x.default}
              </p>
              <ActionForm
                action={saveBotTextAction}
                fields={{ key: x.key }}
                submit={t("saveText")}
                pending={m("homeSupport.ui.saving")}
                className="mt-2 flex flex-col items-start gap-2"
              >
                <label className="flex w-full flex-col gap-1 text-sm font-semibold">
                  {t("textOverride")}
                  <textarea
                    name="text"
                    rows={3}
                    defaultValue={x.override ?? ""}
                    maxLength={2000}
                    className="w-full rounded-md border border-slate-400 px-2 py-1.5 text-sm font-normal"
                  />
                </label>
              </ActionForm>
            </details>
          ))}
        </div>
      </Section>
    </div>
  );
}
