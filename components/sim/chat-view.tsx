import { useTranslations } from "next-intl";
import { formatTime } from "@/lib/format";
import type { SimCitizenView } from "@/lib/sim/control";

const time = (ms: number) => formatTime(ms);

/** The citizen's Zalo chat with the OA: OA messages on the left, the citizen's own on the right, actions as notes. */
export function ChatView({
  citizen,
  onQuery,
  onShare,
}: {
  citizen: SimCitizenView | null;
  /** A tapped query button posts its payload as the citizen's text, as Zalo does. */
  onQuery?: (payload: string) => void;
  /** The request_user_info card opens the share-information form. */
  onShare?: () => void;
}) {
  const m = useTranslations("sim");
  const entries = citizen?.chat ?? [];
  return (
    <ol aria-live="polite" className="flex h-96 flex-col gap-2 overflow-y-auto bg-slate-100 p-3">
      {entries.length === 0 ? <li className="m-auto text-sm text-slate-600">{m("chatEmpty")}</li> : null}
      {entries.map((e) =>
        e.kind === "event" ? (
          <li key={e.id} className="self-center rounded-full bg-slate-200 px-3 py-1 text-xs text-slate-700">
            {e.text}
          </li>
        ) : e.direction === "citizen" ? (
          <li
            key={e.id}
            data-testid="sim-chat-own"
            className="max-w-[85%] self-end rounded-2xl rounded-br-sm bg-[#d6e8ff] px-3 py-2 text-sm"
          >
            <span className="sr-only">{m("you")}: </span>
            {e.text}
            <span className="mt-1 block text-right text-[11px] text-slate-600">{time(e.at)}</span>
          </li>
        ) : (
          <li
            key={e.id}
            data-testid="sim-chat-message"
            data-kind={e.kind}
            className={
              "max-w-[85%] self-start whitespace-pre-line rounded-2xl rounded-bl-sm bg-white px-3 py-2 text-sm " +
              "shadow-sm"
            }
          >
            <span className="mb-1 block text-[11px] font-semibold uppercase tracking-wide text-[#0068ff]">
              {e.kind === "template"
                ? `${m("templateMessage")}: ${e.templateName ?? e.templateId}`
                : m("consultationMessage")}
            </span>
            {e.text}
            <Buttons attachment={e.attachment} onQuery={onQuery} onShare={onShare} />
            <span className="mt-1 block text-[11px] text-slate-600">
              {time(e.at)}
              {e.delivered ? ` · ${m("delivered")}` : ""}
              {e.seen ? ` · ${m("seen")}` : ""}
            </span>
          </li>
        ),
      )}
    </ol>
  );
}

type Attachment =
  | { payload?: { template_type?: string; buttons?: { title?: string; type?: string; payload?: unknown }[] } }
  | undefined;

function Buttons({
  attachment,
  onQuery,
  onShare,
}: {
  attachment: unknown;
  onQuery?: (payload: string) => void;
  onShare?: () => void;
}) {
  const m = useTranslations("sim");
  const payload = (attachment as Attachment)?.payload;
  if (payload?.template_type === "request_user_info") {
    return (
      <button
        type="button"
        onClick={onShare}
        data-testid="sim-open-share"
        className="mt-2 block w-full rounded-md bg-[#0068ff] px-2 py-1 text-center font-semibold text-white"
      >
        {m("openShareForm")}
      </button>
    );
  }
  const buttons = payload?.buttons;
  if (!Array.isArray(buttons) || buttons.length === 0) return null;
  return (
    <span className="mt-2 flex flex-col gap-1">
      {buttons.map((b, i) =>
        b.type === "oa.open.url" && typeof (b.payload as { url?: string })?.url === "string" ? (
          <a
            key={i}
            href={(b.payload as { url: string }).url}
            target="_blank"
            rel="noreferrer"
            className="rounded-md border border-[#0068ff] px-2 py-1 text-center text-[#0068ff]"
          >
            {b.title}
          </a>
        ) : (b.type === "oa.query.show" || b.type === "oa.query.hide") && typeof b.payload === "string" && onQuery ? (
          <button
            key={i}
            type="button"
            data-testid="sim-query-button"
            onClick={() => onQuery(b.payload as string)}
            className="rounded-md border border-[#0068ff] px-2 py-1 text-center text-[#0068ff]"
          >
            {b.title}
          </button>
        ) : (
          <span key={i} className="rounded-md border border-slate-300 px-2 py-1 text-center text-slate-700">
            {b.title}
          </span>
        ),
      )}
    </span>
  );
}
