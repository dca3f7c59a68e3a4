import bcrypt from "bcryptjs";
import { z } from "zod";

const COST = 11;
// Compared against when the user name is unknown, so that both paths take the same time.
const DUMMY_HASH = "$2b$11$C6UzMDM.H6dfI/f/IKcEeO5t9bYxGQb9Qx9p3bVvY1hC0k4H7dA2u";

export const newPasswordSchema = z
  .string()
  .min(10, "Mật khẩu cần ít nhất 10 ký tự.")
  .max(200, "Mật khẩu quá dài.")
  .refine(
    (v) => /[A-Za-zÀ-ỹ]/.test(v) && /\d|[^\w\s]/.test(v),
    "Mật khẩu cần có cả chữ và chữ số hoặc ký tự đặc biệt.",
  );

export function hashPassword(password: string): Promise<string> {
  return bcrypt.hash(password, COST);
}

export async function verifyPassword(password: string, hash: string | null): Promise<boolean> {
  const ok = await bcrypt.compare(password, hash ?? DUMMY_HASH);
  return hash != null && ok;
}
