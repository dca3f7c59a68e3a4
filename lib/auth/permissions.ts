import type { Role } from "@/db/schema";

const permissions = [
  "dossiers.read",
  "dossiers.create",
  "dossiers.transition",
  "dossiers.export",
  "procedures.read",
  "procedures.manage",
  "calendar.manage",
  "announcements.read",
  "announcements.write",
  "announcements.approve",
  "conversations.read",
  "conversations.reply",
  "conversations.manage",
  "ratings.read",
  "ratings.followup",
  "ratings.manage",
  "reports.read",
  "notifications.read",
  "notifications.resend",
  "notifications.admin",
  "templates.manage",
  "zalo.settings",
  "zalo.events.read",
  "units.manage",
  "staff.manage",
  "audit.read",
  "apikeys.manage",
  "account.self",
  "homesupport.read",
  "homesupport.manage",
] as const;
export type Permission = (typeof permissions)[number];

/** The only place where roles are interpreted. Everything else asks for a permission. */
const rolePermissions: Record<Role, readonly Permission[]> = {
  admin: permissions,
  receptionist: [
    "dossiers.read",
    "dossiers.create",
    "dossiers.transition",
    "dossiers.export",
    "procedures.read",
    "notifications.read",
    "notifications.resend",
    "conversations.read",
    "conversations.reply",
    "account.self",
    "homesupport.read",
    "homesupport.manage",
  ],
  publisher: [
    "announcements.read",
    "announcements.write",
    "procedures.read",
    "conversations.read",
    "conversations.reply",
    "account.self",
  ],
  supervisor: [
    "dossiers.read",
    "dossiers.export",
    "procedures.read",
    "announcements.read",
    "announcements.approve",
    "conversations.read",
    "ratings.read",
    "ratings.followup",
    "reports.read",
    "notifications.read",
    "notifications.admin",
    "account.self",
    "homesupport.read",
  ],
};

export function permissionsOf(role: Role): readonly Permission[] {
  return rolePermissions[role];
}

export function roleCan(role: Role, permission: Permission): boolean {
  return rolePermissions[role].includes(permission);
}
