import http from "node:http";
import { openPostgres } from "../../db/client";
import { rawInsertEvent } from "./raw-insert";

/** Bench baseline: a bare node:http server doing the same INSERT as /api/bench/raw-insert (no framework). */
const url = process.env.DATABASE_URL;
if (!url) throw new Error("DATABASE_URL is required");
const { db } = openPostgres(url);
const port = Number(process.env.PORT || 3201);

http
  .createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    try {
      const stored = await rawInsertEvent(db, Buffer.concat(chunks).toString("utf8"));
      res.writeHead(200, { "content-type": "application/json" });
      res.end(JSON.stringify({ ok: true, duplicate: !stored }));
    } catch (err) {
      res.writeHead(500).end((err as Error).message);
    }
  })
  .listen(port, "127.0.0.1", () => console.log(`bare server on ${port}`));
