/**
 * The demo OA's followers, shared by the simulator (its phones) and the demo seed (the portal's follower
 * table), so that an announcement planned in the demo reaches phones the simulator knows.
 */
export interface DemoFollower {
  phone: string;
  name: string;
  tags: string[];
  /** Hours since the last interaction (48 h = the free consultation window). */
  hoursAgo: number;
  following: boolean;
  /** Shared their phone through the OA (linked to dossiers). */
  linked: boolean;
  /** Shared their phone but has not proven it with the one-time code yet: a claim, linked to nothing. */
  claimed: boolean;
}

const family = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Phan", "Võ", "Đặng", "Bùi", "Đỗ"];
const middle = ["Văn", "Thị", "Đức", "Minh", "Thu", "Quốc", "Ngọc", "Hữu", "Thanh", "Xuân"];
const given = [
  "Hùng",
  "Lan",
  "Tuấn",
  "Hoa",
  "Dũng",
  "Mai",
  "Sơn",
  "Hương",
  "Nam",
  "Yến",
  "Phúc",
  "Trang",
  "Khánh",
  "Linh",
  "Đạt",
];
const tagSets = [["doanh-nghiep"], ["nong-dan"], ["thanh-sen"], ["thach-ha", "nong-dan"], ["can-bo"], []];
const hours = [1, 5, 20, 30, 47, 60, 100, 200, 500];

export function demoFollowers(): DemoFollower[] {
  return Array.from({ length: 50 }, (_, i) => ({
    phone: `8498${String(1000000 + i * 7919).slice(-7)}`,
    name: `${family[i % family.length]} ${middle[(i * 3) % middle.length]} ${given[(i * 7) % given.length]}`,
    tags: tagSets[i % tagSets.length],
    hoursAgo: hours[i % hours.length],
    following: i % 17 !== 16,
    linked: i % 3 === 0,
    claimed: i % 3 !== 0 && i % 8 === 1,
  }));
}
