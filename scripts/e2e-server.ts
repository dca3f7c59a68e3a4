import fs from "node:fs";
import path from "node:path";

/** The built app on a fresh embedded database with demo data, for the browser tests. */
const dataDir = path.resolve(".test-data", "e2e");
fs.rmSync(dataDir, { recursive: true, force: true });
process.env.DATA_DIR = dataDir;
process.env.PORT = process.env.E2E_PORT || "3100";
process.env.SKIP_BUILD = "1";
process.env.PUBLIC_BASE_URL ||= `http://localhost:${process.env.PORT}`;
delete process.env.DATABASE_URL;
process.env.FEE_PAYMENT_HOSTS ||= "dichvucong.gov.vn,example.vn"; // the payment links the browser tests type
await import("./demo");
