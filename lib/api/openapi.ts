import { z } from "zod";
import { publicBaseUrl } from "@/lib/config";
import { apiRateLimitPerMinute } from "./authenticate";
import { announcementStatusSchema, apiAnnouncementSchema, createdAnnouncementSchema } from "./announcement-schemas";
import {
  apiIntakeSchema,
  apiTransitionSchema,
  createdDossierSchema,
  dossierViewSchema,
  problemSchema,
  transitionResultSchema,
} from "./dossier-schemas";

type JsonObject = Record<string, unknown>;

export interface OpenApiDocument {
  openapi: "3.1.0";
  info: { title: string; version: string; description: string };
  servers: { url: string }[];
  security: { bearerKey: [] }[];
  paths: Record<string, Record<string, JsonObject>>;
  components: {
    schemas: Record<string, JsonObject>;
    securitySchemes: Record<string, JsonObject>;
    parameters: Record<string, JsonObject>;
    responses: Record<string, JsonObject>;
  };
}

const componentSchemas = {
  DossierIntake: apiIntakeSchema,
  DossierTransition: apiTransitionSchema,
  DossierCreated: createdDossierSchema,
  DossierTransitionResult: transitionResultSchema,
  Dossier: dossierViewSchema,
  Problem: problemSchema,
  AnnouncementDraft: apiAnnouncementSchema,
  AnnouncementCreated: createdAnnouncementSchema,
  AnnouncementStatus: announcementStatusSchema,
};
type SchemaName = keyof typeof componentSchemas;

function jsonSchemas(): Record<SchemaName, JsonObject> {
  const registry = z.registry<{ id: string }>();
  for (const [id, schema] of Object.entries(componentSchemas)) registry.add(schema, { id });
  const { schemas } = z.toJSONSchema(registry, {
    io: "input",
    unrepresentable: "any",
    uri: (id) => `#/components/schemas/${id}`,
  });
  const out = {} as Record<SchemaName, JsonObject>;
  for (const [id, schema] of Object.entries(schemas)) {
    const { $schema: _s, $id: _i, ...rest } = schema as JsonObject;
    out[id as SchemaName] = rest;
  }
  return out;
}

const ref = (name: SchemaName) => ({ $ref: `#/components/schemas/${name}` });
const json = (name: SchemaName) => ({ "application/json": { schema: ref(name) } });
const problem = (description: string) => ({
  description,
  content: { "application/problem+json": { schema: ref("Problem") } },
});
const errorRef = (name: string) => ({ $ref: `#/components/responses/${name}` });

const dayParam = (name: string, description: string) => ({
  name,
  in: "query",
  required: false,
  description,
  schema: { type: "string", format: "date" },
  example: "2026-01-31",
});
const count = { type: "integer", minimum: 0 };
const share = { type: ["number", "null"], minimum: 0, maximum: 1 };
const statutoryRow = {
  type: "object",
  description: "Một dòng báo cáo tình hình giải quyết TTHC (Thông tư 01/2018); dòng cuối là Tổng cộng.",
  properties: Object.fromEntries(
    [
      "carriedOver",
      "receivedOnline",
      "receivedDirect",
      "receivedPost",
      "total",
      "finished",
      "early",
      "onTime",
      "late",
      "inProgress",
      "inProgressOnTime",
      "inProgressOverdue",
    ].map((k) => [k, count]),
  ),
};

/** GET /statistics and GET /ratings (issue 14): read-only, the key's unit and everything under it. */
function reportPaths(): Record<string, Record<string, JsonObject>> {
  const period = [
    dayParam("from", "Ngày đầu kỳ (giờ Việt Nam); mặc định ngày 1 tháng này."),
    dayParam("to", "Ngày cuối kỳ, tính cả ngày này; mặc định hôm nay."),
  ];
  const unit = {
    name: "unit",
    in: "query",
    required: false,
    description: "Mã định danh đơn vị trong phạm vi của khóa; bỏ trống = cả phạm vi.",
    schema: { type: "string" },
    example: "H27.37",
  };
  const errors = {
    "401": errorRef("Unauthorized"),
    "403": problem("Khóa chưa được cấp quyền statistics.read (đọc thống kê và đánh giá)"),
    "404": problem("Không có đơn vị này trong phạm vi của khóa"),
    "422": errorRef("Invalid"),
    "429": errorRef("RateLimited"),
  };
  return {
    "/statistics": {
      get: {
        operationId: "getStatistics",
        summary: "Số liệu giải quyết hồ sơ, mức độ hài lòng và thông báo của một kỳ",
        description:
          "Hồ sơ tiếp nhận (trực tuyến / trực tiếp / bưu chính), kỳ trước chuyển qua, giải quyết trước / đúng / quá " +
          "hạn (so ngày hoàn thành với ngày hẹn), đang giải quyết trong hạn / quá hạn cuối kỳ, bổ sung, xin lỗi; " +
          "đánh giá theo 3 mức, tỷ lệ đánh giá, tỷ lệ hài lòng theo QĐ 766 = (hồ sơ đã trả − hồ sơ bị đánh giá " +
          "Không hài lòng hoặc có phản ánh, kiến nghị) ÷ hồ sơ đã trả; thông báo Zalo; báo cáo Thông tư " +
          "01/2018 theo đơn vị và theo lĩnh vực.",
        parameters: [...period, unit],
        responses: {
          "200": {
            description: "Số liệu",
            content: {
              "application/json": {
                schema: {
                  type: "object",
                  properties: {
                    from: { type: "string", format: "date" },
                    to: { type: "string", format: "date" },
                    dossiers: {
                      type: "object",
                      properties: {
                        carriedOver: count,
                        received: {
                          type: "object",
                          properties: { total: count, direct: count, online: count, post: count, zalo: count },
                        },
                        finished: {
                          type: "object",
                          properties: { total: count, early: count, onTime: count, late: count },
                        },
                        onTimeRate: share,
                        returned: count,
                        inProgress: { type: "object", properties: { total: count, onTime: count, overdue: count } },
                        supplements: count,
                        apologies: count,
                        overdueNow: count,
                        zaloShare: share,
                      },
                    },
                    ratings: {
                      type: "object",
                      properties: {
                        byLevel: {
                          type: "object",
                          properties: { very_satisfied: count, satisfied: count, dissatisfied: count },
                        },
                        rated: count,
                        ratingRate: share,
                        complained: count,
                        dissatisfiedOrComplained: count,
                        ratio766: share,
                        followups: { type: "object", properties: { open: count, overdue: count, closed: count } },
                      },
                    },
                    delivery: {
                      type: "object",
                      properties: {
                        created: count,
                        sent: count,
                        delivered: count,
                        failed: count,
                        medianSecondsToZalo: { type: ["integer", "null"] },
                      },
                    },
                    statutory: {
                      type: "object",
                      properties: {
                        byUnit: { type: "array", items: statutoryRow },
                        byField: { type: "array", items: statutoryRow },
                      },
                    },
                  },
                },
              },
            },
          },
          ...errors,
        },
      },
    },
    "/ratings": {
      get: {
        operationId: "listRatings",
        summary: "Đánh giá mức độ hài lòng của người dân (phân trang)",
        description:
          "Đánh giá được gửi trong kỳ, cũ trước mới sau. Trang tiếp theo: gửi lại `cursor` = `nextCursor` của trang " +
          "trước; `nextCursor` null là hết.",
        parameters: [
          ...period,
          unit,
          {
            name: "cursor",
            in: "query",
            required: false,
            schema: { type: "string" },
            description: "Giá trị nextCursor của trang trước.",
          },
          {
            name: "limit",
            in: "query",
            required: false,
            schema: { type: "integer", minimum: 1, maximum: 1000, default: 200 },
          },
        ],
        responses: {
          "200": {
            description: "Một trang đánh giá",
            content: {
              "application/json": {
                schema: {
                  type: "object",
                  properties: {
                    items: {
                      type: "array",
                      items: {
                        type: "object",
                        properties: {
                          id: { type: "integer" },
                          dossierCode: { type: "string" },
                          level: { enum: ["very_satisfied", "satisfied", "dissatisfied"] },
                          criteria: {
                            type: "object",
                            additionalProperties: { enum: ["very_satisfied", "satisfied", "dissatisfied"] },
                          },
                          comment: { type: ["string", "null"] },
                          channel: { enum: ["web", "counter", "zalo"] },
                          ratedAt: { type: "string", format: "date-time" },
                          updatedAt: { type: "string", format: "date-time" },
                        },
                      },
                    },
                    nextCursor: { type: ["string", "null"] },
                  },
                },
              },
            },
          },
          ...errors,
        },
      },
    },
  };
}

/** The OpenAPI 3.1 description of /api/v1, served at /api/v1/openapi.json. */
export function openApiDocument(): OpenApiDocument {
  return {
    openapi: "3.1.0",
    info: {
      title: "motcua-zalo — API tích hợp phần mềm một cửa",
      version: "1.0.0",
      description: [
        "API cho phần mềm một cửa hiện có: tiếp nhận hồ sơ, chuyển trạng thái, xem hồ sơ và lịch sử.",
        "Xác thực: `Authorization: Bearer <khóa>`; khóa do quản trị viên tạo cho từng đơn vị và chỉ truy cập hồ sơ " +
          "của đơn vị đó.",
        "Gửi lại an toàn: header `Idempotency-Key` làm yêu cầu gửi lại trả đúng câu trả lời đầu tiên (cùng khóa, nội " +
          "dung khác → 422).",
        `Lỗi trả về dạng application/problem+json (RFC 9457), lỗi dữ liệu liệt kê từng trường trong \`errors\`. Giới ` +
          `hạn ${apiRateLimitPerMinute()} yêu cầu/phút cho mỗi khóa.`,
      ].join("\n\n"),
    },
    servers: [{ url: `${publicBaseUrl()}/api/v1` }],
    security: [{ bearerKey: [] }],
    paths: {
      "/dossiers": {
        post: {
          operationId: "createDossier",
          summary: "Tiếp nhận hồ sơ",
          description:
            "Cùng quy tắc và giao dịch như màn hình tiếp nhận: cấp mã hồ sơ, tính ngày hẹn trả, in phiếu tiếp nhận, " +
            "ghi lịch sử, sự kiện thông báo và nhật ký.",
          parameters: [{ $ref: "#/components/parameters/IdempotencyKey" }],
          requestBody: { required: true, content: json("DossierIntake") },
          responses: {
            "201": { description: "Đã tiếp nhận", content: json("DossierCreated") },
            "400": errorRef("BadRequest"),
            "401": errorRef("Unauthorized"),
            "409": problem("Không cấp được mã hồ sơ, hoặc Idempotency-Key đang được xử lý"),
            "422": errorRef("Invalid"),
            "429": errorRef("RateLimited"),
          },
        },
      },
      "/dossiers/{code}": {
        get: {
          operationId: "getDossier",
          summary: "Xem hồ sơ và lịch sử xử lý",
          parameters: [{ $ref: "#/components/parameters/DossierCode" }],
          responses: {
            "200": { description: "Hồ sơ", content: json("Dossier") },
            "401": errorRef("Unauthorized"),
            "404": errorRef("NotFound"),
            "429": errorRef("RateLimited"),
          },
        },
      },
      "/dossiers/{code}/transitions": {
        post: {
          operationId: "transitionDossier",
          summary: "Chuyển trạng thái hồ sơ",
          description: "Theo quy trình trạng thái của hồ sơ; chuyển không hợp lệ trả 409 kèm thông báo tiếng Việt.",
          parameters: [
            { $ref: "#/components/parameters/DossierCode" },
            { $ref: "#/components/parameters/IdempotencyKey" },
          ],
          requestBody: { required: true, content: json("DossierTransition") },
          responses: {
            "200": { description: "Đã chuyển trạng thái", content: json("DossierTransitionResult") },
            "400": errorRef("BadRequest"),
            "401": errorRef("Unauthorized"),
            "404": errorRef("NotFound"),
            "409": problem("Không được chuyển sang trạng thái này từ trạng thái hiện tại"),
            "422": errorRef("Invalid"),
            "429": errorRef("RateLimited"),
          },
        },
      },
      "/announcements": {
        post: {
          operationId: "createAnnouncement",
          summary: "Gửi bản tin từ hệ thống tin tức (chờ duyệt)",
          description:
            "Tin được lưu ở trạng thái chờ duyệt trong đơn vị của khóa; lãnh đạo duyệt trên cổng rồi mới gửi tới " +
            "người quan tâm OA.",
          parameters: [{ $ref: "#/components/parameters/IdempotencyKey" }],
          requestBody: { required: true, content: json("AnnouncementDraft") },
          responses: {
            "201": { description: "Đã nhận, chờ duyệt", content: json("AnnouncementCreated") },
            "400": errorRef("BadRequest"),
            "401": errorRef("Unauthorized"),
            "422": errorRef("Invalid"),
            "429": errorRef("RateLimited"),
          },
        },
      },
      "/announcements/{id}": {
        get: {
          operationId: "getAnnouncement",
          summary: "Trạng thái và số lượng gửi của một bản tin",
          parameters: [{ name: "id", in: "path", required: true, schema: { type: "integer" } }],
          responses: {
            "200": { description: "Bản tin", content: json("AnnouncementStatus") },
            "401": errorRef("Unauthorized"),
            "404": errorRef("NotFound"),
            "429": errorRef("RateLimited"),
          },
        },
      },
      ...reportPaths(),
    },
    components: {
      schemas: jsonSchemas(),
      securitySchemes: { bearerKey: { type: "http", scheme: "bearer", description: "Khóa API của đơn vị (mcz_…)." } },
      parameters: {
        DossierCode: {
          name: "code",
          in: "path",
          required: true,
          description: "Mã hồ sơ (hoặc mã của Cổng DVC quốc gia).",
          schema: { type: "string" },
          example: "H27.37-260302-0001",
        },
        IdempotencyKey: {
          name: "Idempotency-Key",
          in: "header",
          required: false,
          description:
            "Chuỗi duy nhất cho mỗi yêu cầu (ví dụ UUID); gửi lại cùng giá trị sẽ nhận lại câu trả lời đầu tiên.",
          schema: { type: "string", maxLength: 255 },
        },
      },
      responses: {
        BadRequest: problem("JSON không hợp lệ hoặc Idempotency-Key sai định dạng"),
        Unauthorized: problem("Thiếu, sai hoặc đã thu hồi khóa API"),
        NotFound: problem("Không có hồ sơ này trong đơn vị của khóa"),
        Invalid: problem(
          "Dữ liệu không hợp lệ (errors nêu từng trường), hoặc Idempotency-Key đã dùng cho nội dung khác",
        ),
        RateLimited: problem("Vượt giới hạn yêu cầu; xem header Retry-After"),
      },
    },
  };
}
