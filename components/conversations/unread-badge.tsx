"use client";
import { useEffect, useState } from "react";

/** Unread conversations in the caller's scope, polled every few seconds for the navigation. */
export function UnreadBadge({ initial, label }: { initial: number; label: string }) {
  const [count, setCount] = useState(initial);
  useEffect(() => {
    let stop = false;
    const poll = async () => {
      if (document.visibilityState !== "visible") return;
      try {
        const res = await fetch("/api/conversations/unread", { cache: "no-store" });
        if (res.ok && !stop) setCount(((await res.json()) as { unread: number }).unread);
      } catch {
        // The next poll tries again; the badge keeps its last value meanwhile.
      }
    };
    const timer = setInterval(poll, 4000);
    return () => {
      stop = true;
      clearInterval(timer);
    };
  }, []);
  if (!count) return null;
  return (
    <span
      data-testid="unread-badge"
      className={
        "ml-2 inline-flex min-w-6 justify-center rounded-full bg-amber-400 px-1.5 text-xs font-bold text-slate-900"
      }
    >
      {count}
      <span className="sr-only"> {label}</span>
    </span>
  );
}
