"use client";
import { useTranslations } from "next-intl";
import { createColumnHelper } from "@tanstack/react-table";
import { DataTable, type DataTableColumn } from "@/components/ui/data-table";
import type { ZaloEventStatus } from "@/db/schema";
import type { FormAction } from "@/components/ui/form";
import { InlineAction } from "@/components/ui/inline-action";
import type { PageInfo } from "@/components/ui/page-info";

const col = createColumnHelper<EventRow>();

export interface EventRow {
  id: number;
  eventName: string;
  sender: string;
  receivedAt: string;
  status: ZaloEventStatus;
  attempts: number;
  lastError: string | null;
  when: string;
}

const statusTone: Record<ZaloEventStatus, string> = {
  pending: "bg-sky-100 text-sky-900",
  processing: "bg-amber-100 text-amber-900",
  done: "bg-green-100 text-green-900",
  failed: "bg-red-100 text-red-900",
  ignored: "bg-slate-100 text-slate-700",
};

export function EventsTable({
  rows,
  result,
  requeueAction,
}: {
  rows: EventRow[];
  result: PageInfo;
  /** Present only when the viewer may re-queue (zalo.settings). */
  requeueAction?: FormAction;
}) {
  const m = useTranslations();
  const columns: DataTableColumn<EventRow>[] = [
    col.accessor("receivedAt", { header: m("events.receivedAt") }),
    col.accessor("eventName", { header: m("events.event"), cell: (c) => <code>{String(c.getValue())}</code> }),
    col.accessor("sender", { header: m("events.sender") }),
    col.accessor("status", {
      header: m("events.status"),
      cell: (c) => {
        const s: ZaloEventStatus = c.getValue();
        return (
          <span data-testid="event-status" className={`rounded px-2 py-0.5 text-xs font-semibold ${statusTone[s]}`}>
            {m(`events.statuses.${s}`)}
          </span>
        );
      },
    }),
    col.accessor("attempts", { header: m("events.attempts") }),
    col.accessor("when", { header: `${m("events.processedAt")} / ${m("events.nextAttemptAt")}` }),
    col.accessor("lastError", {
      header: m("events.lastError"),
      cell: (c) => <span className="break-words text-red-800">{c.getValue() ?? ""}</span>,
    }),
  ];
  if (requeueAction) {
    const requeue = requeueAction;
    columns.push(
      col.display({
        id: "actions",
        header: m("common.actions"),
        cell: ({ row }) =>
          row.original.status === "failed" || row.original.status === "ignored" ? (
            <InlineAction
              action={requeue}
              fields={{ id: row.original.id }}
              label={m("events.requeue")}
              pendingLabel={m("events.requeueing")}
              layout="stacked"
            />
          ) : null,
      }),
    );
  }
  return <DataTable columns={columns} data={rows} result={result} rowTestId="zalo-event-row" />;
}
