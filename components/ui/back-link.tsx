import Link from "next/link";

/** The way back to the list a detail page was opened from. */
export function BackLink({ href, label }: { href: string; label: string }) {
  return (
    <p className="mb-2 text-sm">
      <Link className="text-brand-700 underline" href={href}>
        ← {label}
      </Link>
    </p>
  );
}
