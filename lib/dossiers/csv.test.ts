import { eq } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import type { DbHandle } from "@/db/client";
import { dossiers, procedures } from "@/db/schema";
import { useTestDb } from "@/db/testing";
import { foldForSearch } from "@/lib/text";
import { seedTestOrg } from "@/lib/testing";
import { dossiersCsv } from "./csv";
import { exportDossierRows } from "./list";
import { receiveDossier } from "./receive";
import { apiCtxOf, citizen, seedTestProcedures } from "./testing";

let h: DbHandle;
let org: Awaited<ReturnType<typeof seedTestOrg>>;
const codes: Record<string, string> = {};

const HEADER = [
  "Mã hồ sơ",
  "Mã DVCQG",
  "Đơn vị",
  "Thủ tục",
  "Lĩnh vực",
  "Chủ hồ sơ",
  "Người nộp",
  "Số điện thoại",
  "Số định danh",
  "Kênh",
  "Trạng thái",
  "Tiếp nhận",
  "Hẹn trả",
  "Hẹn lại",
  "Có kết quả",
  "Tiến độ",
  "Đăng ký Zalo",
];
const PROCEDURE = 'Cấp giấy phép xây dựng, sửa chữa "nhà ở riêng lẻ"';

/** RFC 4180: quoted fields, "" for a quote, CRLF between records. */
function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let field = "";
  let record: string[] = [];
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted && c === '"' && text[i + 1] === '"') {
      field += '"';
      i++;
    } else if (c === '"') {
      quoted = !quoted;
    } else if (quoted) {
      field += c;
    } else if (c === ",") {
      record.push(field);
      field = "";
    } else if (c === "\r" && text[i + 1] === "\n") {
      record.push(field);
      records.push(record);
      record = [];
      field = "";
      i++;
    } else {
      field += c;
    }
  }
  if (field || record.length) throw new Error("the last record must end with CRLF");
  return records;
}

async function csvOf(q: Record<string, unknown> = {}) {
  const text = dossiersCsv(await exportDossierRows(org.receptionist, q));
  expect(text.startsWith("\uFEFF")).toBe(true);
  const records = parseCsv(text.slice(1));
  return {
    text,
    header: records[0],
    rows: records.slice(1).map((r) => Object.fromEntries(HEADER.map((k, i) => [k, r[i]]))),
  };
}

beforeAll(async () => {
  h = await useTestDb();
  org = await seedTestOrg(h.db);
  const procs = await seedTestProcedures(h.db, org.unitIds.justice);
  const [building] = await h.db
    .insert(procedures)
    .values({
      code: "1.009972",
      name: PROCEDURE,
      field: "Xây dựng",
      processingDays: 5,
      supplementClock: "pause",
      searchText: foldForSearch(PROCEDURE),
      deliveryMethods: ["counter"],
      components: [],
    })
    .returning({ id: procedures.id });
  const centre = await apiCtxOf(h.db, org.unitIds.center);
  const lam = await receiveDossier(centre, {
    ...citizen,
    procedureId: procs.birth,
    notifyZalo: "on",
    receivedAt: "2025-08-04T02:00:00Z",
  });
  codes.lam = lam.code;
  const quoted = await receiveDossier(centre, {
    submitterName: 'Trần "Bé", Thị Mai',
    submitterIdNumber: "001190000123",
    submitterPhone: "+84 358 111 222",
    ownerSameAsSubmitter: ["0"],
    ownerName: '=HYPERLINK("http://evil.example","Bấm")',
    ownerIdNumber: "042190000111",
    procedureId: building.id,
    channel: "online",
    nationalCode: "G22.99-250805-0007",
    receivedAt: "2025-08-05T03:30:00Z",
  });
  codes.quoted = quoted.code;
  await h.db
    .update(dossiers)
    .set({
      status: "result_ready",
      finishedAt: new Date("2025-08-11T01:00:00Z"),
      newDueAt: new Date("2025-08-14T09:00:00Z"),
    })
    .where(eq(dossiers.id, quoted.id));
  const noPhone = await receiveDossier(centre, {
    submitterName: "-Ngô Văn Nam",
    submitterIdNumber: "183456789",
    procedureId: procs.birth,
    channel: "post",
    receivedAt: "2025-08-06T02:00:00Z",
  });
  codes.noPhone = noPhone.code;
  await receiveDossier(await apiCtxOf(h.db, org.unitIds.thanhsen), {
    ...citizen,
    submitterName: "Hoàng Văn Sơn",
    procedureId: procs.birth,
    receivedAt: "2025-08-05T02:00:00Z",
  });
});
afterAll(() => h.close());
afterEach(() => vi.useRealTimers());

describe("dossier CSV export", () => {
  it("starts with a BOM and the Vietnamese header, every field quoted, records ended by CRLF", async () => {
    const { text, header } = await csvOf();
    expect(header).toEqual(HEADER);
    expect(text.split("\r\n")[0]).toBe(`\uFEFF${HEADER.map((h) => `"${h}"`).join(",")}`);
    expect(text.endsWith("\r\n")).toBe(true);
    expect(text.replace(/\r\n/g, "")).not.toMatch(/[\r\n]/);
  });

  it("has one row per dossier of the filter, inside the caller's unit", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(new Date("2025-08-11T02:00:00Z"));
    const all = await csvOf();
    expect(all.rows.map((r) => r["Mã hồ sơ"])).toEqual([codes.noPhone, codes.quoted, codes.lam]);
    expect(all.rows.every((r) => r["Đơn vị"] === "Trung tâm Phục vụ hành chính công tỉnh Hà Tĩnh")).toBe(true);
    expect((await csvOf({ status: "result_ready" })).rows.map((r) => r["Mã hồ sơ"])).toEqual([codes.quoted]);
    expect((await csvOf({ q: "nguyen van lam" })).rows.map((r) => r["Mã hồ sơ"])).toEqual([codes.lam]);
    const none = await csvOf({ q: "khong ai ca" });
    expect(none.rows).toEqual([]);
    expect(none.text).toBe(`\uFEFF${HEADER.map((h) => `"${h}"`).join(",")}\r\n`);
  });

  it("escapes quotes and keeps commas inside their field", async () => {
    const { text, rows } = await csvOf();
    const row = rows.find((r) => r["Mã hồ sơ"] === codes.quoted)!;
    expect(row["Người nộp"]).toBe('Trần "Bé", Thị Mai');
    expect(row["Thủ tục"]).toBe(PROCEDURE);
    expect(row["Lĩnh vực"]).toBe("Xây dựng");
    expect(text).toContain('"Trần ""Bé"", Thị Mai"');
    expect(text).toContain('"Cấp giấy phép xây dựng, sửa chữa ""nhà ở riêng lẻ"""');
  });

  it("defuses cells a spreadsheet would run as formulas", async () => {
    const { rows } = await csvOf();
    expect(rows.find((r) => r["Mã hồ sơ"] === codes.quoted)!["Chủ hồ sơ"]).toBe(
      '\'=HYPERLINK("http://evil.example","Bấm")',
    );
    expect(rows.find((r) => r["Mã hồ sơ"] === codes.noPhone)!["Người nộp"]).toBe("'-Ngô Văn Nam");
  });

  it(
    "writes phones as staff read them and ID numbers with " + "their leading zeros, as text a spreadsheet keeps",
    async () => {
      const { rows, text } = await csvOf();
      const byCode = Object.fromEntries(rows.map((r) => [r["Mã hồ sơ"], r]));
      // ="…" is how Excel is told "text": opened there, 042095001234 keeps its 0.
      expect(byCode[codes.lam]).toMatchObject({
        "Số điện thoại": '="0912 345 678"',
        "Số định danh": '="042095001234"',
        "Mã DVCQG": "",
      });
      expect(byCode[codes.quoted]).toMatchObject({
        "Số điện thoại": '="0358 111 222"',
        "Số định danh": '="001190000123"',
        "Mã DVCQG": "G22.99-250805-0007",
      });
      expect(text).toContain('"=""042095001234"""');
      expect(byCode[codes.noPhone]).toMatchObject({
        "Số điện thoại": "",
        "Số định danh": '="183456789"',
        "Hẹn lại": "",
        "Có kết quả": "",
      });
    },
  );

  it("labels channel, status, progress and Zalo in Vietnamese and dates in Hà Tĩnh time", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(new Date("2025-08-11T02:00:00Z"));
    const { rows } = await csvOf();
    const byCode = Object.fromEntries(rows.map((r) => [r["Mã hồ sơ"], r]));
    expect(byCode[codes.lam]).toMatchObject({
      "Chủ hồ sơ": "Nguyễn Văn Lâm",
      "Thủ tục": "Đăng ký khai sinh",
      Kênh: "Trực tiếp",
      "Trạng thái": "Đã tiếp nhận",
      "Tiếp nhận": "09:00 04/08/2025",
      "Hẹn trả": "09:00 07/08/2025",
      "Tiến độ": "Quá hạn",
      "Đăng ký Zalo": "Có",
    });
    expect(byCode[codes.quoted]).toMatchObject({
      Kênh: "Trực tuyến",
      "Trạng thái": "Có kết quả, chờ trả",
      "Tiếp nhận": "10:30 05/08/2025",
      "Hẹn lại": "16:00 14/08/2025",
      "Có kết quả": "08:00 11/08/2025",
      "Tiến độ": "Trước hạn",
      "Đăng ký Zalo": "Không",
    });
    expect(byCode[codes.noPhone]).toMatchObject({ Kênh: "Bưu chính", "Đăng ký Zalo": "Không" });
  });
});
