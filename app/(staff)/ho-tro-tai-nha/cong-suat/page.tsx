import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { ActionForm } from "@/components/ui/action-form";
import { BackLink } from "@/components/ui/back-link";
import { PageHeader } from "@/components/ui/page-header";
import { requirePage } from "@/lib/auth/session";
import { capacityOverview, homeSupportSlots } from "@/lib/home-support/capacity";
import { saveCapacityAction } from "../actions";
import { Table, THead, Td, Th, ThRow, Tr } from "@/components/ui/table";

const WORKDAYS = [1, 2, 3, 4, 5, 6, 0];

export default async function HomeSupportCapacityPage() {
  const me = await requirePage("homesupport.manage");
  const m = await getTranslations();
  const t = await getTranslations("homeSupport.ui");
  const data = await capacityOverview(me);
  return (
    <div className="max-w-5xl">
      <BackLink href="/ho-tro-tai-nha" label={t("back")} />
      <PageHeader title={t("capacityTitle")}>{t("capacityIntro", { n: data.defaultCapacity })}</PageHeader>
      <div className="flex flex-col gap-6">
        {data.units.map((u) => (
          <section
            key={u.id}
            className="rounded-lg border border-slate-200 bg-white p-4"
            aria-labelledby={`cap-${u.id}`}
          >
            <h2 id={`cap-${u.id}`} className="mb-3 font-semibold">
              {u.name}
            </h2>
            <ActionForm
              action={saveCapacityAction}
              fields={{ unitId: u.id }}
              submit={t("save")}
              pending={t("saving")}
              className="flex flex-col items-start gap-3"
            >
              <Table variant="plain" className="max-w-3xl">
                <THead plain>
                  <Th className="px-2 py-1" />
                  {WORKDAYS.map((d) => (
                    <Th key={d} className="px-2 py-1">
                      {t(`weekdays.${d}`)}
                    </Th>
                  ))}
                </THead>
                <tbody>
                  {homeSupportSlots.map((slot) => (
                    <Tr key={slot}>
                      <ThRow className="px-2 py-1">{m(`homeSupport.slotNames.${slot}`)}</ThRow>
                      {WORKDAYS.map((d) => (
                        <Td key={d} className="px-2 py-1">
                          <input
                            type="number"
                            min={0}
                            max={200}
                            name={`cap-${d}-${slot}`}
                            aria-label={`${u.name}: ${m(`homeSupport.slotNames.${slot}`)} ${t(`weekdays.${d}`)}`}
                            defaultValue={u.cells[`${d}|${slot}`] ?? ""}
                            placeholder={String(data.defaultCapacity)}
                            className="w-16 rounded-md border border-slate-400 px-2 py-1"
                          />
                        </Td>
                      ))}
                    </Tr>
                  ))}
                </tbody>
              </Table>
            </ActionForm>
          </section>
        ))}
      </div>
    </div>
  );
}
