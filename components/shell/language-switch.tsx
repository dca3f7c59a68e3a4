"use client";
import { useRouter } from "next/navigation";

export function LanguageSwitch({ label }: { label: string }) {
  const router = useRouter();
  return (
    <button
      type="button"
      className="text-brand-700 underline"
      onClick={() => {
        const next = document.documentElement.lang === "en" ? "vi" : "en";
        document.cookie = `lang=${next}; path=/; max-age=31536000; samesite=lax`;
        router.refresh();
      }}
    >
      {label}
    </button>
  );
}
