import type { ComponentProps, ReactNode } from "react";

const cx = (...classes: (string | false | null | undefined)[]) => classes.filter(Boolean).join(" ");

/**
 * The frame every table sits in; it scrolls sideways on a phone instead of widening the page. "framed" is a list
 * page's bordered card; "plain" sits inside a card or form that already has one; "grid" rules every cell, as the
 * printed statutory reports do. "empty" is what an empty table says, below its headers.
 */
export function Table({
  className,
  children,
  variant = "framed",
  empty,
  ...rest
}: {
  className?: string;
  children: ReactNode;
  variant?: "framed" | "plain" | "grid";
  empty?: ReactNode;
  "data-testid"?: string;
}) {
  const frame = variant === "framed" ? "rounded-lg border border-slate-200 bg-white" : "";
  return (
    <div className={cx(frame, className)}>
      {/* relative: header sr-only text (absolute) must scroll with the table, not widen the page. */}
      <div className="relative overflow-x-auto">
        <table className={cx("w-full text-left text-sm", variant === "grid" && "border-collapse")} {...rest}>
          {children}
        </table>
      </div>
      {empty ? <EmptyState>{empty}</EmptyState> : null}
    </div>
  );
}

/** The header row. */
export function THead({ children, plain = false }: { children: ReactNode; plain?: boolean }) {
  return (
    <thead className={plain ? "text-xs uppercase text-slate-600" : "bg-slate-100"}>
      <tr>{children}</tr>
    </thead>
  );
}

export function Th({ className, children }: { className?: string; children?: ReactNode }) {
  return (
    <th scope="col" className={cx("px-4 py-2 font-semibold", className)}>
      {children}
    </th>
  );
}

/** The header cell that names its row (a unit, a time slot, a month). */
export function ThRow({ className, children }: { className?: string; children?: ReactNode }) {
  return (
    <th scope="row" className={cx("px-4 py-2 text-left font-semibold", className)}>
      {children}
    </th>
  );
}

/** A header for a column of buttons: named for screen readers only. */
export function ThAction({ label }: { label: string }) {
  return (
    <Th>
      <span className="sr-only">{label}</span>
    </Th>
  );
}

export function Tr({ className, ...rest }: ComponentProps<"tr">) {
  return <tr className={cx("border-t border-slate-100 align-top", className)} {...rest} />;
}

export function Td({ className, ...rest }: ComponentProps<"td">) {
  return <td className={cx("px-4 py-2", className)} {...rest} />;
}

/**
 * An empty table's message, under the scrolling table rather than in a row of it: a row spans the table's full width,
 * so on a phone its centred text sat partly beyond the edge of the scrolled view.
 */
export function EmptyState({ children }: { children: ReactNode }) {
  return <p className="border-t border-slate-100 px-4 py-6 text-center text-slate-600">{children}</p>;
}
