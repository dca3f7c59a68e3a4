import type { Db } from "@/db/client";
import { procedures, units } from "@/db/schema";
import type { Ctx } from "@/lib/auth/actor";
import { foldForSearch } from "@/lib/text";
import { eq } from "drizzle-orm";

/**
 * Procedures for dossier tests: a 3-day one that pauses on supplement, a 5-day one that restarts, one tied to a unit.
 */
export async function seedTestProcedures(db: Db, justiceUnitId: number) {
  const rows = [
    {
      code: "1.001193",
      name: "Đăng ký khai sinh",
      field: "Hộ tịch",
      processingDays: 3,
      supplementClock: "pause" as const,
      components: [
        { name: "Tờ khai đăng ký khai sinh", copies: 1, original: true },
        { name: "Giấy chứng sinh", copies: 1, original: true },
      ],
    },
    {
      code: "2.000908",
      name: "Cấp Giấy phép bán lẻ rượu",
      field: "Công thương",
      processingDays: 5,
      supplementClock: "restart" as const,
      feeAmount: 1_200_000,
      components: [{ name: "Đơn đề nghị cấp giấy phép", copies: 1 }],
    },
    {
      code: "2.000635",
      name: "Cấp Phiếu lý lịch tư pháp",
      field: "Tư pháp",
      processingDays: 10,
      supplementClock: "pause" as const,
      unitId: justiceUnitId,
      components: [],
    },
    {
      code: "1.000000",
      name: "Chứng thực bản sao từ bản chính",
      field: "Chứng thực",
      processingDays: null,
      processingHours: 4,
      cutoffTime: "15:00",
      supplementClock: "pause" as const,
      components: [],
    },
  ];
  const out: Record<string, number> = {};
  for (const r of rows) {
    const [p] = await db
      .insert(procedures)
      .values({ ...r, searchText: foldForSearch(`${r.code} ${r.name}`), deliveryMethods: ["counter", "post"] })
      .returning({ id: procedures.id });
    out[r.code] = p.id;
  }
  return { birth: out["1.001193"], alcohol: out["2.000908"], justice: out["2.000635"], certify: out["1.000000"] };
}

/** An integration client of a unit (what an API key's ctx looks like). */
export async function apiCtxOf(db: Db, unitId: number): Promise<Ctx> {
  const [u] = await db.select({ path: units.path }).from(units).where(eq(units.id, unitId));
  return {
    actor: {
      kind: "apikey",
      id: 9000 + unitId,
      label: `api-key-${unitId}`,
      role: "receptionist",
      unitId,
      unitPath: u.path,
    },
    ip: null,
  };
}

export const citizen = {
  submitterName: "Nguyễn Văn Lâm",
  submitterIdNumber: "042095001234",
  submitterPhone: "0912 345 678",
  submitterAddress: "Số 5, đường Hà Huy Tập, phường Thành Sen, tỉnh Hà Tĩnh",
};
