import { asc, eq, ilike, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import {
  type HomeSupportStatus,
  homeSupportNotes,
  homeSupportRegistrations,
  homeSupportSlotLoad,
  oaMenuSettings,
  procedures,
  staff,
  units,
} from "@/db/schema";

const CONSENT =
  "Đăng ký hỗ trợ nộp hồ sơ trực tuyến tại nhà\nNhấn để chia sẻ họ tên, số điện thoại và địa chỉ (ghi từ thôn/tổ dân " +
  "phố, xã/phường). Cán bộ sẽ xác minh và liên hệ hỗ trợ Ông/Bà nộp hồ sơ trực tuyến tại nhà.";

/** Weekdays from today in Asia/Ho_Chi_Minh ("yyyy-MM-dd"); negative offsets go back. */
function weekdayFromToday(offset: number): string {
  const d = new Date(Date.now() + 7 * 3600_000);
  d.setUTCHours(0, 0, 0, 0);
  const step = offset < 0 ? -1 : 1;
  for (let moved = 0; moved < Math.abs(offset) || d.getUTCDay() === 0 || d.getUTCDay() === 6;) {
    d.setUTCDate(d.getUTCDate() + step);
    if (d.getUTCDay() !== 0 && d.getUTCDay() !== 6) moved++;
  }
  return d.toISOString().slice(0, 10);
}

const demo: {
  code: string;
  status: HomeSupportStatus;
  name: string;
  phone84: string;
  address: string;
  keyword: string | null;
  other?: string;
  day: number;
  slot: "morning" | "afternoon";
  note?: [string, string | null];
}[] = [
  {
    code: "HT-D0001",
    status: "new",
    name: "Nguyễn Thị Hương",
    phone84: "84912340001",
    address: "Tổ dân phố 3, phường Thành Sen, Hà Tĩnh",
    keyword: "rượu",
    day: 1,
    slot: "morning",
  },
  {
    code: "HT-D0002",
    status: "verified",
    name: "Trần Văn Lộc",
    phone84: "84912340002",
    address: "Thôn Đông Châu, xã Thạch Hà, Hà Tĩnh",
    keyword: "thuốc lá",
    day: 1,
    slot: "afternoon",
  },
  {
    code: "HT-D0003",
    status: "contacted",
    name: "Lê Thị Thanh",
    phone84: "84912340003",
    address: "Tổ dân phố 7, phường Thành Sen, Hà Tĩnh",
    keyword: "LPG chai",
    day: 2,
    slot: "morning",
    note: ["Đã gọi, hẹn chuẩn bị giấy tờ nhà.", "reached"],
  },
  {
    code: "HT-D0004",
    status: "scheduled",
    name: "Phạm Văn Đức",
    phone84: "84912340004",
    address: "Thôn Trung Tiến, xã Thạch Hà, Hà Tĩnh",
    keyword: "an toàn thực phẩm",
    day: 3,
    slot: "afternoon",
    note: ["Hẹn đến nhà chiều thứ Năm.", "reached"],
  },
  {
    code: "HT-D0005",
    status: "done",
    name: "Hoàng Thị Lan",
    phone84: "84912340005",
    address: "Tổ dân phố 1, phường Thành Sen, Hà Tĩnh",
    keyword: "rượu",
    day: -2,
    slot: "morning",
    note: ["Đã hỗ trợ nộp hồ sơ trực tuyến.", null],
  },
  {
    code: "HT-D0006",
    status: "cancelled",
    name: "Đỗ Văn Hải",
    phone84: "84912340006",
    address: "Thôn Bắc Sơn, xã Thạch Hà, Hà Tĩnh",
    keyword: null,
    other: "Hỏi thủ tục đăng ký hộ kinh doanh",
    day: 2,
    slot: "afternoon",
  },
  {
    code: "HT-D0007",
    status: "no_show",
    name: "Vũ Thị Mai",
    phone84: "84912340007",
    address: "Tổ dân phố 5, phường Thành Sen, Hà Tĩnh",
    keyword: "thuốc lá",
    day: -1,
    slot: "afternoon",
    note: ["Gọi 3 lần không nghe máy.", "no_answer"],
  },
];

/**
 * Home support: the OA settings (the service centre takes requests) and one registration in each status. Idempotent.
 */
export async function seedHomeSupport(tx: DbOrTx): Promise<void> {
  const [centre] = await tx
    .select({ id: units.id })
    .from(units)
    .where(eq(units.kind, "service_center"))
    .orderBy(asc(units.id))
    .limit(1);
  if (!centre) return;
  await tx
    .insert(oaMenuSettings)
    .values({ id: 1, homeSupportUnitId: centre.id, contactsUnitId: centre.id, contactsPhone: "0239 3886 868" })
    .onConflictDoNothing();
  const [receptionist] = await tx.select({ id: staff.id }).from(staff).where(eq(staff.username, "receptionist"));
  for (const d of demo) {
    const [p] = d.keyword
      ? await tx
          .select()
          .from(procedures)
          .where(ilike(procedures.name, `%${d.keyword}%`))
          .orderBy(asc(procedures.id))
          .limit(1)
      : [];
    const procedureText = p?.name ?? d.other ?? "Hỗ trợ khác";
    const slotDate = weekdayFromToday(d.day);
    const searchText = [d.code, d.name, d.phone84, `0${d.phone84.slice(2)}`, d.address, procedureText]
      .join(" ")
      .normalize("NFD")
      .replace(/[\u0300-\u036f]/g, "")
      .replace(/đ/g, "d")
      .replace(/Đ/g, "D")
      .toLowerCase();
    const [row] = await tx
      .insert(homeSupportRegistrations)
      .values({
        code: d.code,
        unitId: centre.id,
        oaUserId: `demo-${d.phone84}`,
        citizenName: d.name,
        phone84: d.phone84,
        address: d.address,
        consentAt: new Date(Date.now() - 3 * 86_400_000),
        consentText: CONSENT,
        procedureId: p?.id ?? null,
        procedureText,
        slotDate,
        slot: d.slot,
        status: d.status,
        assigneeId: d.status === "new" ? null : (receptionist?.id ?? null),
        searchText,
        createdAt: new Date(Date.now() - 3 * 86_400_000),
      })
      .onConflictDoNothing({ target: homeSupportRegistrations.code })
      .returning();
    if (!row) continue;
    if (["new", "verified", "contacted", "scheduled"].includes(d.status)) {
      await tx
        .insert(homeSupportSlotLoad)
        .values({ unitId: centre.id, slotDate, slot: d.slot, booked: 1 })
        .onConflictDoUpdate({
          target: [homeSupportSlotLoad.unitId, homeSupportSlotLoad.slotDate, homeSupportSlotLoad.slot],
          set: { booked: sql`${homeSupportSlotLoad.booked} + 1` },
        });
    }
    if (d.note) {
      await tx.insert(homeSupportNotes).values({
        registrationId: row.id,
        kind: d.note[1] ? "call" : "note",
        outcome: d.note[1] as "reached" | "no_answer" | null,
        body: d.note[0],
        staffId: receptionist?.id ?? null,
      });
    }
  }
}
