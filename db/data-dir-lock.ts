import fs from "node:fs";
import path from "node:path";

export class DataDirBusyError extends Error {
  constructor(
    public readonly dataDir: string,
    public readonly pid: number,
  ) {
    super(
      `Thư mục dữ liệu nhúng ${dataDir} đang được tiến trình ${pid} sử dụng (máy chủ đang chạy?). ` +
        `Dừng máy chủ trước khi chạy lệnh này, hoặc dùng PostgreSQL (DATABASE_URL). ` +
        `/ The embedded data folder is in use by process ${pid}; stop the server first.`,
    );
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** PGlite's data folder must never be opened by two processes; a pid file guards it. */
export function acquireDataDirLock(dataDir: string): () => void {
  fs.mkdirSync(dataDir, { recursive: true });
  const lockFile = path.join(dataDir, "owner.pid");
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      fs.writeFileSync(lockFile, String(process.pid), { flag: "wx" });
      const release = () => {
        try {
          if (fs.readFileSync(lockFile, "utf8") === String(process.pid)) fs.unlinkSync(lockFile);
        } catch {
          /* already gone */
        }
      };
      process.once("exit", release);
      return release;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== "EEXIST") throw err;
      const pid = Number(fs.readFileSync(lockFile, "utf8"));
      if (pid === process.pid) return () => {};
      if (pid && isAlive(pid)) throw new DataDirBusyError(dataDir, pid);
      fs.unlinkSync(lockFile);
    }
  }
  throw new Error(`Không khóa được thư mục dữ liệu ${dataDir}`);
}
