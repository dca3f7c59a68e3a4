"use client";
import { useTranslations } from "next-intl";
import { InputField } from "@/components/ui/field";
import type { BoundField } from "@/components/ui/form";

/**
 * The submitter's or the owner's fields, shared by the desk intake and the correction form. At the desk (`desk`)
 * the ID number opens the numeric keyboard and the submitter's fields carry their hints and no autocomplete.
 */
export function PersonFields({
  who,
  field,
  desk,
  idPrefix,
  labelPrefix,
}: {
  who: "submitter" | "owner";
  field: BoundField;
  desk?: boolean;
  /** Field ids are `${idPrefix}${name}` (the correction form sits on a page with other forms). */
  idPrefix?: string;
  labelPrefix?: string;
}) {
  const t = useTranslations("dossiers.intake");
  const counter = desk && who === "submitter";
  const props = (key: "name" | "idNumber" | "phone" | "email" | "address") => {
    const name = `${who}${key[0].toUpperCase()}${key.slice(1)}`;
    return {
      ...field(name),
      id: idPrefix ? `${idPrefix}${name}` : undefined,
      label: labelPrefix ? `${labelPrefix}: ${t(key)}` : t(key),
      autoComplete: counter ? "off" : undefined,
    };
  };
  const address = <InputField {...props("address")} />;
  return (
    <>
      <InputField {...props("name")} required />
      <InputField
        {...props("idNumber")}
        required
        inputMode={desk ? "numeric" : undefined}
        hint={counter ? t("idNumberHint") : undefined}
      />
      <InputField {...props("phone")} type="tel" hint={counter ? t("phoneHint") : undefined} />
      <InputField {...props("email")} type="email" />
      {counter ? <div className="md:col-span-2">{address}</div> : address}
      {who === "owner" ? (
        <InputField
          {...field("authorizationDocument")}
          id={idPrefix ? `${idPrefix}authorizationDocument` : undefined}
          label={t("authorizationDocument")}
        />
      ) : null}
    </>
  );
}
