import type { Widen } from "../vi";
import type { zalo as viZalo } from "../vi/zalo";

export const zalo: Widen<typeof viZalo> = {
  navLabel: "Zalo OA connection",
  title: "Zalo Official Account connection",
  intro:
    "The app and OA used to message citizens and to verify webhook events. Secrets are encrypted when stored and " +
    "never shown again.",
  settingsTitle: "App and OA details",
  appId: "App ID",
  appSecret: "App Secret Key",
  oaId: "OA ID",
  oaSecretKey: "OA Secret Key",
  oaSecretKeyHint: "Verifies the webhook's X-ZEvent-Signature.",
  secretSaved: "Saved — leave empty to keep it",
  secretNotSet: "Not set",
  welcomeMessage: "Welcome message sent when a citizen follows the OA",
  welcomeHint: "Leave empty to use the default welcome.",
  save: "Save settings",
  saving: "Saving…",
  saved: "Zalo settings saved.",
  sourceEnv: "Settings currently come from environment variables at start; saving here replaces them.",
  webhookTitle: "Webhook URL to register",
  webhookHint: "Register it in the Zalo app console (developers.zalo.me) → Webhook and enable the events to receive.",
  callbackTitle: "OAuth callback URL",
  callbackHint: "Register it in the Zalo app → Official Account → General settings.",
  tokenTitle: "Connection state (token)",
  tokenStates: { none: "Not connected", ok: "Working", failed: "Token refresh failed" },
  tokenExpires: "Access token expires at",
  tokenRefreshed: "Last refreshed",
  tokenNeverRefreshed: "Never refreshed",
  tokenError: "Last error",
  tokenFailedHelp: "Messages to citizens are waiting. Reconnect the OA (button below) or paste a new refresh token.",
  shellAlert: "Zalo OA connection: the token refresh failed; messages to citizens are waiting.",
  shellAlertLink: "Reconnect the OA",
  shellAlerts: {
    webhook_signature:
      "Zalo webhook: {count, plural, one {# event} other {# events}} in a row were refused for a wrong signature " +
      "(check the OA Secret Key). Zalo disables a webhook that keeps failing.",
    webhook_unconfigured:
      "Zalo webhook: {count, plural, one {# event} other {# events}} arrived while the OA is not configured. Zalo " +
      "disables a webhook that keeps failing.",
    zbs_balance:
      "Zalo reports the ZBS balance spent: template messages are paused and retried every hour. Top up the Zalo " +
      "Cloud account.",
    zbs_development_mode:
      "ZBS development mode is on: template messages reach only the OA's administrators, not citizens.",
  },
  shellAlertsLink: "Open the Zalo OA connection page",
  devModeTitle: "ZBS development mode",
  devModeLabel: "Send template messages (ZBS) in development mode (mode: development)",
  devModeHint:
    "For go-live checks: Zalo delivers only to the OA's and the app's administrators; citizens receive nothing. Turn " +
    "it off for real operation.",
  devModeSave: "Save sending mode",
  devModeSaved: "ZBS sending mode saved.",
  connectTitle: "Connect the OA",
  connectOauth: "Connect through Zalo (OAuth v4 consent)",
  connectOauthHint: "Takes the OA admin to Zalo to grant access, then back here.",
  needSettings: "Save the App ID and App Secret before connecting.",
  refreshToken: "Refresh token",
  refreshTokenHint: "From Zalo's API Explorer (OA Access Token). It is exchanged for a new pair at once.",
  saveRefreshToken: "Save refresh token",
  refreshTokenSaved: "Refresh token saved and connected.",
  oauthConnected: "OA connected through Zalo.",
  oauthFailed: "Could not connect the OA: {reason}",
};
