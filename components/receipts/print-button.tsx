"use client";
import { buttonClass } from "@/components/ui/button";

export function PrintButton({ label }: { label: string }) {
  return (
    <button type="button" className={buttonClass()} onClick={() => window.print()} data-testid="print-receipt">
      {label}
    </button>
  );
}
