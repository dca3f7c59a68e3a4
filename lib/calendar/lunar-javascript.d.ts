declare module "lunar-javascript" {
  interface SolarDate {
    getYear(): number;
    getMonth(): number;
    getDay(): number;
    toYmd(): string;
  }
  interface LunarDate {
    getSolar(): SolarDate;
  }
  export const Lunar: { fromYmd(year: number, month: number, day: number): LunarDate };
  export const ShouXingUtil: { shuoHigh(w: number): number };
}
