"use client";
import { type KeyboardEvent, useEffect, useId, useRef, useState } from "react";
import type { ProcedureOption } from "@/lib/procedures/search";
import { FieldLabel } from "@/components/ui/field";

export interface ProcedurePickerLabels {
  label: string;
  placeholder: string;
  hint: string;
  searching: string;
  noResults: string;
  failed: string;
}

interface ProcedurePickerProps {
  labels: ProcedurePickerLabels;
  /** Hidden input carrying the chosen procedure's id (e.g. "procedureId" in the intake form); omit for none. */
  name?: string;
  /** Name of the visible text box, when the typed text itself is submitted (e.g. "q" in a search form). */
  textName?: string;
  id?: string;
  initial?: Pick<ProcedureOption, "id" | "code" | "name"> | null;
  initialText?: string;
  required?: boolean;
  autoFocus?: boolean;
  error?: string;
  /** Highlight the first suggestion so Enter takes it; off where Enter should rather submit the typed text. */
  autoHighlight?: boolean;
  /** Enter never submits the form from this box: a long form (intake) must not be sent before a choice. */
  holdEnter?: boolean;
  onSelect?: (option: ProcedureOption | null) => void;
}

const MIN_CHARS = 2;
const DEBOUNCE_MS = 180;

function optionLabel(o: Pick<ProcedureOption, "code" | "name">): string {
  return o.code ? `${o.code} – ${o.name}` : o.name;
}

/**
 * Keyboard-first combobox over GET /api/procedures/search: type without diacritics, ↓/↑ to move, Enter to choose,
 * Esc to close. With the list closed, Enter is left to the form (so it still submits).
 */
export function ProcedurePicker({
  labels,
  name,
  textName,
  id,
  initial,
  initialText,
  required,
  autoFocus,
  error,
  autoHighlight = true,
  holdEnter = false,
  onSelect,
}: ProcedurePickerProps) {
  const autoId = useId();
  const inputId = id ?? `procedure-picker-${autoId}`;
  const listId = `${inputId}-list`;
  const [text, setText] = useState(initial ? optionLabel(initial) : (initialText ?? ""));
  const [selectedId, setSelectedId] = useState<number | null>(initial?.id ?? null);
  const [options, setOptions] = useState<ProcedureOption[]>([]);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const [status, setStatus] = useState<"idle" | "searching" | "done" | "failed">("idle");
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const inflight = useRef<AbortController | null>(null);

  useEffect(
    () => () => {
      if (timer.current) clearTimeout(timer.current);
      inflight.current?.abort();
    },
    [],
  );

  function search(q: string) {
    if (timer.current) clearTimeout(timer.current);
    inflight.current?.abort();
    if (q.trim().length < MIN_CHARS) {
      setOptions([]);
      setOpen(false);
      setStatus("idle");
      return;
    }
    timer.current = setTimeout(async () => {
      const controller = new AbortController();
      inflight.current = controller;
      setStatus("searching");
      setOpen(true);
      try {
        const res = await fetch(`/api/procedures/search?q=${encodeURIComponent(q)}&limit=20`, {
          signal: controller.signal,
          headers: { accept: "application/json" },
        });
        if (!res.ok) throw new Error(String(res.status));
        const body = (await res.json()) as { options: ProcedureOption[] };
        setOptions(body.options);
        setActive(autoHighlight && body.options.length ? 0 : -1);
        setStatus("done");
      } catch (err) {
        if ((err as Error).name === "AbortError") return;
        setOptions([]);
        setStatus("failed");
      }
    }, DEBOUNCE_MS);
  }

  function choose(o: ProcedureOption) {
    setText(optionLabel(o));
    setSelectedId(o.id);
    setOpen(false);
    setActive(-1);
    onSelect?.(o);
  }

  function onKeyDown(e: KeyboardEvent<HTMLInputElement>) {
    if (e.key === "ArrowDown") {
      e.preventDefault();
      if (!open && options.length) setOpen(true);
      setActive((i) => Math.min(options.length - 1, i + 1));
    } else if (e.key === "ArrowUp") {
      e.preventDefault();
      setActive((i) => Math.max(0, i - 1));
    } else if (e.key === "Enter" && open && active >= 0 && options[active]) {
      e.preventDefault();
      choose(options[active]);
    } else if (e.key === "Enter" && holdEnter) {
      e.preventDefault();
    } else if (e.key === "Escape" && open) {
      e.preventDefault();
      setOpen(false);
    }
  }

  const describedBy = error ? `${inputId}-error` : `${inputId}-hint`;
  return (
    <div className="relative flex flex-col gap-1">
      <FieldLabel htmlFor={inputId} label={labels.label} required={required} />
      <input
        id={inputId}
        name={textName}
        type="text"
        role="combobox"
        autoComplete="off"
        autoFocus={autoFocus}
        required={required && !name}
        aria-autocomplete="list"
        aria-expanded={open}
        aria-controls={listId}
        aria-activedescendant={open && active >= 0 ? `${listId}-${active}` : undefined}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        placeholder={labels.placeholder}
        value={text}
        onChange={(e) => {
          setText(e.target.value);
          if (selectedId != null) {
            setSelectedId(null);
            onSelect?.(null);
          }
          search(e.target.value);
        }}
        onKeyDown={onKeyDown}
        onBlur={() => setOpen(false)}
        onFocus={() => options.length > 0 && selectedId == null && setOpen(true)}
        className={
          "w-full rounded-md border border-slate-400 bg-white px-3 py-2 text-base text-slate-900 shadow-sm " +
          "aria-[invalid=true]:border-red-600"
        }
      />
      {name ? <input type="hidden" name={name} value={selectedId ?? ""} /> : null}
      {error ? (
        <p id={`${inputId}-error`} role="alert" className="text-sm text-red-700">
          {error}
        </p>
      ) : (
        <p id={`${inputId}-hint`} className="text-xs text-slate-600">
          {labels.hint}
        </p>
      )}
      <div aria-live="polite" className="sr-only">
        {status === "searching"
          ? labels.searching
          : status === "done" && options.length === 0
            ? labels.noResults
            : status === "failed"
              ? labels.failed
              : ""}
      </div>
      <ul
        id={listId}
        role="listbox"
        aria-label={labels.label}
        hidden={!open}
        className={
          "absolute top-full z-20 mt-1 max-h-80 w-full overflow-y-auto rounded-md border border-slate-300 bg-white " +
          "shadow-lg"
        }
      >
        {status === "searching" && options.length === 0 ? (
          <li className="px-3 py-2 text-sm text-slate-600">{labels.searching}</li>
        ) : null}
        {status === "done" && options.length === 0 ? (
          <li className="px-3 py-2 text-sm text-slate-600">{labels.noResults}</li>
        ) : null}
        {status === "failed" ? <li className="px-3 py-2 text-sm text-red-700">{labels.failed}</li> : null}
        {options.map((o, i) => (
          <li
            key={o.id}
            id={`${listId}-${i}`}
            role="option"
            aria-selected={i === active}
            onMouseDown={(e) => {
              e.preventDefault();
              choose(o);
            }}
            onMouseEnter={() => setActive(i)}
            className={[
              "cursor-pointer border-b border-slate-100 px-3 py-2 text-sm last:border-0",
              i === active ? "bg-brand-600 text-white" : "text-slate-900",
            ].join(" ")}
          >
            <span className="block font-medium">{o.name}</span>
            <span className={`block text-xs ${i === active ? "text-white" : "text-slate-600"}`}>
              {o.code ?? "—"} · {o.field}
            </span>
          </li>
        ))}
      </ul>
    </div>
  );
}
