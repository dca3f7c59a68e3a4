import { getTranslations } from "next-intl/server";
import type { Metadata, Viewport } from "next";
import { NextIntlClientProvider } from "next-intl";
import "./globals.css";
import { currentLocale } from "@/lib/i18n";

export async function generateMetadata(): Promise<Metadata> {
  const m = await getTranslations();
  return { title: { default: m("app.name"), template: `%s · ${m("app.name")}` }, description: m("app.fullName") };
}

export const viewport: Viewport = { width: "device-width", initialScale: 1 };

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  const locale = await currentLocale();
  return (
    <html lang={locale}>
      <body className="min-h-screen bg-slate-50 text-slate-900 antialiased">
        <NextIntlClientProvider>{children}</NextIntlClientProvider>
      </body>
    </html>
  );
}
