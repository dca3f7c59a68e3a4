import { getTranslations } from "next-intl/server";
import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { Alert } from "@/components/ui/alert";
import { currentStaff } from "@/lib/auth/session";
import { isDemo } from "@/lib/demo";
import { LoginForm } from "./login-form";

export const metadata: Metadata = { title: "Đăng nhập" };

export default async function LoginPage({ searchParams }: { searchParams: Promise<{ notice?: string }> }) {
  if (await currentStaff()) redirect("/");
  const m = await getTranslations();
  const { notice } = await searchParams;
  return (
    <main id="main" className="flex min-h-screen items-center justify-center px-4 py-10">
      <div className="w-full max-w-md rounded-xl border border-slate-200 bg-white p-8 shadow-sm">
        <h1 className="text-2xl font-bold text-brand-800">{m("app.name")}</h1>
        <p className="mb-6 text-sm text-slate-600">{m("login.subtitle")}</p>
        {isDemo() ? (
          <div className="mb-4" data-testid="demo-banner">
            <Alert tone="warning" title={m("login.demoTitle")}>
              {m("login.demoText")}
            </Alert>
          </div>
        ) : null}
        {notice === "password-changed" ? (
          <div className="mb-4">
            <Alert tone="success">{m("login.passwordChanged")}</Alert>
          </div>
        ) : null}
        <LoginForm />
      </div>
    </main>
  );
}
