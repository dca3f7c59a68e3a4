"use client";
import { useTranslations } from "next-intl";

import { useCallback, useEffect, useState, useTransition } from "react";
import { RatingForm, type RatingFormProps } from "./rating-form";
import type { FormAction } from "@/components/ui/form";
import { FieldError } from "@/components/ui/field";

type Opened =
  | { ok: true; data: { code: string; procedureName: string; criteria: { key: string; label: string }[] } }
  | { ok: false; message: string };

const BACK_TO_IDLE_MS = 5000;

/**
 * Idle → the receptionist types the code → the citizen rates → thanks → idle again (nothing of the last citizen stays).
 */
export function KioskScreen({ open, rate }: { open: (code: string) => Promise<Opened>; rate: FormAction }) {
  const m = useTranslations("ratings");
  const [opened, setOpened] = useState<Extract<Opened, { ok: true }>["data"] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState(false);
  const [pending, start] = useTransition();
  // A new key remounts the form so that no earlier choice survives.
  const [round, setRound] = useState(0);

  const onDone = useCallback(() => setDone(true), []);
  useEffect(() => {
    if (!done) return;
    const t = setTimeout(() => {
      setOpened(null);
      setDone(false);
      setRound((r) => r + 1);
    }, BACK_TO_IDLE_MS);
    return () => clearTimeout(t);
  }, [done]);

  if (!opened) {
    return (
      <section className="flex flex-col gap-4 rounded-xl border border-slate-200 bg-white p-6" data-testid="kiosk-idle">
        <h1 className="text-center text-2xl font-bold">{m("kiosk.idle")}</h1>
        <p className="text-center text-sm text-slate-600">{m("kiosk.idleHelp")}</p>
        <form
          className="flex flex-col gap-2"
          onSubmit={(e) => {
            e.preventDefault();
            const code = String(new FormData(e.currentTarget).get("code") ?? "");
            start(async () => {
              const r = await open(code);
              if (r.ok) {
                setError(null);
                setOpened(r.data);
              } else setError(r.message);
            });
          }}
        >
          <label htmlFor="kiosk-code" className="font-semibold">
            {m("kiosk.code")}
          </label>
          <input
            id="kiosk-code"
            name="code"
            required
            autoComplete="off"
            className="rounded-md border border-slate-400 px-3 py-3 font-mono text-base"
          />
          <FieldError error={error} />
          <button
            type="submit"
            disabled={pending}
            className="rounded-md bg-brand-600 px-4 py-3 font-semibold text-white disabled:bg-slate-400"
          >
            {m("kiosk.open")}
          </button>
        </form>
      </section>
    );
  }
  const props: RatingFormProps = { code: opened.code, criteria: opened.criteria, action: rate, onDone };
  return (
    <section className="flex flex-col gap-4" data-testid="kiosk-form">
      <h1 className="text-2xl font-bold">{m("page.title")}</h1>
      <p className="text-sm">
        {m("page.dossier")}: <span className="font-mono font-semibold">{opened.code}</span> — {opened.procedureName}
      </p>
      <RatingForm key={round} {...props} />
      {done ? <p className="text-center text-sm text-slate-600">{m("kiosk.done")}</p> : null}
    </section>
  );
}
