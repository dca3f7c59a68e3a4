export const reports = {
  navLabel: "Báo cáo",
} as const;
