import { count, eq, inArray, isNull, and } from "drizzle-orm";
import { systemCtx } from "@/lib/auth/actor";
import { receiveDossier } from "@/lib/dossiers/receive";
import { transitionDossier } from "@/lib/dossiers/transition";
import type { Db } from "@/db/client";
import { dossierEvents, dossiers, unitCodes, units } from "@/db/schema";

type Step = {
  to: string;
  note?: string;
  reason?: string;
  missing?: string[];
  fee?: { amount: number; paymentUrl: string };
};

interface DemoDossier {
  unitCode: string;
  procedureCode: string;
  name: string;
  idNumber: string;
  phone: string;
  /** Working days before today the dossier was received (at 08:30 Vietnam time). */
  daysAgo: number;
  steps: Step[];
}

const assigned: Step = { to: "assigned", note: "Phân công chuyên viên thụ lý." };
const appraising: Step = { to: "appraising", note: "Đang thẩm định hồ sơ." };
const signing: Step = { to: "awaiting_signature", note: "Trình lãnh đạo ký." };
const ready: Step = { to: "result_ready", note: "Kết quả đã ký, chờ trả." };
const returned: Step = { to: "returned", note: "Đã trả kết quả tại Bộ phận Một cửa." };

const demoDossiers: DemoDossier[] = [
  {
    unitCode: "H27.37",
    procedureCode: "1.001612",
    name: "Nguyễn Văn An",
    idNumber: "042090001101",
    phone: "0912 401 101",
    daysAgo: 0,
    steps: [],
  },
  {
    unitCode: "H27.37",
    procedureCode: "2.000620",
    name: "Trần Thị Bình",
    idNumber: "042185001102",
    phone: "0983 401 102",
    daysAgo: 1,
    steps: [assigned],
  },
  {
    unitCode: "H27.37",
    procedureCode: "2.000591",
    name: "Lê Văn Cường",
    idNumber: "042079001103",
    phone: "0356 401 103",
    daysAgo: 2,
    steps: [assigned, appraising],
  },
  {
    unitCode: "H27.37",
    procedureCode: "2.000620",
    name: "Phạm Thị Dung",
    idNumber: "042188001104",
    phone: "0868 401 104",
    daysAgo: 3,
    steps: [
      assigned,
      appraising,
      {
        to: "fee_requested",
        fee: { amount: 1_200_000, paymentUrl: "https://dichvucong.gov.vn/p/thanh-toan" },
        note: "Phí thẩm định cấp giấy phép.",
      },
    ],
  },
  {
    unitCode: "H27.37",
    procedureCode: "1.001612",
    name: "Hoàng Văn Em",
    idNumber: "042095001105",
    phone: "0904 401 105",
    daysAgo: 2,
    steps: [
      assigned,
      {
        to: "supplement_requested",
        missing: ["Bản sao hợp đồng thuê địa điểm kinh doanh"],
        note: "Thiếu giấy tờ về địa điểm kinh doanh.",
      },
    ],
  },
  {
    unitCode: "H27.37",
    procedureCode: "2.000591",
    name: "Vũ Thị Giang",
    idNumber: "042192001106",
    phone: "0397 401 106",
    daysAgo: 8,
    steps: [assigned, appraising, signing],
  },
  {
    unitCode: "H27.37",
    procedureCode: "1.013831",
    name: "Đặng Văn Hùng",
    idNumber: "042070001107",
    phone: "0915 401 107",
    daysAgo: 25,
    steps: [assigned, appraising],
  },
  {
    unitCode: "H27.37",
    procedureCode: "2.000620",
    name: "Bùi Thị Hoa",
    idNumber: "042199001108",
    phone: "0977 401 108",
    daysAgo: 6,
    steps: [assigned, appraising, signing, ready],
  },
  {
    unitCode: "H27.37",
    procedureCode: "1.001612",
    name: "Đỗ Văn Khánh",
    idNumber: "042088001109",
    phone: "0388 401 109",
    daysAgo: 2,
    steps: [assigned, appraising, signing, ready, returned],
  },
  {
    unitCode: "H27.37",
    procedureCode: "2.000591",
    name: "Ngô Thị Lan",
    idNumber: "042193001110",
    phone: "0941 401 110",
    daysAgo: 30,
    steps: [assigned, appraising, signing, ready, returned],
  },
  {
    unitCode: "H27.37",
    procedureCode: "1.001612",
    name: "Lý Thị Nga",
    idNumber: "042196001111",
    phone: "0862 401 111",
    daysAgo: 4,
    steps: [assigned, { to: "rejected", reason: "Ngành nghề đăng ký thuộc danh mục cấm kinh doanh." }],
  },
  {
    unitCode: "H27.18073",
    procedureCode: "1.001193",
    name: "Phan Văn Minh",
    idNumber: "042091001112",
    phone: "0913 401 112",
    daysAgo: 1,
    steps: [],
  },
  {
    unitCode: "H27.18073",
    procedureCode: "1.000894",
    name: "Trương Thị Oanh",
    idNumber: "042197001113",
    phone: "0369 401 113",
    daysAgo: 3,
    steps: [assigned, appraising],
  },
];

/** 08:30 in Viet Nam, `workingDays` weekdays before today (holidays aside: close enough for demo data). */
function receivedAtDaysAgo(workingDays: number, now = new Date()): Date {
  const vn = new Date(now.getTime() + 7 * 3600_000);
  let left = workingDays;
  while (left > 0 || vn.getUTCDay() === 0 || vn.getUTCDay() === 6) {
    vn.setUTCDate(vn.getUTCDate() - 1);
    if (vn.getUTCDay() !== 0 && vn.getUTCDay() !== 6) left--;
  }
  const at = new Date(Date.UTC(vn.getUTCFullYear(), vn.getUTCMonth(), vn.getUTCDate(), 1, 30));
  return at.getTime() > now.getTime() ? new Date(now.getTime() - 60_000) : at;
}

/**
 * A dozen dossiers across the lifecycle so that lists, badges, look-ups and chat answers have something to show.
 * Seeded once (only into an empty dossier table) through the real services, as the integration API would;
 * their outbox events are marked handled so that the demo does not message anyone about old dossiers.
 */
export async function seedDemoDossiers(db: Db): Promise<number> {
  const [{ n }] = await db.select({ n: count() }).from(dossiers);
  if (n > 0) return 0;
  const ctx = { ...systemCtx(), db };
  const codes: string[] = [];
  for (const d of demoDossiers) {
    const [unit] = await db
      .select({ id: units.id })
      .from(units)
      .innerJoin(unitCodes, eq(unitCodes.unitId, units.id))
      .where(eq(unitCodes.code, d.unitCode));
    if (!unit) continue;
    const { code } = await receiveDossier(ctx, {
      unitId: unit.id,
      procedureCode: d.procedureCode,
      channel: "direct",
      submitterName: d.name,
      submitterIdNumber: d.idNumber,
      submitterPhone: d.phone,
      submitterAddress: "Thành phố Hà Tĩnh, tỉnh Hà Tĩnh",
      notifyZalo: true,
      receivedAt: receivedAtDaysAgo(d.daysAgo),
    });
    for (const step of d.steps) await transitionDossier(ctx, { code, ...step });
    codes.push(code);
  }
  if (codes.length) {
    const ids = db.select({ id: dossiers.id }).from(dossiers).where(inArray(dossiers.code, codes));
    await db
      .update(dossierEvents)
      .set({ dispatchedAt: new Date() })
      .where(and(inArray(dossierEvents.dossierId, ids), isNull(dossierEvents.dispatchedAt)));
  }
  return codes.length;
}
