"use client";
import { useRouter } from "next/navigation";
import { ProcedurePicker, type ProcedurePickerLabels } from "./procedure-picker";

/** The list's search box: the typed text is submitted with the form; choosing a suggestion opens that procedure. */
export function ProcedureQuickSearch({ labels, initialText }: { labels: ProcedurePickerLabels; initialText: string }) {
  const router = useRouter();
  return (
    <div className="w-96 max-w-full">
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
