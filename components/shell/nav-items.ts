import type { Translator } from "@/lib/i18n";
import type { Permission } from "@/lib/auth/permissions";

export interface NavItem {
  href: string;
  label: (m: Translator) => string;
  permission: Permission;
  group: "work" | "admin";
  /** A live count shown beside the label. */
  badge?: "conversations";
}

/**
 * Every navigation entry with the permission it needs; the shell shows only what the role may use. Add a page, add its
 * entry.
 */
export const navItems: NavItem[] = [
  { href: "/dossiers/new", label: (m) => m("dossiers.navIntake"), permission: "dossiers.create", group: "work" },
  { href: "/dossiers", label: (m) => m("dossiers.navList"), permission: "dossiers.read", group: "work" },
  { href: "/procedures", label: (m) => m("procedures.navLabel"), permission: "procedures.read", group: "work" },
  {
    href: "/ho-tro-tai-nha",
    label: (m) => m("homeSupport.ui.navLabel"),
    permission: "homesupport.read",
    group: "work",
  },
  {
    href: "/hoi-dap",
    label: (m) => m("conversations.navLabel"),
    permission: "conversations.read",
    group: "work",
    badge: "conversations",
  },
  {
    href: "/announcements",
    label: (m) => m("announcements.navLabel"),
    permission: "announcements.read",
    group: "work",
  },
  {
    href: "/followers",
    label: (m) => m("announcements.navFollowers"),
    permission: "announcements.read",
    group: "work",
  },
  { href: "/delivery", label: (m) => m("nav.delivery"), permission: "notifications.admin", group: "work" },
  { href: "/bao-cao", label: (m) => m("reports.navLabel"), permission: "reports.read", group: "work" },
  {
    href: "/bao-cao/phan-anh",
    label: (m) => m("ratings.followups.navLabel"),
    permission: "ratings.read",
    group: "work",
  },
  { href: "/quay-danh-gia", label: (m) => m("ratings.kiosk.title"), permission: "dossiers.transition", group: "work" },
  { href: "/admin/templates", label: (m) => m("nav.templates"), permission: "templates.manage", group: "admin" },
  { href: "/admin/units", label: (m) => m("nav.units"), permission: "units.manage", group: "admin" },
  { href: "/admin/staff", label: (m) => m("nav.staff"), permission: "staff.manage", group: "admin" },
  { href: "/admin/zalo", label: (m) => m("zalo.navLabel"), permission: "zalo.settings", group: "admin" },
  {
    href: "/admin/hoi-dap",
    label: (m) => m("conversations.admin.navLabel"),
    permission: "conversations.manage",
    group: "admin",
  },
  { href: "/admin/oa-menu", label: (m) => m("homeSupport.menu.navLabel"), permission: "zalo.settings", group: "admin" },
  { href: "/admin/calendar", label: (m) => m("nav.calendar"), permission: "calendar.manage", group: "admin" },
  {
    href: "/admin/danh-gia",
    label: (m) => m("ratings.settings.navLabel"),
    permission: "ratings.manage",
    group: "admin",
  },
  { href: "/admin/api-keys", label: (m) => m("nav.apiKeys"), permission: "apikeys.manage", group: "admin" },
  { href: "/admin/zalo-events", label: (m) => m("events.navLabel"), permission: "zalo.events.read", group: "admin" },
  { href: "/admin/audit", label: (m) => m("nav.audit"), permission: "audit.read", group: "admin" },
];
