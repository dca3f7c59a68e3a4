import { vi } from "vitest";

// Next's "server-only" guard throws outside the React server bundle; services are plain modules under test.
vi.mock("server-only", () => ({}));
process.env.TZ ??= "UTC";
