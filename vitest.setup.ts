import { afterEach, vi } from "vitest";
import { resetCachesForTests } from "@/lib/cache/per-db";

// Next's "server-only" guard throws outside the React server bundle; services are plain modules under test.
vi.mock("server-only", () => ({}));
process.env.TZ ??= "UTC";
// Tests replay dossiers of 2024–2025 through API-key contexts;
// lib/dossiers/receive-backdate.test.ts sets its own window.
process.env.API_BACKDATE_DAYS ??= "36500";
// The example payment gateways the tests use.
process.env.FEE_PAYMENT_HOSTS ??= "dichvucong.gov.vn,example.vn,pay.example";
// Per-process caches start empty in every test, as they would in a fresh process.
afterEach(() => resetCachesForTests());
