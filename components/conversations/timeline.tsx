import { useMessages, useTranslations } from "next-intl";
import type { ConversationMessage } from "@/db/schema";
import { formatDateTime } from "@/lib/format";
import type { FormAction } from "@/components/ui/form";
import { InlineAction } from "@/components/ui/inline-action";

function attachmentUrls(attachments: unknown): string[] {
  if (!Array.isArray(attachments)) return [];
  return attachments.flatMap((a) => {
    const url = (a as { payload?: { url?: unknown; thumbnail?: unknown } })?.payload?.url;
    return typeof url === "string" ? [url] : [];
  });
}

/**
 * The conversation's messages in order: the citizen's on the left, replies on the right with delivery state, notes
 * apart.
 */
export function Timeline({ messages, retry }: { messages: ConversationMessage[]; retry: FormAction }) {
  const m = useTranslations("conversations");
  const kinds: Record<string, string> = useMessages().conversations.kinds;
  return (
    <ol className="flex flex-col gap-3" aria-label={m("timeline")}>
      {messages.map((msg) => {
        const kindLabel = msg.kind !== "text" && msg.kind !== "template" ? kinds[msg.kind] : null;
        const urls = attachmentUrls(msg.attachments);
        const body = (
          <>
            {kindLabel ? <span className="block text-xs font-semibold text-slate-600">[{kindLabel}]</span> : null}
            {msg.text ? <span className="whitespace-pre-line">{msg.text}</span> : null}
            {urls.map((u) => (
              <a
                key={u}
                href={u}
                target="_blank"
                rel="noreferrer"
                className="block truncate text-xs text-brand-700 underline"
              >
                {u}
              </a>
            ))}
          </>
        );
        if (msg.direction === "note") {
          return (
            <li
              key={msg.id}
              data-testid="timeline-note"
              className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm"
            >
              <span className="block text-xs font-semibold text-amber-900">
                {m("note")} · {msg.authorName} · {formatDateTime(msg.at)}
              </span>
              {body}
            </li>
          );
        }
        if (msg.direction === "in") {
          return (
            <li
              key={msg.id}
              data-testid="timeline-in"
              className="max-w-[80%] self-start rounded-2xl rounded-bl-sm bg-slate-100 px-3 py-2 text-sm"
            >
              {body}
              <span className="mt-1 block text-xs text-slate-600">{formatDateTime(msg.at)}</span>
            </li>
          );
        }
        const failed = msg.status === "failed_permanent" || msg.status === "failed_temporary";
        return (
          <li
            key={msg.id}
            data-testid="timeline-out"
            data-status={msg.status}
            className={[
              "max-w-[80%] self-end rounded-2xl rounded-br-sm px-3 py-2 text-sm",
              failed ? "border border-red-300 bg-red-50" : "bg-sky-100",
            ].join(" ")}
          >
            <span className="block text-xs font-semibold text-slate-700">
              {msg.authorName ?? m(`sources.${msg.source}`)}
              {msg.channel ? ` · ${m(`channels.${msg.channel}`)}` : ""}
            </span>
            {body}
            <span className="mt-1 block text-xs text-slate-600">
              {formatDateTime(msg.at)} ·{" "}
              <span data-testid="delivery-state">{msg.status ? m(`delivery.${msg.status}`) : ""}</span>
            </span>
            {failed && msg.lastError ? (
              <span role="note" className="mt-1 block text-xs text-red-800">
                {msg.lastError}
              </span>
            ) : null}
            {msg.status === "failed_permanent" ? (
              <InlineAction
                action={retry}
                fields={{ conversationId: msg.conversationId, messageId: msg.id }}
                label={m("retry")}
                layout="stacked"
              />
            ) : null}
          </li>
        );
      })}
    </ol>
  );
}
