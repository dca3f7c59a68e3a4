"use client";
import { useRouter } from "next/navigation";
import { ProcedurePicker, type ProcedurePickerLabels } from "./procedure-picker";

/** The list's search box: the typed text is submitted with the form; choosing a suggestion opens that procedure. */
export function ProcedureQuickSearch({ labels, initialText }: { labels: ProcedurePickerLabels; initialText: string }) {
  const router = useRouter();
  return (
    <div className="min-w-0 flex-1 sm:w-96 sm:flex-none">
      <ProcedurePicker
        labels={labels}
        textName="q"
        id="procedure-search"
        initialText={initialText}
        autoHighlight={false}
        onSelect={(o) => o && router.push(`/procedures/${o.id}`)}
      />
    </div>
  );
}
