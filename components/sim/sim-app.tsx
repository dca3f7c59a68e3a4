"use client";
import { useTranslations } from "next-intl";
import { useCallback, useEffect, useState } from "react";
import type { SimCitizenView } from "@/lib/sim/control";
import { ChatView } from "./chat-view";
import { FaultsPanel } from "./faults-panel";
import { FieldLabel } from "@/components/ui/field";

const CONTROL = "/sim/zalo/_control";

/** Lenient 84… form, to match what the simulator stores. */
function toSimPhone(input: string): string {
  let d = input.replace(/[^\d]/g, "");
  if (d.startsWith("0")) d = "84" + d.slice(1);
  return d;
}

interface Stats {
  counters: { acceptedSends: number; acceptedCs: number; rejected: number };
}

export function SimApp() {
  const m = useTranslations("sim");
  const [citizens, setCitizens] = useState<SimCitizenView[]>([]);
  const [stats, setStats] = useState<Stats | null>(null);
  const [phone, setPhone] = useState("");
  const [displayName, setDisplayName] = useState("");
  const [text, setText] = useState("");
  const [fullName, setFullName] = useState("");
  const [address, setAddress] = useState("");
  const [stars, setStars] = useState("5");
  const [note, setNote] = useState("");
  const [status, setStatus] = useState<{ tone: "ok" | "error"; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const [shareOpen, setShareOpen] = useState(false);

  const refresh = useCallback(async () => {
    try {
      const [c, s] = await Promise.all([
        fetch(`${CONTROL}/citizens`, { cache: "no-store" }),
        fetch(`${CONTROL}/state`, { cache: "no-store" }),
      ]);
      if (c.ok) setCitizens(((await c.json()) as { citizens: SimCitizenView[] }).citizens);
      if (s.ok) setStats((await s.json()) as Stats);
    } catch {
      // The next poll tries again.
    }
  }, []);

  useEffect(() => {
    const first = setTimeout(refresh, 0);
    const timer = setInterval(refresh, 1000);
    return () => {
      clearTimeout(first);
      clearInterval(timer);
    };
  }, [refresh]);

  const selected = citizens.find((c) => c.phone === toSimPhone(phone));

  async function act(action: string, extra: Record<string, unknown> = {}): Promise<boolean> {
    setBusy(true);
    setStatus(null);
    try {
      const res = await fetch(`${CONTROL}/act`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ phone, displayName: displayName.trim() || undefined, action, ...extra }),
      });
      const body = (await res.json()) as { error?: string; ok?: boolean; webhooks?: { error?: string }[] };
      if (!res.ok) {
        setStatus({ tone: "error", text: body.error ?? `HTTP ${res.status}` });
        return false;
      }
      const failed = body.webhooks?.find((w) => w.error);
      setStatus(
        failed
          ? { tone: "error", text: m("webhookFailed", { error: failed.error ?? "" }) }
          : { tone: "ok", text: m("sent") },
      );
      await refresh();
      return !failed;
    } catch (err) {
      setStatus({ tone: "error", text: (err as Error).message });
      return false;
    } finally {
      setBusy(false);
    }
  }

  const input = "w-full rounded-md border border-slate-400 bg-white px-3 py-2 text-base";
  const button = "rounded-md px-3 py-2 text-sm font-semibold disabled:opacity-60";

  return (
    <div className="mx-auto flex max-w-5xl flex-col gap-6 p-4 lg:flex-row">
      <section aria-labelledby="sim-citizens" className="lg:w-72">
        <h2 id="sim-citizens" className="mb-2 text-lg font-semibold">
          {m("citizens")}
        </h2>
        <ul className="flex flex-col gap-2">
          {citizens.map((c) => (
            <li key={c.userId}>
              <button
                type="button"
                data-testid="sim-citizen"
                aria-label={`${m("choose")}: ${c.displayName}, ${c.phone}`}
                onClick={() => {
                  setPhone(c.phone);
                  setDisplayName(c.displayName);
                }}
                aria-pressed={selected?.userId === c.userId}
                className={
                  "w-full rounded-lg border border-slate-300 bg-white p-3 text-left text-sm hover:border-brand-600 " +
                  "aria-pressed:border-brand-600 aria-pressed:ring-2 aria-pressed:ring-brand-100"
                }
              >
                <span className="block font-semibold">{c.displayName}</span>
                <span className="block font-mono text-slate-700">{c.phone}</span>
                <span className="block text-xs text-slate-600">
                  {m("zaloUserId")}: <span className="font-mono">{c.userId}</span>
                </span>
                <span
                  className={[
                    "mt-1 inline-block rounded px-2 py-0.5 text-xs",
                    c.isFollower ? "bg-green-100 text-green-900" : "bg-slate-200 text-slate-800",
                  ].join(" ")}
                >
                  {c.isFollower ? m("follower") : m("notFollower")}
                </span>
                {c.sharedInfo ? (
                  <span className="ml-1 inline-block rounded bg-sky-100 px-2 py-0.5 text-xs text-sky-900">
                    {m("linked")}
                  </span>
                ) : null}
              </button>
            </li>
          ))}
        </ul>
        {stats ? (
          <p className="mt-3 text-xs text-slate-600">
            {m("stats", {
              sends: stats.counters.acceptedSends,
              cs: stats.counters.acceptedCs,
              rejected: stats.counters.rejected,
            })}
          </p>
        ) : null}
        <FaultsPanel onChanged={refresh} />
      </section>

      <section
        aria-label={m("chatTitle")}
        className="mx-auto w-full max-w-sm overflow-hidden rounded-[2rem] border-8 border-slate-800 bg-white shadow-xl"
      >
        <div className="bg-[#0068ff] px-4 py-3 text-white">
          <p className="text-sm opacity-80">Zalo OA</p>
          <p className="font-semibold">
            {selected
              ? `${selected.displayName} · ${selected.isFollower ? m("follower") : m("notFollower")}`
              : m("chatTitle")}
          </p>
        </div>
        <div className="flex flex-col gap-3 border-b border-slate-200 p-3">
          <div className="grid grid-cols-2 gap-2">
            <div className="flex flex-col gap-1">
              <FieldLabel htmlFor="sim-phone" label={m("phone")} />
              <input
                id="sim-phone"
                className={input}
                inputMode="tel"
                autoComplete="off"
                value={phone}
                onChange={(e) => setPhone(e.target.value)}
                aria-describedby="sim-phone-hint"
              />
            </div>
            <div className="flex flex-col gap-1">
              <FieldLabel htmlFor="sim-name" label={m("displayName")} />
              <input
                id="sim-name"
                className={input}
                value={displayName}
                onChange={(e) => setDisplayName(e.target.value)}
              />
            </div>
          </div>
          <p id="sim-phone-hint" className="text-xs text-slate-600">
            {m("phoneHint")}
          </p>
          <div className="flex gap-2">
            <button
              type="button"
              disabled={busy || !phone}
              onClick={() => act("follow")}
              className={`${button} bg-[#0068ff] text-white`}
            >
              {m("follow")}
            </button>
            <button
              type="button"
              disabled={busy || !phone}
              onClick={() => act("unfollow")}
              className={`${button} border border-slate-400`}
            >
              {m("unfollow")}
            </button>
            <button
              type="button"
              disabled={busy || !selected}
              onClick={() => act("seen")}
              className={`${button} border border-slate-400`}
            >
              {m("markSeen")}
            </button>
          </div>
        </div>

        <ChatView
          citizen={selected ?? null}
          onQuery={(payload) => void act("text", { text: payload })}
          onShare={() => {
            setShareOpen(true);
            setTimeout(() => document.getElementById("sim-fullname")?.focus(), 0);
          }}
        />

        {status ? (
          <p
            role={status.tone === "error" ? "alert" : "status"}
            className={[
              "px-3 py-2 text-sm",
              status.tone === "error" ? "bg-red-50 text-red-900" : "bg-green-50 text-green-900",
            ].join(" ")}
          >
            {status.text}
          </p>
        ) : null}

        <form
          className="flex flex-col gap-2 border-t border-slate-200 p-3"
          onSubmit={async (e) => {
            e.preventDefault();
            if (await act("text", { text })) setText("");
          }}
        >
          <FieldLabel htmlFor="sim-text" label={m("message")} />
          <div className="flex gap-2">
            <input
              id="sim-text"
              className={input}
              value={text}
              placeholder={m("messagePlaceholder")}
              onChange={(e) => setText(e.target.value)}
              maxLength={2000}
            />
            <button
              type="submit"
              disabled={busy || !phone || !text.trim()}
              className={`${button} bg-[#0068ff] text-white`}
            >
              {m("send")}
            </button>
          </div>
          <div className="flex gap-2">
            <button
              type="button"
              disabled={busy || !phone}
              onClick={() => act("image", { caption: text })}
              className={`${button} border border-slate-400`}
            >
              {m("sendImage")}
            </button>
            <button
              type="button"
              disabled={busy || !phone}
              onClick={() => act("sticker")}
              className={`${button} border border-slate-400`}
            >
              {m("sendSticker")}
            </button>
          </div>
        </form>

        <form
          className="flex flex-col gap-2 border-t border-slate-200 p-3"
          onSubmit={async (e) => {
            e.preventDefault();
            if (await act("submit_info", { name: fullName, address })) setShareOpen(false);
          }}
        >
          <p className="text-sm font-semibold">{m("shareTitle")}</p>
          <div className="grid grid-cols-2 gap-2">
            <div className="flex flex-col gap-1">
              <label htmlFor="sim-fullname" className="text-sm">
                {m("fullName")}
              </label>
              <input
                id="sim-fullname"
                className={input}
                value={fullName}
                placeholder={selected?.displayName}
                onChange={(e) => setFullName(e.target.value)}
              />
            </div>
            <div className="flex flex-col gap-1">
              <label htmlFor="sim-address" className="text-sm">
                {m("address")}
              </label>
              <input id="sim-address" className={input} value={address} onChange={(e) => setAddress(e.target.value)} />
            </div>
          </div>
          {shareOpen ? (
            <label className="flex items-start gap-2 text-sm">
              <input type="checkbox" required className="mt-0.5 h-4 w-4" data-testid="sim-share-consent" />
              {m("shareConsent")}
            </label>
          ) : null}
          <button type="submit" disabled={busy || !phone} className={`${button} self-start bg-[#0068ff] text-white`}>
            {m("share")}
          </button>
        </form>

        <details className="border-t border-slate-200 p-3">
          <summary className="cursor-pointer text-sm font-semibold">{m("rateTitle")}</summary>
          <form
            className="mt-2 flex flex-col gap-2"
            onSubmit={async (e) => {
              e.preventDefault();
              await act("feedback", { rate: Number(stars), note });
            }}
          >
            <label htmlFor="sim-stars" className="text-sm">
              {m("stars")}
            </label>
            <select id="sim-stars" className={input} value={stars} onChange={(e) => setStars(e.target.value)}>
              {["5", "4", "3", "2", "1"].map((s) => (
                <option key={s} value={s}>
                  {"★".repeat(Number(s))}
                </option>
              ))}
            </select>
            <label htmlFor="sim-note" className="text-sm">
              {m("note")}
            </label>
            <input id="sim-note" className={input} value={note} onChange={(e) => setNote(e.target.value)} />
            <button type="submit" disabled={busy || !selected} className={`${button} border border-slate-400`}>
              {m("rate")}
            </button>
          </form>
        </details>
      </section>
    </div>
  );
}
