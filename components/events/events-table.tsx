"use client";
import { useTranslations } from "next-intl";
import type { ColumnDef } from "@tanstack/react-table";
import { DataTable } from "@/components/ui/data-table";
import type { ZaloEventStatus } from "@/db/schema";
import type { FormState } from "@/lib/http/form-action";
import { RequeueButton } from "./requeue-button";
import { dataTableLabels } from "@/components/ui/data-table-labels";

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
  total,
  page,
  pageSize,
  requeueAction,
}: {
  rows: EventRow[];
  total: number;
  page: number;
  pageSize: number;
  /** Present only when the viewer may re-queue (zalo.settings). */
  requeueAction?: (prev: FormState, fd: FormData) => Promise<FormState>;
}) {
  const m = useTranslations();
  const columns: ColumnDef<EventRow, unknown>[] = [
    { accessorKey: "receivedAt", header: m("events.receivedAt") },
    { accessorKey: "eventName", header: m("events.event"), cell: (c) => <code>{String(c.getValue())}</code> },
    { accessorKey: "sender", header: m("events.sender") },
    {
      accessorKey: "status",
      header: m("events.status"),
      cell: (c) => {
        const s = c.getValue() as ZaloEventStatus;
        return (
          <span data-testid="event-status" className={`rounded px-2 py-0.5 text-xs font-semibold ${statusTone[s]}`}>
            {m(`events.statuses.${s}`)}
          </span>
        );
      },
    },
    { accessorKey: "attempts", header: m("events.attempts") },
    { accessorKey: "when", header: `${m("events.processedAt")} / ${m("events.nextAttemptAt")}` },
    {
      accessorKey: "lastError",
      header: m("events.lastError"),
      cell: (c) => <span className="break-words text-red-800">{(c.getValue() as string | null) ?? ""}</span>,
    },
  ];
  if (requeueAction) {
    columns.push({
      id: "actions",
      header: m("common.actions"),
      cell: ({ row }) =>
        row.original.status === "failed" || row.original.status === "ignored" ? (
          <RequeueButton
            id={row.original.id}
            action={requeueAction}
            labels={{ requeue: m("events.requeue"), requeueing: m("events.requeueing") }}
          />
        ) : null,
    });
  }
  return (
    <DataTable
      columns={columns}
      data={rows}
      total={total}
      page={page}
      pageSize={pageSize}
      rowTestId="zalo-event-row"
      labels={dataTableLabels(m)}
    />
  );
}
