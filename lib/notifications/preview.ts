import type { NotificationTemplate } from "@/db/schema";
import type { DossierEventPayload } from "@/db/schema/dossiers";
import { publicBaseUrl } from "@/lib/config";
import { renderCsText, renderZbsParams } from "./render";

/** A realistic dossier for the admin preview (seed 001/003 style), so limits and formats show as sent. */
function examplePayload(): DossierEventPayload {
  return {
    code: "000.37.27.H27-240226-0001",
    nationalCode: null,
    status: "fee_requested",
    statusLabel: "Yêu cầu thực hiện nghĩa vụ tài chính",
    ownerName: "Nguyễn Văn Lâm",
    submitterName: "Nguyễn Văn Lâm",
    procedureName: "Cấp giấy phép xây dựng đối với công trình cấp III, cấp IV",
    phone84: "84912345678",
    notifyZalo: true,
    notifySms: false,
    receivedAt: "2024-02-20T01:30:00.000Z",
    dueAt: "2024-02-26T02:09:00.000Z",
    newDueAt: "2024-03-01T02:00:00.000Z",
    finishedAt: null,
    feeAmount: 1_000_000,
    paymentUrl: "https://dichvucong.gov.vn/thanh-toan/000.37.27.H27-240226-0001",
    missing: ["Bản vẽ thiết kế (02 bộ)", "Giấy tờ chứng minh quyền sử dụng đất"],
    reason: "Hồ sơ cần thêm thời gian thẩm định thực địa",
    note: null,
    receiptVersion: 1,
    lookupUrl: `${publicBaseUrl()}/tra-cuu/000.37.27.H27-240226-0001?t=vidu`,
  };
}

export function previewTemplate(t: Pick<NotificationTemplate, "zbsParams" | "csText">) {
  const ctx = {
    payload: examplePayload(),
    unitName: "Trung tâm Phục vụ hành chính công tỉnh Hà Tĩnh",
    eventAt: new Date("2024-02-22T03:15:00.000Z"),
  };
  return { zbs: renderZbsParams(t.zbsParams, ctx), cs: t.csText ? renderCsText(t.csText, ctx) : null };
}
