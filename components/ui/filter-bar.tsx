import Link from "next/link";
import type { ReactNode } from "react";
import { Options } from "./field";

export const filterControl = "w-full rounded-md border border-slate-400 px-3 py-2";

/** A list page's search form (GET): its fields, then "filter" and a link that clears them. */
export function FilterBar({
  clearHref,
  filterLabel,
  clearLabel,
  children,
}: {
  clearHref: string;
  filterLabel: string;
  clearLabel: string;
  children: ReactNode;
}) {
  return (
    <form className="mb-4 flex flex-wrap items-end gap-3 rounded-lg border border-slate-200 bg-white p-4" role="search">
      {children}
      <div className="flex items-center gap-3">
        <button type="submit" className="rounded-md bg-brand-600 px-4 py-2 text-sm font-semibold text-white">
          {filterLabel}
        </button>
        <Link href={clearHref} className="px-2 py-2 text-sm text-brand-700 underline">
          {clearLabel}
        </Link>
      </div>
    </form>
  );
}

/**
 * One labelled control of a filter form. Fields start narrow and grow to share the row (a line wraps only when they
 * would be squeezed below that start), so a page's filters fit one line at 1,280 px instead of spilling a date field
 * onto a second. "wide" is for a search box.
 */
export function FilterField({ label, wide = false, children }: { label: string; wide?: boolean; children: ReactNode }) {
  const size = wide ? "max-w-md flex-[2_1_14rem]" : "max-w-xs flex-[1_1_9rem]";
  return (
    <label className={`flex min-w-0 flex-col text-sm ${size}`}>
      <span className="font-semibold">{label}</span>
      {children}
    </label>
  );
}

/** A labelled select of a filter form. */
export function FilterSelect({
  label,
  name,
  defaultValue,
  options,
  className = filterControl,
}: {
  label: string;
  name: string;
  defaultValue?: string;
  options: { value: string; label: string }[];
  className?: string;
}) {
  return (
    <FilterField label={label}>
      <select name={name} defaultValue={defaultValue} className={className}>
        <Options options={options} />
      </select>
    </FilterField>
  );
}
