import { defineConfig } from "vitest/config";

// *.pg.test.ts need PostgreSQL itself (several processes on one database): they run in the PostgreSQL pass only.
const onPostgres = process.env.TEST_DB === "postgres";

export default defineConfig({
  resolve: { alias: { "@": import.meta.dirname } },
  test: {
    environment: "node",
    include: ["{lib,db,app,components,scripts}/**/*.test.ts"],
    exclude: ["**/node_modules/**", ...(onPostgres ? [] : ["**/*.pg.test.ts"])],
    globalSetup: ["./vitest.global-setup.ts"],
    setupFiles: ["./vitest.setup.ts"],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: "forks",
  },
});
