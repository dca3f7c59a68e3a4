import { type DbHandle, openFromEnv } from "../db/client";
import { DataDirBusyError } from "../db/data-dir-lock";

/** Opens the configured database for a command-line tool; refuses clearly if a server holds the embedded one. */
export async function withDatabase<T>(fn: (h: DbHandle) => Promise<T>): Promise<T> {
  let handle: DbHandle;
  try {
    handle = openFromEnv();
  } catch (err) {
    if (err instanceof DataDirBusyError) {
      console.error(err.message);
      process.exit(2);
    }
    throw err;
  }
  try {
    return await fn(handle);
  } finally {
    await handle.close();
  }
}

export function argValue(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  if (i >= 0) return process.argv[i + 1];
  const eq = process.argv.find((a) => a.startsWith(`--${name}=`));
  return eq?.slice(name.length + 3);
}
