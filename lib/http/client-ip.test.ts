import { createServer, request, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PEER_ADDRESS_HEADER, clientFromChain, clientIpFrom, parseTrustedProxies } from "./client-ip";
import { webListener } from "./web-listener";

describe("clientFromChain", () => {
  it("takes the socket peer when no proxy is trusted, whatever X-Forwarded-For says", () => {
    expect(clientFromChain(["1.2.3.4", "5.6.7.8", "198.51.100.7"], parseTrustedProxies(undefined))).toBe(
      "198.51.100.7",
    );
  });

  it("behind one trusted hop takes the address that proxy appended, not the client's own entries", () => {
    expect(clientFromChain(["6.6.6.6", "203.0.113.5", "127.0.0.1"], parseTrustedProxies("1"))).toBe("203.0.113.5");
    expect(clientFromChain(["127.0.0.1"], parseTrustedProxies("2"))).toBe("127.0.0.1");
  });

  it("with CIDRs walks from the right past trusted proxies only", () => {
    const trust = parseTrustedProxies("10.0.0.0/8, ::1, 127.0.0.1");
    expect(clientFromChain(["6.6.6.6", "203.0.113.5", "10.1.2.3", "::ffff:127.0.0.1"], trust)).toBe("203.0.113.5");
    expect(clientFromChain(["10.0.0.1", "127.0.0.1"], trust)).toBe("10.0.0.1");
    expect(() => parseTrustedProxies("10.0.0.0/x")).toThrow(/TRUSTED_PROXIES/);
  });
});

describe("the portal's listener", () => {
  let server: Server;
  let port: number;
  beforeAll(async () => {
    const trust = parseTrustedProxies("0");
    server = createServer(
      webListener((req, res) => void res.end(clientIpFrom(req.headers, trust)), "http://localhost"),
    );
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(() => new Promise<void>((r) => server.close(() => r())));

  function ipSeenWith(headers: Record<string, string>): Promise<string> {
    return new Promise((resolve, reject) => {
      const req = request({ host: "127.0.0.1", port, headers }, (res) => {
        let body = "";
        res.on("data", (c: Buffer) => (body += c));
        res.on("end", () => resolve(body));
      });
      req.on("error", reject).end();
    });
  }

  it("sees the socket address however the client rotates X-Forwarded-For or forges the peer header", async () => {
    const seen = await Promise.all([
      ipSeenWith({ "x-forwarded-for": "1.1.1.1" }),
      ipSeenWith({ "x-forwarded-for": "2.2.2.2, 3.3.3.3", "x-real-ip": "4.4.4.4" }),
      ipSeenWith({ [PEER_ADDRESS_HEADER]: "5.5.5.5" }),
      ipSeenWith({}),
    ]);
    expect(new Set(seen)).toEqual(new Set(["127.0.0.1"]));
  });
});
