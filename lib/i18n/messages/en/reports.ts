import type { Widen } from "../vi";
import type { reports as viReports } from "../vi/reports";

export const reports: Widen<typeof viReports> = {
  navLabel: "Reports",
};
