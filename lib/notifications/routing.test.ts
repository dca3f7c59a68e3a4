import { describe, expect, it } from "vitest";
import type { NotificationTemplate } from "@/db/schema";
import { defaultNotificationTemplates } from "@/lib/notifications/default-templates";
import { routeEvent, skipReasons } from "./routing";
import { testPayload } from "./testing";

const now = new Date("2024-02-20T03:00:00Z");
const template = (over: Partial<NotificationTemplate> = {}): NotificationTemplate => ({
  ...defaultNotificationTemplates[0],
  enabled: true,
  updatedAt: now,
  updatedBy: "seed",
  ...over,
});
const ctx = (over = {}) => ({ payload: testPayload(over), unitName: "Trung tâm", eventAt: now });
const follower = (hoursAgo: number) => ({
  oaUserId: "u-1",
  lastInteractionAt: new Date(now.getTime() - hoursAgo * 3600_000),
});

describe("routing", () => {
  it("sends a ZBS template to the registered mobile by default", () => {
    const d = routeEvent(template(), ctx(), null, now);
    expect("routes" in d && d.routes.map((r) => [r.channel, r.recipient, r.templateId])).toEqual([
      ["zbs", "84912345678", "310001"],
    ]);
  });

  it("says why nothing is sent when the dossier is not registered or has no valid mobile", () => {
    expect(routeEvent(template(), ctx({ notifyZalo: false }), null, now)).toEqual({
      skipReason: skipReasons.notRegistered,
    });
    expect(routeEvent(template(), ctx({ phone84: "842412345678" }), null, now)).toEqual({
      skipReason: skipReasons.noMobile,
    });
    expect(routeEvent(template(), ctx({ phone84: null }), null, now)).toEqual({ skipReason: skipReasons.noMobile });
    expect(routeEvent(undefined, ctx(), null, now)).toEqual({ skipReason: skipReasons.noTemplate });
    expect(routeEvent(template({ enabled: false }), ctx(), null, now)).toEqual({ skipReason: skipReasons.disabled });
  });

  it("prefers a consultation message inside the 48-hour window and keeps ZBS as the fallback", () => {
    const d = routeEvent(template({ channels: ["cs", "zbs"] }), ctx(), follower(47), now);
    expect("routes" in d && d.routes.map((r) => r.channel)).toEqual(["cs", "zbs"]);
    expect("routes" in d && d.routes[0].recipient).toBe("u-1");
    expect("routes" in d && d.routes[0].params.text).toContain("Ngày hẹn trả: sau 9 giờ 9 phút, ngày 26/02/2024");
  });

  it("skips the consultation channel once the window has closed or no follower is linked", () => {
    for (const f of [follower(49), null]) {
      const d = routeEvent(template({ channels: ["cs", "zbs"] }), ctx(), f, now);
      expect("routes" in d && d.routes.map((r) => r.channel)).toEqual(["zbs"]);
    }
    expect(routeEvent(template({ channels: ["cs"] }), ctx(), follower(72), now)).toEqual({
      skipReason: skipReasons.noChannel,
    });
  });
});
