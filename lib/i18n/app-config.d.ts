import type { Locale, Messages } from "@/lib/i18n";

// Typed keys: a key missing from the catalogue fails the type check.
declare module "next-intl" {
  interface AppConfig {
    Locale: Locale;
    Messages: Messages;
  }
}
