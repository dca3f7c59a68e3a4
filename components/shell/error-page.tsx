import Link from "next/link";
import { currentStaff } from "@/lib/auth/session";
import { AppShell } from "./app-shell";

/** 403 and 404 keep the staff layout for a signed-in member, so the menu is still there to go on from. */
export async function ErrorPage({ title, text, home }: { title: string; text: string; home: string }) {
  const me = await currentStaff();
  const body = (
    <div className="mx-auto max-w-xl px-6 py-16 text-center">
      <h1 className="text-2xl font-bold">{title}</h1>
      <p className="mt-3 text-slate-700">{text}</p>
      <Link href="/" className="mt-6 inline-block text-brand-700 underline">
        {home}
      </Link>
    </div>
  );
  if (me) return <AppShell me={me}>{body}</AppShell>;
  return <main id="main">{body}</main>;
}
