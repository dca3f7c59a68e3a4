import { inflateSync } from "node:zlib";
import { eq } from "drizzle-orm";
import jsQR from "jsqr";
import {
  PDFArray,
  PDFDict,
  PDFDocument,
  PDFName,
  PDFNumber,
  type PDFPage,
  PDFRawStream,
  PDFRef,
  decodePDFRawStream,
} from "pdf-lib";
import { PNG } from "pngjs";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { DbHandle } from "@/db/client";
import { dossiers } from "@/db/schema";
import { useTestDb } from "@/db/testing";
import { correctDossier } from "@/lib/dossiers/correct";
import { getReceipt } from "@/lib/dossiers/detail";
import { receiveDossier } from "@/lib/dossiers/receive";
import { apiCtxOf, citizen, seedTestProcedures } from "@/lib/dossiers/testing";
import { NotFoundError } from "@/lib/errors";
import { seedTestOrg } from "@/lib/testing";
import { contactText, placeAndDate } from "./receipt-form-text";
import { pageText, rawStream } from "./receipt-pdf-text";
import { receiptPdf } from "./receipt-pdf";
import { qrDataUrl, qrPng } from "@/lib/pdf/qr";
import { type ReceiptSnapshot, processingText } from "./receipt-snapshot";

const BASE = "https://dichvucong.hatinh.gov.vn";

let h: DbHandle;
let org: Awaited<ReturnType<typeof seedTestOrg>>;
let procs: Awaited<ReturnType<typeof seedTestProcedures>>;
let centreCode: string;
let wardCode: string;

async function secretOf(code: string) {
  const [d] = await h.db.select({ secret: dossiers.lookupSecret }).from(dossiers).where(eq(dossiers.code, code));
  return d.secret;
}

function decodeQr(rgba: Uint8Array | Uint8ClampedArray, width: number, height: number): string | undefined {
  return jsQR(new Uint8ClampedArray(rgba.buffer, rgba.byteOffset, rgba.byteLength), width, height)?.data;
}

/** Every image XObject of the PDF, as RGBA pixels. */
function pdfImages(doc: PDFDocument): { width: number; height: number; rgba: Uint8Array }[] {
  const out: { width: number; height: number; rgba: Uint8Array }[] = [];
  for (const [, obj] of doc.context.enumerateIndirectObjects()) {
    if (!(obj instanceof PDFRawStream) || obj.dict.get(PDFName.of("Subtype")) !== PDFName.of("Image")) continue;
    const width = obj.dict.lookup(PDFName.of("Width"), PDFNumber).asNumber();
    const height = obj.dict.lookup(PDFName.of("Height"), PDFNumber).asNumber();
    const space = obj.dict.get(PDFName.of("ColorSpace"));
    const raw = inflateSync(obj.contents);
    const channels = space === PDFName.of("DeviceRGB") ? 3 : 1;
    const rgba = new Uint8Array(width * height * 4);
    for (let i = 0; i < width * height; i++) {
      for (let c = 0; c < 3; c++) rgba[i * 4 + c] = raw[i * channels + (channels === 3 ? c : 0)];
      rgba[i * 4 + 3] = 255;
    }
    out.push({ width, height, rgba });
  }
  return out;
}

beforeAll(async () => {
  vi.stubEnv("PUBLIC_BASE_URL", `${BASE}/`);
  h = await useTestDb();
  org = await seedTestOrg(h.db);
  procs = await seedTestProcedures(h.db, org.unitIds.justice);
  const centre = await apiCtxOf(h.db, org.unitIds.center);
  // Monday 04/08/2025 09:00 in Hà Tĩnh; the 3-day procedure is due Thursday 07/08 09:00.
  const a = await receiveDossier(centre, {
    ...citizen,
    submitterEmail: "lam.nguyen@example.vn",
    procedureId: procs.birth,
    components: ["Tờ khai đăng ký khai sinh", "Giấy chứng sinh"],
    setsCount: "2",
    notifyZalo: "on",
    receivedAt: "2025-08-04T02:00:00Z",
  });
  centreCode = a.code;
  const ward = await apiCtxOf(h.db, org.unitIds.thanhsen);
  const b = await receiveDossier(ward, {
    submitterName: "Trần Thị Mai",
    submitterIdNumber: "183456789",
    submitterPhone: "0358 111 222",
    ownerSameAsSubmitter: ["0"],
    ownerName: "Lê Văn Hùng",
    ownerIdNumber: "042190000111",
    ownerAddress: "Số 7, đường Trần Phú, phường Thành Sen",
    authorizationDocument: "Giấy ủy quyền số 12/UQ ngày 01/8/2025",
    procedureId: procs.certify,
    receivedAt: "2025-08-05T03:00:00Z",
  });
  wardCode = b.code;
});
afterAll(async () => {
  vi.unstubAllEnvs();
  await h.close();
});

describe("receipt snapshot", () => {
  it("freezes what Mẫu số 01 prints, with the secured look-up URL on the public address", async () => {
    const r = await getReceipt(org.receptionist, centreCode);
    expect(r).toMatchObject({
      version: 1,
      code: centreCode,
      number: "1/TTPVHCC",
      place: "Hà Tĩnh",
      parentUnitName: "Văn phòng Ủy ban nhân dân tỉnh Hà Tĩnh",
      unitName: "Trung tâm Phục vụ hành chính công tỉnh Hà Tĩnh",
      submitter: {
        name: "Nguyễn Văn Lâm",
        idNumber: "042095001234",
        phone: "0912 345 678",
        email: "lam.nguyen@example.vn",
        address: citizen.submitterAddress,
      },
      attorney: null,
      procedureName: "Đăng ký khai sinh",
      procedureCode: "1.001193",
      components: [
        { name: "Tờ khai đăng ký khai sinh", copies: 1, original: true },
        { name: "Giấy chứng sinh", copies: 1, original: true },
      ],
      setsCount: 2,
      processingText: "3 ngày làm việc",
      receivedAt: "2025-08-04T02:00:00.000Z",
      dueAt: "2025-08-07T02:00:00.000Z",
      resultDelivery: "counter",
      registerBook: "2025",
      registerLine: 1,
      notifyZalo: true,
    });
    expect(r.lookupUrl).toBe(`${BASE}/tra-cuu/${centreCode}?t=${await secretOf(centreCode)}`);
  });

  it("prints the owner in the power-of-attorney block and the commune's receipt number", async () => {
    const r = await getReceipt(org.receptionistThanhSen, wardCode);
    expect(r).toMatchObject({
      number: "1/BPTNTKQ",
      parentUnitName: "Ủy ban nhân dân tỉnh Hà Tĩnh",
      submitter: { name: "Trần Thị Mai", idNumber: "183456789", phone: "0358 111 222" },
      attorney: {
        name: "Lê Văn Hùng",
        idNumber: "042190000111",
        address: "Số 7, đường Trần Phú, phường Thành Sen",
        document: "Giấy ủy quyền số 12/UQ ngày 01/8/2025",
      },
      processingText: "4 giờ làm việc",
      notifyZalo: false,
    });
  });

  it("words the legal processing time as the form does", () => {
    expect(processingText(5, null)).toBe("5 ngày làm việc");
    expect(processingText(0.5, null)).toBe("0,5 ngày làm việc");
    expect(processingText(null, 4)).toBe("4 giờ làm việc");
    expect(processingText(2, 4)).toBe("2 ngày làm việc và 4 giờ");
    expect(processingText(0, null)).toBe("trong ngày");
    expect(processingText(null, null)).toBeNull();
  });

  it("issues a new version on correction and keeps the earlier one as printed", async () => {
    const out = await correctDossier(org.receptionist, {
      ...citizen,
      code: centreCode,
      submitterPhone: "0912 345 678",
      submitterName: "Nguyễn Văn Lâm Anh",
      components: ["Tờ khai đăng ký khai sinh"],
      reason: "Sai tên",
    });
    expect(out.receiptVersion).toBe(2);
    const v1 = await getReceipt(org.receptionist, centreCode, 1);
    const latest = await getReceipt(org.receptionist, centreCode);
    expect(v1).toMatchObject({
      version: 1,
      submitter: { name: "Nguyễn Văn Lâm" },
      components: [{ name: "Tờ khai đăng ký khai sinh" }, { name: "Giấy chứng sinh" }],
    });
    expect(latest).toMatchObject({
      version: 2,
      submitter: { name: "Nguyễn Văn Lâm Anh" },
      components: [{ name: "Tờ khai đăng ký khai sinh" }],
    });
    expect(latest.lookupUrl).toBe(v1.lookupUrl);
    await expect(getReceipt(org.receptionist, centreCode, 3)).rejects.toBeInstanceOf(NotFoundError);
    await expect(getReceipt(org.receptionistThanhSen, centreCode, 1)).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe("receipt QR code", () => {
  it("decodes to the look-up URL with the dossier's secret", async () => {
    const r = await getReceipt(org.receptionist, centreCode);
    const png = PNG.sync.read(await qrPng(r.lookupUrl));
    expect(decodeQr(png.data, png.width, png.height)).toBe(
      `${BASE}/tra-cuu/${centreCode}?t=${await secretOf(centreCode)}`,
    );
    const dataUrl = await qrDataUrl(r.lookupUrl);
    expect(dataUrl.startsWith("data:image/png;base64,")).toBe(true);
    const fromDataUrl = PNG.sync.read(Buffer.from(dataUrl.split(",")[1], "base64"));
    expect(decodeQr(fromDataUrl.data, fromDataUrl.width, fromDataUrl.height)).toBe(r.lookupUrl);
  });
});

describe("receipt PDF", () => {
  let snapshot: ReceiptSnapshot;
  let bytes: Uint8Array;
  let doc: PDFDocument;

  beforeAll(async () => {
    snapshot = await getReceipt(org.receptionistThanhSen, wardCode);
    bytes = await receiptPdf(snapshot);
    doc = await PDFDocument.load(bytes, { updateMetadata: false });
  });

  it("is an A5 PDF of one page titled with the dossier code", () => {
    expect(Buffer.from(bytes.subarray(0, 5)).toString("latin1")).toBe("%PDF-");
    expect(doc.getPageCount()).toBe(1);
    const { width, height } = doc.getPage(0).getSize();
    expect([Math.round(width), Math.round(height)]).toEqual([420, 595]);
    expect(doc.getTitle()).toBe(`GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ ${wardCode}`);
  });

  it("embeds the Be Vietnam Pro TrueType fonts", () => {
    const descriptors = [...doc.context.enumerateIndirectObjects()]
      .map(([, o]) => o)
      .filter((o): o is PDFDict => o instanceof PDFDict && o.get(PDFName.of("Type")) === PDFName.of("FontDescriptor"));
    expect(descriptors).toHaveLength(2);
    for (const d of descriptors) {
      expect(d.get(PDFName.of("FontName"))?.toString()).toMatch(/BeVietnamPro/);
      expect(d.get(PDFName.of("FontFile2"))).toBeInstanceOf(PDFRef);
    }
  });

  it("prints the form's Vietnamese text, the code, the people and the appointment", () => {
    const text = pageText(doc, doc.getPage(0));
    expect(text).not.toContain("�");
    const flat = text.replace(/\n/g, " ");
    for (const s of [
      "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
      "Độc lập - Tự do - Hạnh phúc",
      "GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ",
      "ỦY BAN NHÂN DÂN PHƯỜNG THÀNH SEN",
      "Số: 1/BPTNTKQ",
      `Mã hồ sơ: ${wardCode}`,
      "Ông (Bà)/Tổ chức: Trần Thị Mai",
      "Số điện thoại: 0358 111 222",
      "Họ và tên: Lê Văn Hùng",
      "Văn bản ủy quyền: Giấy ủy quyền số 12/UQ ngày 01/8/2025",
      "Chứng thực bản sao từ bản chính (mã 1.000000)",
      "Thời gian giải quyết hồ sơ theo quy định là: 4 giờ làm việc",
      "Thời gian nhận hồ sơ: 10 giờ 00 phút, ngày 05/08/2025",
      "5. Thời gian trả kết quả giải quyết hồ sơ: 16 giờ 00 phút, ngày 05/08/2025",
      "Vào Sổ theo dõi hồ sơ, Quyển số: 2025, Số thứ tự: 1",
      // Dated the day the receipt was printed.
      placeAndDate("Hà Tĩnh", snapshot.issuedAt),
    ]) {
      expect(flat, s).toContain(s);
    }
  });

  it(
    "prints the look-up address as text beside the QR and " + "leaves out the lines the dossier has nothing for",
    async () => {
      const text = pageText(doc, doc.getPage(0));
      // The address is cut to the column's width; read without the line breaks it is the QR's URL.
      expect(text.replace(/\s/g, "")).toContain(`Tracứutại:${snapshot.lookupUrl}`);
      expect(snapshot.submitter.email).toBeNull();
      expect(snapshot.attorney?.email).toBeNull();
      expect(text).not.toContain("Email");
      expect(text).not.toMatch(/(Email|Địa chỉ|Số điện thoại): …/);
      expect(contactText({ phone: "0912 345 678", email: "lam@example.vn" })).toBe(
        "Số điện thoại: 0912 345 678    Email: lam@example.vn",
      );
      expect(contactText({ phone: null, email: "lam@example.vn" })).toBe("Email: lam@example.vn");
      expect(contactText({ phone: null, email: null })).toBeNull();
    },
  );

  it("carries the QR code of the secured look-up URL", async () => {
    const images = pdfImages(doc);
    expect(images).toHaveLength(1);
    const [qr] = images;
    expect(decodeQr(qr.rgba, qr.width, qr.height)).toBe(`${BASE}/tra-cuu/${wardCode}?t=${await secretOf(wardCode)}`);
  });

  it("also prints on A4", async () => {
    const a4 = await PDFDocument.load(await receiptPdf(snapshot, "a4"));
    const { width, height } = a4.getPage(0).getSize();
    expect([Math.round(width), Math.round(height)]).toEqual([595, 842]);
    expect(pageText(a4, a4.getPage(0))).toContain(wardCode);
  });

  it("prints the version of a re-issued receipt and the Zalo guidance for a registered citizen", async () => {
    const r = await getReceipt(org.receptionist, centreCode);
    const pdf = await PDFDocument.load(await receiptPdf(r));
    const flat = pageText(pdf, pdf.getPage(0)).replace(/\n/g, " ");
    expect(flat).toContain("(Cấp lại lần 2)");
    expect(flat).toContain("Ông (Bà) đã đăng ký nhận thông báo qua Zalo");
    expect(flat).toContain("Thời gian trả kết quả giải quyết hồ sơ: 09 giờ 00 phút, ngày 07/08/2025");
    expect(flat).toContain("1) Tờ khai đăng ký khai sinh (01 bản chính)");
  });
});
