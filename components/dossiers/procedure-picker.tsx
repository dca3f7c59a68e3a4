"use client";
import { type KeyboardEvent, useEffect, useId, useRef, useState } from "react";
import type { Messages } from "@/lib/i18n";
import type { ProcedureOption } from "@/lib/procedures/search";

interface Props {
  m: Messages;
  value: ProcedureOption | null;
  onChange: (p: ProcedureOption | null) => void;
  error?: string;
}

/**
 * A combobox that searches the catalogue as one types (diacritics optional). Arrow keys move, Enter
 * chooses without submitting the form, Escape closes.
 */
export function ProcedurePicker({ m, value, onChange, error }: Props) {
  const t = m.dossiers.intake;
  const id = useId();
  const listId = `${id}-list`;
  const [q, setQ] = useState("");
  const [options, setOptions] = useState<ProcedureOption[]>([]);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const [loading, setLoading] = useState(false);
  const inputRef = useRef<HTMLInputElement>(null);

  useEffect(() => {
    if (value || q.trim().length < 2) return;
    const controller = new AbortController();
    const timer = setTimeout(async () => {
      setLoading(true);
      try {
        const res = await fetch(`/api/procedures/search?q=${encodeURIComponent(q)}&limit=15`, {
          signal: controller.signal,
        });
        const body = (await res.json()) as { options?: ProcedureOption[] };
        setOptions(body.options ?? []);
        setActive(0);
        setOpen(true);
      } catch {
        /* a newer keystroke aborted this search */
      } finally {
        setLoading(false);
      }
    }, 180);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [q, value]);

  const choose = (p: ProcedureOption) => {
    onChange(p);
    setOpen(false);
    setQ("");
  };

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === "ArrowDown") {
      e.preventDefault();
      setOpen(true);
      setActive((a) => Math.min(a + 1, options.length - 1));
    } else if (e.key === "ArrowUp") {
      e.preventDefault();
      setActive((a) => Math.max(a - 1, 0));
    } else if (e.key === "Enter") {
      // Enter picks the highlighted procedure; it submits the form only once one is chosen.
      e.preventDefault();
      if (open && options[active]) choose(options[active]);
    } else if (e.key === "Escape") {
      setOpen(false);
    }
  };

  if (value) {
    return (
      <div className="rounded-md border border-brand-600 bg-brand-50 p-3" data-testid="chosen-procedure">
        <p className="text-xs font-semibold uppercase text-slate-600">{t.procedureChosen}</p>
        <p className="font-semibold text-slate-900">
          {value.code ? <span className="font-mono text-sm">{value.code} · </span> : null}
          {value.name}
        </p>
        <p className="text-sm text-slate-700">
          {value.field}
          {value.processingDays != null
            ? ` · ${t.processing}: ${String(value.processingDays).replace(".", ",")} ngày làm việc`
            : ""}
          {value.processingHours != null ? ` · ${value.processingHours} giờ` : ""}
          {value.feeText ? ` · ${t.fee}: ${value.feeText}` : ""}
        </p>
        <button
          type="button"
          className="mt-2 text-sm text-brand-700 underline"
          onClick={() => {
            onChange(null);
            setTimeout(() => inputRef.current?.focus(), 0);
          }}
        >
          {t.procedureChange}
        </button>
      </div>
    );
  }

  return (
    <div className="relative flex flex-col gap-1">
      <label htmlFor={`${id}-input`} className="text-sm font-semibold text-slate-800">
        {t.procedure}
        <span className="text-red-700" aria-hidden>
          {" "}
          *
        </span>
      </label>
      <input
        ref={inputRef}
        id={`${id}-input`}
        type="text"
        role="combobox"
        autoFocus
        autoComplete="off"
        aria-autocomplete="list"
        aria-expanded={open}
        aria-controls={listId}
        aria-activedescendant={open && options[active] ? `${id}-opt-${active}` : undefined}
        aria-invalid={error ? true : undefined}
        aria-describedby={`${id}-hint`}
        placeholder={t.procedureSearch}
        value={q}
        onChange={(e) => setQ(e.target.value)}
        onKeyDown={onKeyDown}
        onBlur={() => setTimeout(() => setOpen(false), 150)}
        className="rounded-md border border-slate-400 bg-white px-3 py-2 text-base aria-[invalid=true]:border-red-600"
      />
      <p id={`${id}-hint`} className="text-xs text-slate-600">
        {loading ? t.procedureSearching : t.procedureHint}
      </p>
      {error ? (
        <p role="alert" className="text-sm text-red-700">
          {error}
        </p>
      ) : null}
      {open ? (
        <ul
          id={listId}
          role="listbox"
          className="absolute top-full z-10 mt-1 max-h-80 w-full overflow-auto rounded-md border border-slate-300 bg-white shadow-lg"
        >
          {options.length === 0 ? (
            <li className="px-3 py-2 text-sm text-slate-600">{t.procedureNone}</li>
          ) : (
            options.map((p, i) => (
              <li
                key={p.id}
                id={`${id}-opt-${i}`}
                role="option"
                aria-selected={i === active}
                className={`cursor-pointer px-3 py-2 text-sm ${i === active ? "bg-brand-100" : ""}`}
                onMouseDown={(e) => {
                  e.preventDefault();
                  choose(p);
                }}
              >
                {p.code ? <span className="font-mono text-xs text-slate-600">{p.code} · </span> : null}
                {p.name}
                <span className="block text-xs text-slate-600">{p.field}</span>
              </li>
            ))
          )}
        </ul>
      ) : null}
    </div>
  );
}
