"use client";
import { useTranslations } from "next-intl";
import { Fragment, useState } from "react";

const CONTROL = "/sim/zalo/_control";

async function post(path: string, body: unknown = {}) {
  await fetch(`${CONTROL}${path}`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });
}

const NUMBERS = [
  { key: "errorRate", id: "fault-error", max: 100 },
  { key: "latency", id: "fault-latency" },
  { key: "hangRate", id: "fault-hang", max: 100 },
  { key: "rateLimit", id: "fault-rate" },
] as const;

type NumberKey = (typeof NUMBERS)[number]["key"];

const percent = (v: string) => Math.min(100, Math.max(0, Number(v) || 0)) / 100;

/** Fault settings for staff training: errors, latency, hangs, rate limit, "not a follower", night ban, token expiry. */
export function FaultsPanel({ onChanged }: { onChanged: () => void }) {
  const m = useTranslations("sim");
  const [n, setN] = useState<Record<NumberKey, string>>({ errorRate: "0", latency: "0", hangRate: "0", rateLimit: "" });
  const [notFollower, setNotFollower] = useState(false);
  const [nightBan, setNightBan] = useState(false);
  const field = "w-full rounded-md border border-slate-400 bg-white px-2 py-1 text-sm";
  const run = (path: string) => async () => {
    await post(path);
    onChanged();
  };
  return (
    <details className="mt-4 rounded-lg border border-slate-300 bg-white p-3 text-sm">
      <summary className="cursor-pointer font-semibold">{m("faultsTitle")}</summary>
      <form
        className="mt-2 flex flex-col gap-2"
        onSubmit={async (e) => {
          e.preventDefault();
          await post("/faults", {
            errorRate: percent(n.errorRate),
            latencyMs: Math.max(0, Number(n.latency) || 0),
            hangRate: percent(n.hangRate),
            rateLimitPerMinute: n.rateLimit.trim() ? Math.max(0, Number(n.rateLimit) || 0) : null,
            notFollower,
            nightBan,
          });
          onChanged();
        }}
      >
        {NUMBERS.map((f) => (
          <Fragment key={f.key}>
            <label htmlFor={f.id}>{m(f.key)}</label>
            <input
              id={f.id}
              type="number"
              min={0}
              max={"max" in f ? f.max : undefined}
              className={field}
              value={n[f.key]}
              onChange={(e) => setN({ ...n, [f.key]: e.target.value })}
            />
          </Fragment>
        ))}
        <Toggle label={m("notFollowerFault")} checked={notFollower} onChange={setNotFollower} />
        <Toggle label={m("nightBanFault")} checked={nightBan} onChange={setNightBan} />
        <button type="submit" className="rounded-md bg-slate-800 px-3 py-1.5 font-semibold text-white">
          {m("applyFaults")}
        </button>
      </form>
      <div className="mt-3 flex flex-col gap-2">
        <button
          type="button"
          className="rounded-md border border-slate-400 px-3 py-1.5"
          onClick={run("/expire-tokens")}
        >
          {m("expireTokens")}
        </button>
        <button
          type="button"
          className="rounded-md border border-red-400 px-3 py-1.5 text-red-800"
          onClick={run("/reset")}
        >
          {m("reset")}
        </button>
      </div>
    </details>
  );
}

function Toggle({ label, checked, onChange }: { label: string; checked: boolean; onChange: (on: boolean) => void }) {
  return (
    <label className="flex items-center gap-2">
      <input type="checkbox" checked={checked} onChange={(e) => onChange(e.target.checked)} /> {label}
    </label>
  );
}
