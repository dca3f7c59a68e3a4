import { ErrorPage } from "@/components/shell/error-page";
import { getMessages } from "@/lib/i18n";

export default async function Forbidden() {
  const m = await getMessages();
  return <ErrorPage title={m.errors.forbiddenTitle} text={m.errors.forbiddenText} home={m.errors.home} />;
}
