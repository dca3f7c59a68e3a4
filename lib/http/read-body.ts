import type { IncomingMessage } from "node:http";

export class BodyTooLargeError extends Error {
  constructor() {
    super("body too large");
  }
}

/**
 * A body as UTF-8 text, read as it streams: past `maxBytes` (declared or counted) it stops pulling chunks and
 * throws BodyTooLargeError, so an endless body never fills the memory. Leaving the loop early ends the source.
 */
async function readLimited(
  chunks: AsyncIterable<Uint8Array>,
  declaredLength: string | null | undefined,
  maxBytes: number,
): Promise<string> {
  const declared = Number(declaredLength ?? NaN);
  if (Number.isFinite(declared) && declared > maxBytes) throw new BodyTooLargeError();
  const parts: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of chunks) {
    size += chunk.byteLength;
    if (size > maxBytes) throw new BodyTooLargeError();
    parts.push(chunk);
  }
  return Buffer.concat(parts, size).toString("utf8");
}

/** A fetch Request's body; an oversize one is cancelled. */
export async function readRequestBody(req: Request, maxBytes: number): Promise<string> {
  if (!req.body) return "";
  return readLimited(req.body as unknown as AsyncIterable<Uint8Array>, req.headers.get("content-length"), maxBytes);
}

/** A Node request's body; the rest of an oversize one is drained unread, so the server can still answer 413. */
export async function readIncomingBody(req: IncomingMessage, maxBytes: number): Promise<string> {
  try {
    return await readLimited(req.iterator({ destroyOnReturn: false }), req.headers["content-length"], maxBytes);
  } catch (err) {
    if (err instanceof BodyTooLargeError) req.resume();
    throw err;
  }
}
