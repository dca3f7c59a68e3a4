import type { Widen } from "../vi";
import type { api as viApi } from "../vi/api";

export const api: Widen<typeof viApi> = {
  keys: {
    title: "Integration API keys",
    intro:
      "Existing one-door software calls the /api/v1 API with a unit's key (Authorization: Bearer '<key>'). A key " +
      "only reaches its own unit's dossiers.",
    docsLink: "OpenAPI document",
    newKey: "Create a key",
    name: "Key name",
    nameHint: "E.g. the unit's electronic one-door software",
    unit: "Unit",
    prefix: "Prefix",
    createdBy: "Created by",
    createdAt: "Created",
    lastUsedAt: "Last used",
    status: "Status",
    active: "Active",
    revoked: "Revoked {date}",
    revoke: "Revoke",
    revoking: "Revoking…",
    revokeConfirm: "Revoke this key? Software using it is refused at once.",
    revokedMessage: "Key revoked.",
    create: "Create key",
    creating: "Creating…",
    createdTitle: "API key created",
    createdOnce:
      "Copy the key now: it is shown only once and cannot be viewed again. If lost, revoke it and create a new one.",
    copy: "Copy",
    copied: "Copied",
    none: "No API keys yet.",
    scopes: "Extra permissions",
    scopeStatistics: "Read statistics and ratings (GET /statistics, /ratings) of the unit and the units under it",
    noScopes: "Dossier intake only",
    never: "Never",
  },
};
