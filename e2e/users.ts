export const demoUsers = ["admin", "receptionist", "publisher", "supervisor", "receptionist.thanhsen"] as const;
export type DemoUser = (typeof demoUsers)[number];

/** Sign-ins are made once by auth.setup.ts and reused: test.use({ storageState: storageStateOf("admin") }). */
export function storageStateOf(user: DemoUser): string {
  return `test-results/.auth/${user}.json`;
}
