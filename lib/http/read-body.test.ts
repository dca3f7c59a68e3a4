import type { IncomingMessage } from "node:http";
import { Readable } from "node:stream";
import { describe, expect, it } from "vitest";
import { BodyTooLargeError, readIncomingBody, readRequestBody } from "./read-body";

/** A body of `count` chunks of `size` bytes, counting the chunks it was asked for and whether it was cancelled. */
function countedBody(size: number, count = Infinity) {
  const seen = { pulled: 0, cancelled: false };
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (seen.pulled >= count) return controller.close();
      seen.pulled++;
      controller.enqueue(new Uint8Array(size).fill(0x61));
    },
    cancel() {
      seen.cancelled = true;
    },
  });
  return { seen, req: new Request("http://test/", { method: "POST", body: stream, duplex: "half" } as RequestInit) };
}

describe("readRequestBody", () => {
  it("refuses an endless body after the limit without reading on, and cancels it", async () => {
    const { seen, req } = countedBody(1024);
    await expect(readRequestBody(req, 10 * 1024)).rejects.toBeInstanceOf(BodyTooLargeError);
    expect(seen.pulled).toBeLessThan(20);
    expect(seen.cancelled).toBe(true);
  });

  it("refuses a body whose declared length is over the limit before reading any of it", async () => {
    const { seen, req } = countedBody(1024, 1);
    const declared = new Request(req, { headers: { "content-length": "2048" } });
    await expect(readRequestBody(declared, 1024)).rejects.toBeInstanceOf(BodyTooLargeError);
    expect(seen.pulled).toBeLessThanOrEqual(1);
  });

  it("reads a multi-byte UTF-8 body of exactly the limit, and refuses one byte more", async () => {
    const text = "Nguyễn Thị Ánh ".repeat(50);
    const bytes = Buffer.byteLength(text);
    expect(bytes).toBeGreaterThan(text.length);
    expect(await readRequestBody(new Request("http://test/", { method: "POST", body: text }), bytes)).toBe(text);
    const over = new Request("http://test/", { method: "POST", body: `${text}a` });
    await expect(readRequestBody(over, bytes)).rejects.toBeInstanceOf(BodyTooLargeError);
  });

  it("joins a character split across chunks", async () => {
    const bytes = Buffer.from("ệ", "utf8");
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(bytes.subarray(0, 1));
        controller.enqueue(bytes.subarray(1));
        controller.close();
      },
    });
    const req = new Request("http://test/", { method: "POST", body: stream, duplex: "half" } as RequestInit);
    expect(await readRequestBody(req, 3)).toBe("ệ");
  });

  it("reads an absent body as empty text", async () => {
    expect(await readRequestBody(new Request("http://test/"), 10)).toBe("");
  });
});

describe("readIncomingBody", () => {
  it("refuses a chunked body past the limit and drains the rest unread, so the server can still answer", async () => {
    const source = Readable.from(Array.from({ length: 100 }, () => Buffer.alloc(1024, 0x61)));
    const req = Object.assign(source, { headers: {} }) as unknown as IncomingMessage;
    await expect(readIncomingBody(req, 10 * 1024)).rejects.toBeInstanceOf(BodyTooLargeError);
    expect(source.destroyed).toBe(false);
    await new Promise((resolve) => source.once("end", resolve));
  });

  it("reads a multi-byte UTF-8 body of exactly the limit", async () => {
    const text = "Trần Văn Đức ";
    const req = Object.assign(Readable.from([Buffer.from(text)]), { headers: {} }) as unknown as IncomingMessage;
    expect(await readIncomingBody(req, Buffer.byteLength(text))).toBe(text);
  });
});
