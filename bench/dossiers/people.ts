/** Realistic Vietnamese names, mobiles and CCCDs for the benchmarks (the same lists feed the SQL generator). */
export const familyNames = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương", "Lý", "Đinh", "Trương", "Lâm", "Mai", "Tô", "Hà", "Cao", "Lưu", "Chu", "Thái", "Tạ", "Quách", "Kiều", "Từ"];
export const middleNames = ["Văn", "Thị", "Hữu", "Đức", "Minh", "Thanh", "Ngọc", "Quang", "Xuân", "Hoàng", "Anh", "Thu", "Kim", "Bảo", "Gia", "Hồng", "Mạnh", "Công", "Đình", "Phương", "Thế", "Diệu", "Khánh", "Quốc", "Tuấn", "Như", "Hải", "Trọng", "Thùy", "Mỹ"];
export const givenNames = [
  "An", "Bình", "Cường", "Dũng", "Giang", "Hà", "Hải", "Hạnh", "Hiếu", "Hoa", "Hùng", "Hương", "Khánh", "Lan", "Linh", "Long", "Mai", "Minh", "Nam", "Nga",
  "Ngọc", "Nhung", "Phúc", "Phương", "Quân", "Quỳnh", "Sơn", "Tâm", "Thảo", "Thắng", "Thủy", "Trang", "Trung", "Tuấn", "Tùng", "Vân", "Việt", "Yến", "Đạt", "Đông",
  "Hiền", "Huyền", "Lộc", "Luân", "Nhàn", "Oanh", "Phát", "Quý", "Thư", "Tiến", "Trâm", "Uyên", "Vinh", "Xuân", "Ánh", "Châu", "Duyên", "Hằng", "Kiên", "Lực",
];
/** Family names by share of the population (Nguyễn ≈ 38 %), for the generated million: one entry per 0.5 %. */
export const familyNameWeights: [string, number][] = [
  ["Nguyễn", 76], ["Trần", 22], ["Lê", 19], ["Phạm", 14], ["Hoàng", 10], ["Huỳnh", 8], ["Phan", 9], ["Vũ", 8], ["Võ", 6], ["Đặng", 4],
  ["Bùi", 4], ["Đỗ", 3], ["Hồ", 3], ["Ngô", 3], ["Dương", 2], ["Lý", 1], ["Đinh", 1], ["Trương", 1], ["Lâm", 1], ["Mai", 1],
  ["Tô", 1], ["Hà", 1], ["Cao", 1], ["Lưu", 1], ["Chu", 1], ["Thái", 1], ["Tạ", 1], ["Quách", 1], ["Kiều", 1], ["Từ", 1],
];
/** "Văn" and "Thị" carry half of all middle names. */
export const middleNameWeights: [string, number][] = middleNames.map((m) => [m, m === "Văn" || m === "Thị" ? 14 : 1]);

export const expand = (weights: [string, number][]) => weights.flatMap(([v, w]) => Array<string>(w).fill(v));

/** Mobile prefixes after the 2018 renumbering, as "84" + the national prefix. */
export const mobilePrefixes = ["8432", "8433", "8434", "8435", "8436", "8437", "8438", "8439", "8470", "8476", "8477", "8478", "8479", "8481", "8482", "8483", "8484", "8485", "8486", "8488", "8489", "8490", "8491", "8493", "8494", "8496", "8497", "8498"];

const pick = <T>(list: readonly T[]) => list[Math.floor(Math.random() * list.length)];
const digits = (n: number) => Array.from({ length: n }, () => Math.floor(Math.random() * 10)).join("");

export function randomPerson() {
  return {
    name: `${pick(familyNames)} ${pick(middleNames)} ${pick(givenNames)}`,
    phone: `0${pick(mobilePrefixes).slice(2)}${digits(7)}`,
    // CCCD: province of birth (042 Hà Tĩnh …), century+sex digit, year, then 6 random digits.
    idNumber: `0${pick(["42", "40", "38", "01", "79", "44"])}${pick(["0", "1", "2", "3"])}${digits(2)}${digits(6)}`,
  };
}
