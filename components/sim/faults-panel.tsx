"use client";
import { useTranslations } from "next-intl";
import { useState } from "react";

const CONTROL = "/sim/zalo/_control";

async function post(path: string, body: unknown = {}) {
  await fetch(`${CONTROL}${path}`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });
}

/** Fault settings for staff training: errors, latency, hangs, rate limit, "not a follower", night ban, token expiry. */
export function FaultsPanel({ onChanged }: { onChanged: () => void }) {
  const m = useTranslations("sim");
  const [errorRate, setErrorRate] = useState("0");
  const [latency, setLatency] = useState("0");
  const [hangRate, setHangRate] = useState("0");
  const [rateLimit, setRateLimit] = useState("");
  const [notFollower, setNotFollower] = useState(false);
  const [nightBan, setNightBan] = useState(false);
  const field = "w-full rounded-md border border-slate-400 bg-white px-2 py-1 text-sm";
  return (
    <details className="mt-4 rounded-lg border border-slate-300 bg-white p-3 text-sm">
      <summary className="cursor-pointer font-semibold">{m("faultsTitle")}</summary>
      <form
        className="mt-2 flex flex-col gap-2"
        onSubmit={async (e) => {
          e.preventDefault();
          await post("/faults", {
            errorRate: Math.min(100, Math.max(0, Number(errorRate) || 0)) / 100,
            latencyMs: Math.max(0, Number(latency) || 0),
            hangRate: Math.min(100, Math.max(0, Number(hangRate) || 0)) / 100,
            rateLimitPerMinute: rateLimit.trim() ? Math.max(0, Number(rateLimit) || 0) : null,
            notFollower,
            nightBan,
          });
          onChanged();
        }}
      >
        <label htmlFor="fault-error">{m("errorRate")}</label>
        <input
          id="fault-error"
          type="number"
          min={0}
          max={100}
          className={field}
          value={errorRate}
          onChange={(e) => setErrorRate(e.target.value)}
        />
        <label htmlFor="fault-latency">{m("latency")}</label>
        <input
          id="fault-latency"
          type="number"
          min={0}
          className={field}
          value={latency}
          onChange={(e) => setLatency(e.target.value)}
        />
        <label htmlFor="fault-hang">{m("hangRate")}</label>
        <input
          id="fault-hang"
          type="number"
          min={0}
          max={100}
          className={field}
          value={hangRate}
          onChange={(e) => setHangRate(e.target.value)}
        />
        <label htmlFor="fault-rate">{m("rateLimit")}</label>
        <input
          id="fault-rate"
          type="number"
          min={0}
          className={field}
          value={rateLimit}
          onChange={(e) => setRateLimit(e.target.value)}
        />
        <label className="flex items-center gap-2">
          <input type="checkbox" checked={notFollower} onChange={(e) => setNotFollower(e.target.checked)} />{" "}
          {m("notFollowerFault")}
        </label>
        <label className="flex items-center gap-2">
          <input type="checkbox" checked={nightBan} onChange={(e) => setNightBan(e.target.checked)} />{" "}
          {m("nightBanFault")}
        </label>
        <button type="submit" className="rounded-md bg-slate-800 px-3 py-1.5 font-semibold text-white">
          {m("applyFaults")}
        </button>
      </form>
      <div className="mt-3 flex flex-col gap-2">
        <button
          type="button"
          className="rounded-md border border-slate-400 px-3 py-1.5"
          onClick={async () => {
            await post("/expire-tokens");
            onChanged();
          }}
        >
          {m("expireTokens")}
        </button>
        <button
          type="button"
          className="rounded-md border border-red-400 px-3 py-1.5 text-red-800"
          onClick={async () => {
            await post("/reset");
            onChanged();
          }}
        >
          {m("reset")}
        </button>
      </div>
    </details>
  );
}
