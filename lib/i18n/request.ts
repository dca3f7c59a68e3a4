import { getRequestConfig } from "next-intl/server";
import { currentLocale, messagesFor } from "@/lib/i18n";

/** next-intl's per-request configuration: the locale comes from the `lang` cookie, never from the URL. */
export default getRequestConfig(async () => {
  const locale = await currentLocale();
  return { locale, messages: messagesFor(locale), timeZone: "Asia/Ho_Chi_Minh" };
});
