"use client";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import type { AnnouncementAudience, AnnouncementBlock } from "@/db/schema";
import { formatTime } from "@/lib/format";
import { PhonePreview } from "./phone-preview";
import { FieldError, FieldLabel } from "@/components/ui/field";

export interface DraftSaveResult {
  ok: boolean;
  id?: number;
  savedAt?: string;
  message?: string;
  fieldErrors?: Record<string, string>;
}

export interface ComposeInitial {
  id?: number;
  title: string;
  summary: string;
  category: string;
  coverImageId: number | null;
  coverImageUrl: string | null;
  body: AnnouncementBlock[];
  audience: AnnouncementAudience;
  beyondWindow: string;
}

interface Props {
  initial: ComposeInitial;
  categories: { value: string; label: string }[];
  tags: string[];
  units: { id: number; name: string }[];
  oaName: string;
  /** The autosave action, passed by the page. */
  saveDraft: (input: { id?: number; draft: Record<string, unknown>; submit?: boolean }) => Promise<DraftSaveResult>;
}

const inputClass =
  "w-full rounded-md border border-slate-400 bg-white px-3 py-2 text-base aria-[invalid=true]:border-red-600";
const small = "rounded border border-slate-300 px-2 py-1 text-xs hover:bg-slate-100";

/** Compose with autosave (every few seconds, and a copy in this browser so an error never loses text). */
export function ComposeForm({ initial, categories, tags, units, oaName, saveDraft }: Props) {
  const t = useTranslations("announcements");
  const router = useRouter();
  const [id, setId] = useState(initial.id);
  const [title, setTitle] = useState(initial.title);
  const [summary, setSummary] = useState(initial.summary);
  const [category, setCategory] = useState(initial.category);
  const [cover, setCover] = useState<{ id: number | null; url: string | null }>({
    id: initial.coverImageId,
    url: initial.coverImageUrl,
  });
  const [body, setBody] = useState<AnnouncementBlock[]>(initial.body);
  const [audience, setAudience] = useState<AnnouncementAudience>(initial.audience);
  const [beyondWindow, setBeyondWindow] = useState(initial.beyondWindow);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [status, setStatus] = useState<string>("");
  const [busy, setBusy] = useState(false);
  const dirty = useRef(false);
  const localKey = `motcua-announcement-${initial.id ?? "new"}`;

  const draft = () => ({
    title,
    summary,
    category,
    coverImageId: cover.id ?? "",
    coverImageUrl: cover.id ? "" : (cover.url ?? ""),
    body,
    audience,
    beyondWindow,
  });

  async function save(submit = false) {
    setBusy(true);
    setStatus(t("saving"));
    const r = await saveDraft({ id, draft: draft(), submit });
    setBusy(false);
    if (!r.ok) {
      setErrors(r.fieldErrors ?? {});
      setStatus(t("saveFailed", { message: r.message ?? "" }));
      return;
    }
    dirty.current = false;
    setErrors({});
    localStorage.removeItem(localKey);
    setStatus(t("savedAt", { at: formatTime(r.savedAt!) }));
    if (!id && r.id) {
      setId(r.id);
      window.history.replaceState(null, "", `/announcements/${r.id}/edit`);
    }
    if (submit) router.push(`/announcements/${r.id}`);
  }

  useEffect(() => {
    const saved = localStorage.getItem(localKey);
    if (!saved || initial.id) return;
    try {
      const d = JSON.parse(saved);
      /* eslint-disable react-hooks/set-state-in-effect -- restoring what was typed before a reload */
      setTitle(d.title ?? "");
      setSummary(d.summary ?? "");
      setBody(Array.isArray(d.body) ? d.body : []);
      /* eslint-enable react-hooks/set-state-in-effect */
    } catch {
      localStorage.removeItem(localKey);
    }
  }, [localKey, initial.id]);

  useEffect(() => {
    if (!dirty.current) return;
    localStorage.setItem(localKey, JSON.stringify({ title, summary, body }));
    if (!title.trim()) return;
    const timer = setTimeout(() => void save(false), 2500);
    return () => clearTimeout(timer);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- save reads the latest state
  }, [title, summary, category, cover, body, audience, beyondWindow]);

  const touch =
    <T,>(set: (v: T) => void) =>
    (v: T) => {
      dirty.current = true;
      set(v);
    };

  async function upload(file: File, onDone: (url: string, id: number) => void, field: string) {
    const fd = new FormData();
    fd.set("file", file);
    const res = await fetch(`/announcements/images?field=${field}`, { method: "POST", body: fd });
    const json = await res.json();
    if (!res.ok) {
      setErrors((e) => ({ ...e, ...(json.fieldErrors ?? { [field]: json.message }) }));
      return;
    }
    setErrors((e) => ({ ...e, [field]: "" }));
    onDone(json.url, json.id);
  }

  const setBlock = (i: number, b: AnnouncementBlock) => touch(setBody)(body.map((x, j) => (j === i ? b : x)));
  const move = (i: number, d: number) => {
    const next = [...body];
    const [b] = next.splice(i, 1);
    next.splice(Math.max(0, Math.min(next.length, i + d)), 0, b);
    touch(setBody)(next);
  };
  const segment = audience.kind === "segment" ? audience : null;

  return (
    <div className="grid gap-8 lg:grid-cols-[1fr_380px]">
      <div className="space-y-5">
        <div>
          <FieldLabel htmlFor="a-title" label={`${t("fieldTitle")} *`} />
          <input
            id="a-title"
            name="title"
            className={inputClass}
            value={title}
            maxLength={150}
            aria-invalid={!!errors.title}
            onChange={(e) => touch(setTitle)(e.target.value)}
          />
          <FieldError error={errors.title} />
        </div>
        <div>
          <FieldLabel htmlFor="a-summary" label={t("fieldSummary")} />
          <textarea
            id="a-summary"
            name="summary"
            rows={3}
            className={inputClass}
            value={summary}
            maxLength={300}
            onChange={(e) => touch(setSummary)(e.target.value)}
          />
          <FieldError error={errors.summary} />
        </div>
        <div className="grid gap-4 sm:grid-cols-2">
          <div>
            <FieldLabel htmlFor="a-category" label={t("fieldCategory")} />
            <select
              id="a-category"
              className={inputClass}
              value={category}
              onChange={(e) => touch(setCategory)(e.target.value)}
            >
              {categories.map((c) => (
                <option key={c.value} value={c.value}>
                  {c.label}
                </option>
              ))}
            </select>
          </div>
          <div>
            <FieldLabel htmlFor="a-cover" label={t("fieldCover")} />
            <input
              id="a-cover"
              type="file"
              accept="image/jpeg,image/png,image/webp"
              className="block text-sm"
              onChange={(e) =>
                e.target.files?.[0] &&
                void upload(e.target.files[0], (url, imgId) => touch(setCover)({ id: imgId, url }), "coverImage")
              }
            />
            <FieldError error={errors.coverImage || errors.coverImageId} />
          </div>
        </div>

        <fieldset className="space-y-3 rounded-lg border border-slate-200 bg-white p-4">
          <legend className="px-1 text-sm font-semibold">{t("fieldBody")}</legend>
          {body.map((b, i) => (
            <div key={i} className="space-y-2 rounded border border-slate-200 p-3" data-testid={`block-${i}`}>
              <div className="flex gap-2">
                <span className="text-xs font-semibold uppercase text-slate-500">{b.type}</span>
                <span className="flex-1" />
                <button type="button" className={small} onClick={() => move(i, -1)}>
                  {t("moveUp")}
                </button>
                <button type="button" className={small} onClick={() => move(i, 1)}>
                  {t("moveDown")}
                </button>
                <button type="button" className={small} onClick={() => touch(setBody)(body.filter((_, j) => j !== i))}>
                  {t("remove")}
                </button>
              </div>
              {b.type === "text" ? (
                <textarea
                  aria-label={t("fieldBody")}
                  rows={4}
                  className={inputClass}
                  value={b.content}
                  onChange={(e) => setBlock(i, { ...b, content: e.target.value })}
                />
              ) : b.type === "image" ? (
                <>
                  <input
                    aria-label={t("imageUrl")}
                    className={inputClass}
                    value={b.url}
                    placeholder="https://…"
                    onChange={(e) => setBlock(i, { ...b, url: e.target.value })}
                  />
                  <input
                    type="file"
                    accept="image/jpeg,image/png,image/webp"
                    aria-label={t("uploadImage")}
                    className="block text-sm"
                    onChange={(e) =>
                      e.target.files?.[0] &&
                      void upload(e.target.files[0], (url) => setBlock(i, { ...b, url }), `body.${i}.url`)
                    }
                  />
                  <input
                    aria-label={t("caption")}
                    className={inputClass}
                    value={b.caption ?? ""}
                    placeholder={t("caption")}
                    onChange={(e) => setBlock(i, { ...b, caption: e.target.value })}
                  />
                </>
              ) : (
                <>
                  <input
                    aria-label={t("linkText")}
                    className={inputClass}
                    value={b.text}
                    placeholder={t("linkText")}
                    onChange={(e) => setBlock(i, { ...b, text: e.target.value })}
                  />
                  <input
                    aria-label={t("linkUrl")}
                    className={inputClass}
                    value={b.url}
                    placeholder="https://…"
                    onChange={(e) => setBlock(i, { ...b, url: e.target.value })}
                  />
                </>
              )}
              {Object.entries(errors)
                .filter(([k]) => k.startsWith(`body.${i}.`))
                .map(([k, v]) => (
                  <FieldError key={k} error={v} />
                ))}
            </div>
          ))}
          <div className="flex gap-2">
            <button
              type="button"
              className={small}
              onClick={() => touch(setBody)([...body, { type: "text", content: "" }])}
            >
              {t("addText")}
            </button>
            <button
              type="button"
              className={small}
              onClick={() => touch(setBody)([...body, { type: "image", url: "" }])}
            >
              {t("addImage")}
            </button>
            <button
              type="button"
              className={small}
              onClick={() => touch(setBody)([...body, { type: "link", url: "", text: "" }])}
            >
              {t("addLink")}
            </button>
          </div>
          <FieldError error={errors.body} />
        </fieldset>

        <fieldset className="space-y-3 rounded-lg border border-slate-200 bg-white p-4">
          <legend className="px-1 text-sm font-semibold">{t("audience")}</legend>
          <label className="flex items-center gap-2">
            <input
              type="radio"
              name="audienceKind"
              checked={audience.kind === "all"}
              onChange={() => touch(setAudience)({ kind: "all" })}
            />{" "}
            {t("audienceAll")}
          </label>
          <label className="flex items-center gap-2">
            <input
              type="radio"
              name="audienceKind"
              checked={audience.kind === "segment"}
              onChange={() => touch(setAudience)({ kind: "segment", tags: [], recency: "any" })}
            />{" "}
            {t("audienceSegment")}
          </label>
          {audience.kind === "all" ? (
            <div className="grid gap-2 sm:grid-cols-3">
              <select
                aria-label={t("targetGender")}
                className={inputClass}
                value={audience.target?.gender ?? ""}
                onChange={(e) =>
                  touch(setAudience)({
                    kind: "all",
                    target: { ...audience.target, gender: e.target.value || undefined },
                  })
                }
              >
                <option value="">
                  {t("targetGender")}: {t("all")}
                </option>
                <option value="1">{t("genderMale")}</option>
                <option value="2">{t("genderFemale")}</option>
              </select>
              <input
                aria-label={t("targetAges")}
                placeholder={`${t("targetAges")}: 2,3,4`}
                className={inputClass}
                value={audience.target?.ages ?? ""}
                onChange={(e) =>
                  touch(setAudience)({ kind: "all", target: { ...audience.target, ages: e.target.value || undefined } })
                }
              />
              <input
                aria-label={t("targetCities")}
                placeholder={`${t("targetCities")}: 30`}
                className={inputClass}
                value={audience.target?.cities ?? ""}
                onChange={(e) =>
                  touch(setAudience)({
                    kind: "all",
                    target: { ...audience.target, cities: e.target.value || undefined },
                  })
                }
              />
            </div>
          ) : null}
          {segment ? (
            <div className="space-y-3">
              <div>
                <div className="text-sm font-semibold">{t("tags")}</div>
                <div className="flex flex-wrap gap-3">
                  {tags.map((tag) => (
                    <label key={tag} className="flex items-center gap-1 text-sm">
                      <input
                        type="checkbox"
                        checked={segment.tags?.includes(tag) ?? false}
                        onChange={(e) =>
                          touch(setAudience)({
                            ...segment,
                            tags: e.target.checked
                              ? [...(segment.tags ?? []), tag]
                              : (segment.tags ?? []).filter((x) => x !== tag),
                          })
                        }
                      />
                      {tag}
                    </label>
                  ))}
                </div>
              </div>
              <div>
                <div className="text-sm font-semibold">{t("units")}</div>
                <div className="flex flex-wrap gap-3">
                  {units.map((u) => (
                    <label key={u.id} className="flex items-center gap-1 text-sm">
                      <input
                        type="checkbox"
                        checked={segment.unitIds?.includes(u.id) ?? false}
                        onChange={(e) =>
                          touch(setAudience)({
                            ...segment,
                            unitIds: e.target.checked
                              ? [...(segment.unitIds ?? []), u.id]
                              : (segment.unitIds ?? []).filter((x) => x !== u.id),
                          })
                        }
                      />
                      {u.name}
                    </label>
                  ))}
                </div>
              </div>
              <div className="grid gap-2 sm:grid-cols-2">
                <label className="text-sm">
                  {t("recency")}
                  <select
                    className={inputClass}
                    value={segment.recency ?? "any"}
                    onChange={(e) => touch(setAudience)({ ...segment, recency: e.target.value as "any" })}
                  >
                    <option value="any">{t("recencyAny")}</option>
                    <option value="48h">{t("recency48h")}</option>
                    <option value="7d">{t("recency7d")}</option>
                  </select>
                </label>
                <label className="text-sm">
                  {t("beyondWindow")}
                  <select
                    className={inputClass}
                    value={beyondWindow}
                    onChange={(e) => touch(setBeyondWindow)(e.target.value)}
                  >
                    <option value="">{t("beyondDefault")}</option>
                    <option value="skip">{t("beyondSkip")}</option>
                    <option value="zbs">{t("beyondZbs")}</option>
                  </select>
                </label>
              </div>
            </div>
          ) : null}
          <FieldError error={errors.audience} />
        </fieldset>

        <div className="flex flex-wrap items-center gap-3">
          <button
            type="button"
            disabled={busy}
            className="rounded-md border border-slate-400 bg-white px-4 py-2 text-sm font-semibold"
            onClick={() => void save(false)}
          >
            {t("saveNow")}
          </button>
          <button
            type="button"
            disabled={busy}
            className="rounded-md bg-brand-600 px-4 py-2 text-sm font-semibold text-white hover:bg-brand-700"
            onClick={() => void save(true)}
          >
            {t("submit")}
          </button>
          <span role="status" className="text-sm text-slate-600" data-testid="save-status">
            {status}
          </span>
        </div>
      </div>
      <aside>
        <h2 className="mb-2 text-sm font-semibold">{t("preview")}</h2>
        <PhonePreview title={title} summary={summary} coverUrl={cover.url} body={body} oaName={oaName} />
      </aside>
    </div>
  );
}
