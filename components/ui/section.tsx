import type { ReactNode } from "react";

/** A card of a page with its own heading, which names the region for screen readers. */
export function Section({
  id,
  title,
  className = "rounded-lg border border-slate-200 bg-white p-4",
  titleClassName = "text-lg font-semibold",
  testId,
  children,
}: {
  id: string;
  title: ReactNode;
  className?: string;
  titleClassName?: string;
  testId?: string;
  children: ReactNode;
}) {
  return (
    <section className={className} aria-labelledby={id} data-testid={testId}>
      <h2 id={id} className={titleClassName}>
        {title}
      </h2>
      {children}
    </section>
  );
}
