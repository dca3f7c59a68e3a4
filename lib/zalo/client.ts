import { type DbOrTx, getDb } from "@/db/client";
import { zaloUrls } from "./config";
import { ZaloApiError } from "./errors";
import { zaloHttp } from "./http";
import { idString } from "./json";
import { type AccessTokenCache, getAccessToken, refreshAccessToken } from "./tokens";

/** A button on a consultation message (zalo-api.md §1.5). */
export type ZaloButton =
  | { type: "oa.open.url"; title: string; payload: { url: string } }
  | { type: "oa.query.show" | "oa.query.hide"; title: string; payload: string }
  | { type: "oa.open.phone"; title: string; payload: { phone_code: string } };

/** The `message` object of POST /v3.0/oa/message/cs (text, text with buttons, request_user_info, media). */
export type ZaloCsMessage = Record<string, unknown> & { text?: string; attachment?: Record<string, unknown> };

export interface ZaloTemplateSend {
  phone: string;
  templateId: string;
  templateData: Record<string, string>;
  trackingId: string;
  mode?: "development";
}

export interface ZaloTemplateSent {
  msgId: string;
  sentTime: string | null;
  quota: { dailyQuota: number; remainingQuota: number } | null;
}

export interface ZaloUserDetail {
  userId: string;
  userIdByApp: string | null;
  displayName: string | null;
  avatar: string | null;
  isFollower: boolean;
  lastInteractionDate: string | null;
  sharedInfo: { name?: string; phone?: string; address?: string; city?: string; district?: string } | null;
  tagNames: string[];
}

export interface ZaloArticle {
  type: "normal";
  title: string;
  author?: string;
  description: string;
  cover: { cover_type: "photo"; photo_url: string; status: "show" | "hide" };
  body: ({ type: "text"; content: string } | { type: "image"; url: string; caption?: string })[];
  status?: "show" | "hide";
  comment?: "show" | "hide";
}

/** Broadcast targeting (zalo-api.md §6.1); encoding is uncertain, so values pass through as given. */
export type ZaloBroadcastTarget = Partial<
  Record<"ages" | "gender" | "locations" | "cities" | "platform" | "telcos", string>
>;

const data = (body: Record<string, unknown>) => (body.data ?? {}) as Record<string, unknown>;
const num = (v: unknown) => (v === null || v === undefined || v === "" ? NaN : Number(v));

/** An id Zalo's success answer must carry; without it the send cannot be tracked, so it counts as failed. */
function requiredId(value: unknown, what: string): string {
  const id = idString(value);
  if (id) return id;
  throw new ZaloApiError({ kind: "permanent", code: null, httpStatus: 200, message: `Zalo: phản hồi thiếu ${what}` });
}

/**
 * Typed calls to Zalo's OA, business (ZNS/ZBS) and article APIs. Every call sends the OA access token in the
 * `access_token` header; a token error triggers one refresh and one retry. Only this module speaks Zalo.
 */
export function zaloClient(db: DbOrTx = getDb(), opts: { timeoutMs?: number; tokenCache?: AccessTokenCache } = {}) {
  const { timeoutMs, tokenCache } = opts;

  async function withToken(fn: (token: string) => Promise<Record<string, unknown>>): Promise<Record<string, unknown>> {
    const token = await (tokenCache ? tokenCache.get(db) : getAccessToken(db));
    try {
      return await fn(token);
    } catch (err) {
      if (!(err instanceof ZaloApiError) || err.kind !== "token") throw err;
      tokenCache?.forget(db);
      const renewed = await refreshAccessToken(db, { force: true, rejectedToken: token });
      return fn(renewed);
    }
  }

  const post = (base: "openapi" | "business", path: string, body: unknown) =>
    withToken((token) =>
      zaloHttp({
        method: "POST",
        url: `${zaloUrls()[base]}${path}`,
        headers: { access_token: token },
        body,
        timeoutMs,
      }),
    );

  const get = (base: "openapi" | "business", path: string, query: Record<string, string>) =>
    withToken((token) =>
      zaloHttp({
        method: "GET",
        url: `${zaloUrls()[base]}${path}?${new URLSearchParams(query)}`,
        headers: { access_token: token },
        timeoutMs,
      }),
    );

  const oaGet = (path: string, payload: Record<string, unknown>) =>
    get("openapi", path, { data: JSON.stringify(payload) });

  async function sendConsultationMessage(userId: string, message: ZaloCsMessage): Promise<{ messageId: string }> {
    const body = await post("openapi", "/v3.0/oa/message/cs", { recipient: { user_id: userId }, message });
    const messageId = requiredId(data(body).message_id, "message_id");
    return { messageId };
  }

  return {
    sendConsultationMessage,

    sendConsultationText(userId: string, text: string): Promise<{ messageId: string }> {
      return sendConsultationMessage(userId, { text });
    },

    /** Text with up to 5 buttons (links, #KEYWORD queries, phone). */
    sendConsultationButtons(userId: string, text: string, buttons: ZaloButton[]): Promise<{ messageId: string }> {
      return sendConsultationMessage(userId, {
        text,
        attachment: { type: "template", payload: { buttons: buttons.slice(0, 5) } },
      });
    },

    /** Asks the citizen to share name, phone and address; the answer arrives as a user_submit_info event. */
    sendRequestUserInfo(
      userId: string,
      element: { title: string; subtitle: string; imageUrl: string },
    ): Promise<{ messageId: string }> {
      return sendConsultationMessage(userId, {
        attachment: {
          type: "template",
          payload: {
            template_type: "request_user_info",
            elements: [{ title: element.title, subtitle: element.subtitle, image_url: element.imageUrl }],
          },
        },
      });
    },

    async sendTemplateByPhone(input: ZaloTemplateSend): Promise<ZaloTemplateSent> {
      const body = await post("business", "/message/template", {
        phone: input.phone,
        template_id: input.templateId,
        template_data: input.templateData,
        tracking_id: input.trackingId,
        ...(input.mode ? { mode: input.mode } : {}),
      });
      const d = data(body);
      const msgId = requiredId(d.msg_id, "msg_id");
      const q = (d.quota ?? null) as Record<string, unknown> | null;
      const quota =
        q && Number.isFinite(num(q.dailyQuota))
          ? { dailyQuota: num(q.dailyQuota), remainingQuota: num(q.remainingQuota) }
          : null;
      return { msgId, sentTime: idString(d.sent_time), quota };
    },

    /** status: -1 not found, 0 pushed not yet delivered, 1 delivered (semantics uncertain, zalo-api.md §2.4). */
    async getMessageStatus(
      msgId: string,
    ): Promise<{ status: number | null; deliveryTime: string | null; message: string | null }> {
      const d = data(await get("business", "/message/status", { message_id: msgId }));
      const status = num(d.status);
      return {
        status: Number.isFinite(status) ? status : null,
        deliveryTime: idString(d.delivery_time),
        message: d.message == null ? null : String(d.message),
      };
    },

    async getUserDetail(userId: string): Promise<ZaloUserDetail> {
      const d = data(await oaGet("/v3.0/oa/user/detail", { user_id: userId }));
      const tags = (d.tags_and_notes_info ?? {}) as { tag_names?: unknown[] };
      return {
        userId: idString(d.user_id) ?? userId,
        userIdByApp: idString(d.user_id_by_app),
        displayName: d.display_name == null ? null : String(d.display_name),
        avatar: d.avatar == null ? null : String(d.avatar),
        isFollower: d.user_is_follower === true || d.user_is_follower === "true",
        lastInteractionDate: d.user_last_interaction_date == null ? null : String(d.user_last_interaction_date),
        sharedInfo: (d.shared_info as ZaloUserDetail["sharedInfo"]) ?? null,
        tagNames: Array.isArray(tags.tag_names) ? tags.tag_names.map(String) : [],
      };
    },

    /** count ≤ 50; Zalo caps offset near 10,000. */
    async listFollowers(offset: number, count: number): Promise<{ total: number; users: { userId: string }[] }> {
      const d = data(await oaGet("/v3.0/oa/user/getlist", { offset, count: Math.min(count, 50), is_follower: true }));
      const users = Array.isArray(d.users) ? (d.users as Record<string, unknown>[]) : [];
      return {
        total: num(d.total) || 0,
        users: users.map((u) => ({ userId: idString(u.user_id) ?? "" })).filter((u) => u.userId),
      };
    },

    async tagFollower(userId: string, tagName: string): Promise<void> {
      await post("openapi", "/v2.0/oa/tag/tagfollower", { user_id: userId, tag_name: tagName });
    },

    async untagFollower(userId: string, tagName: string): Promise<void> {
      await post("openapi", "/v2.0/oa/tag/rmfollowerfromtag", { user_id: userId, tag_name: tagName });
    },

    async listTags(): Promise<string[]> {
      const body = await get("openapi", "/v2.0/oa/tag/gettagsofoa", {});
      return Array.isArray(body.data) ? body.data.map(String) : [];
    },

    /** Image (jpg/png ≤ 1 MB) → attachment id; file (pdf/doc/docx ≤ 5 MB) → token for a file message. */
    async upload(
      kind: "image" | "file",
      file: Blob,
      filename: string,
    ): Promise<{ attachmentId: string | null; token: string | null }> {
      const form = new FormData();
      form.set("file", file, filename);
      const d = data(await post("openapi", `/v2.0/oa/upload/${kind}`, form));
      return { attachmentId: idString(d.attachment_id), token: idString(d.token) };
    },

    /** Article creation is asynchronous: returns a token to pass to verifyArticle. */
    async createArticle(article: ZaloArticle): Promise<{ token: string }> {
      const d = data(await post("openapi", "/v2.0/article/create", { status: "show", comment: "show", ...article }));
      const token = requiredId(d.token, "token bài viết");
      return { token };
    },

    /** The article id once Zalo has processed it (key `id` or `article_id`; null while still processing). */
    async verifyArticle(token: string): Promise<{ articleId: string | null }> {
      const d = data(await post("openapi", "/v2.0/article/verify", { token }));
      return { articleId: idString(d.id ?? d.article_id) };
    },

    /** ZBS template to a follower by user id (zalo-api.md §11; body shape uncertain, kept here). */
    async sendTemplateByUserId(input: {
      userId: string;
      templateId: string;
      templateData: Record<string, string>;
    }): Promise<{ msgId: string }> {
      const d = data(
        await post("openapi", "/v3.0/oa/message/template", {
          user_id: input.userId,
          template_id: input.templateId,
          template_data: input.templateData,
        }),
      );
      const msgId = requiredId(d.msg_id ?? d.message_id, "msg_id");
      return { msgId };
    },

    /** The latest messages between the OA and one user, newest first (src 0 = sent by the OA); at most 10 a call. */
    async getConversation(
      userId: string,
      offset = 0,
      count = 10,
    ): Promise<{ messageId: string; fromOa: boolean; text: string }[]> {
      const body = await oaGet("/v2.0/oa/conversation", { user_id: userId, offset, count: Math.min(count, 10) });
      const list = Array.isArray(body.data) ? (body.data as Record<string, unknown>[]) : [];
      return list.map((m) => ({
        messageId: idString(m.message_id) ?? "",
        fromOa: Number(m.src) === 0,
        text: m.message == null ? "" : String(m.message),
      }));
    },

    async broadcast(articleId: string, target: ZaloBroadcastTarget = {}): Promise<{ messageId: string }> {
      const body = await post("openapi", "/v2.0/oa/message", {
        recipient: { target },
        message: {
          attachment: {
            type: "template",
            payload: { template_type: "media", elements: [{ media_type: "article", attachment_id: articleId }] },
          },
        },
      });
      return { messageId: idString(data(body).message_id) ?? "" };
    },
  };
}

export type ZaloClient = ReturnType<typeof zaloClient>;
