import { getTranslations } from "next-intl/server";
import fs from "node:fs/promises";
import path from "node:path";
import { ImageResponse } from "next/og";
import { imageUrl } from "@/lib/announcements/images";
import { getPublishedAnnouncement } from "@/lib/announcements/public";

/** The share image (1200×630): the cover when there is one, else the title drawn on the OA's blue. */
export async function GET(req: Request, { params }: { params: Promise<{ slug: string }> }) {
  const a = await getPublishedAnnouncement((await params).slug);
  const t = await getTranslations("announcements");
  if (!a) return new Response(t("errors.notFoundShort"), { status: 404 });
  if (a.coverImageId) return Response.redirect(new URL(imageUrl(a.coverImageId), req.url), 302);
  const font = await fs.readFile(
    path.join(/*turbopackIgnore: true*/ process.cwd(), "public", "fonts", "BeVietnamPro_700Bold.ttf"),
  );
  return new ImageResponse(
    <div
      style={{
        width: "100%",
        height: "100%",
        display: "flex",
        flexDirection: "column",
        justifyContent: "space-between",
        background: "#0068ff",
        color: "white",
        padding: 64,
        fontFamily: "BeVietnamPro",
      }}
    >
      <div style={{ fontSize: 32, opacity: 0.9 }}>{t(`categories.${a.category}`)}</div>
      <div style={{ fontSize: 60, lineHeight: 1.2 }}>{a.title}</div>
      <div style={{ fontSize: 28, opacity: 0.9 }}>{t("news.title")}</div>
    </div>,
    { width: 1200, height: 630, fonts: [{ name: "BeVietnamPro", data: font, weight: 700 }] },
  );
}
