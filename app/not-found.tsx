import { ErrorPage } from "@/components/shell/error-page";
import { getMessages } from "@/lib/i18n";

export default async function NotFound() {
  const m = await getMessages();
  return <ErrorPage title={m.errors.notFoundTitle} text={m.errors.notFoundText} home={m.errors.home} />;
}
