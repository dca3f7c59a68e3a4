import { foldForSearch } from "@/lib/text";

/** "Thủ tục mới: cấp đổi CCCD" + 12 → "thu-tuc-moi-cap-doi-cccd-12" (the id keeps it unique and stable). */
export function announcementSlug(title: string, id: number): string {
  const words = foldForSearch(title)
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 80)
    .replace(/-+$/g, "");
  return words ? `${words}-${id}` : String(id);
}
