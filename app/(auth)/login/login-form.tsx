"use client";
import { useTranslations } from "next-intl";
import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { FieldShell } from "@/components/ui/field";

const control = "rounded-md border border-slate-400 px-3 py-2";

export function LoginForm() {
  const m = useTranslations("login");
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function onSubmit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    const username = String(form.get("username") ?? "").trim();
    const password = String(form.get("password") ?? "");
    if (!username || !password) return setError(m("required"));
    setPending(true);
    setError(null);
    const res = await signIn("credentials", { username, password, redirect: false });
    setPending(false);
    if (res?.ok && !res.error) {
      router.replace("/");
      router.refresh();
      return;
    }
    setError(res?.error === "LOCKED" ? m("locked") : res?.error === "IP_LIMITED" ? m("ipLimited") : m("invalid"));
  }

  return (
    <form onSubmit={onSubmit} className="flex flex-col gap-4" noValidate>
      {error ? (
        <p
          role="alert"
          data-testid="login-error"
          className="rounded-md border border-red-300 bg-red-50 px-3 py-2 text-sm text-red-900"
        >
          {error}
        </p>
      ) : null}
      <FieldShell id="username" label={m("username")}>
        <input id="username" name="username" autoComplete="username" autoFocus required className={control} />
      </FieldShell>
      <FieldShell id="password" label={m("password")}>
        <input
          id="password"
          name="password"
          type="password"
          autoComplete="current-password"
          required
          className={control}
        />
      </FieldShell>
      <button
        type="submit"
        disabled={pending}
        className="rounded-md bg-brand-600 px-4 py-2 font-semibold text-white hover:bg-brand-700 disabled:bg-slate-400"
      >
        {pending ? m("submitting") : m("submit")}
      </button>
    </form>
  );
}
