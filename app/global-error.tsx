"use client";
import { vi } from "@/lib/i18n/messages/vi";

export default function GlobalError({ reset }: { error: Error; reset: () => void }) {
  const m = vi.errors;
  return (
    <html lang="vi">
      <body style={{ fontFamily: "system-ui, sans-serif", textAlign: "center", padding: "4rem 1rem" }}>
        <h1>{m.serverTitle}</h1>
        <p>{m.serverText}</p>
        <button type="button" onClick={reset}>
          {m.retry}
        </button>
      </body>
    </html>
  );
}
