import { PDFArray, PDFDict, type PDFDocument, PDFName, type PDFPage, PDFRawStream, decodePDFRawStream } from "pdf-lib";

/* For tests (unit and browser): what a receipt PDF says, to compare with what the page prints. */

export function rawStream(obj: unknown): PDFRawStream {
  if (!(obj instanceof PDFRawStream)) throw new Error("expected a raw PDF stream");
  return obj;
}

/** The text drawn on a page, decoded through each embedded font's ToUnicode map (pdf-lib writes glyph ids). */
export function pageText(doc: PDFDocument, page: PDFPage): string {
  const fonts = page.node.Resources()!.lookup(PDFName.of("Font"), PDFDict);
  const maps = new Map<string, Map<string, string>>();
  for (const [name, ref] of fonts.entries()) {
    const font = doc.context.lookup(ref, PDFDict);
    const cmap = new TextDecoder().decode(
      decodePDFRawStream(rawStream(doc.context.lookup(font.get(PDFName.of("ToUnicode"))))).decode(),
    );
    const map = new Map<string, string>();
    for (const [, gid, hex] of cmap.matchAll(/<([0-9a-f]{4})> <([0-9a-f]+)>/gi)) {
      const units = hex.match(/.{4}/g)!.map((u) => parseInt(u, 16));
      map.set(gid.toLowerCase(), String.fromCharCode(...units));
    }
    maps.set(name.asString(), map);
  }
  const contents = page.node.Contents();
  const streams = (
    contents instanceof PDFArray ? contents.asArray().map((ref) => doc.context.lookup(ref)) : [contents]
  ).map(rawStream);
  const lines: string[] = [];
  let current = new Map<string, string>();
  for (const s of streams) {
    const ops = new TextDecoder("latin1").decode(decodePDFRawStream(s).decode());
    for (const m of ops.matchAll(/(\/[^\s/]+)\s+[\d.]+\s+Tf|<([0-9A-Fa-f]*)>\s*Tj/g)) {
      if (m[1]) current = maps.get(m[1]) ?? new Map();
      else
        lines.push(
          m[2]
            .match(/.{4}/g)
            ?.map((g) => current.get(g.toLowerCase()) ?? "�")
            .join("") ?? "",
        );
    }
  }
  return lines.join("\n");
}
