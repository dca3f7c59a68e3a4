import type { Messages } from "../vi";

/** English labels for staff; chat texts and consent wording stay as shown to the citizen. */
export const privacy: Messages["privacy"] = {
  chat: {
    codeSent:
      "You shared the phone number {phone}. To confirm it is yours, a 6-digit code was sent to that number on " +
      'Zalo. Send it back in this chat as "XN 123456" within {minutes} minutes, or send ' +
      "\"XN '<dossier code> <secret>'\" with the secret printed on the receipt (after ?t= in the look-up link).",
    resendWait: 'A code was just sent. Please wait {seconds} seconds, then send "GUI LAI MA" for a new one.',
    dailyLimit: "This phone received too many codes today. Try again tomorrow or confirm with the receipt's secret.",
    confirmed:
      "Confirmed. This Zalo account is linked to {phone}: you will receive news of that phone's dossiers here and " +
      "may send the phone or ID number to list open dossiers.",
    alreadyConfirmed: "This Zalo account is already confirmed with {phone}.",
    wrongCode: "Wrong code. {left} attempts left.",
    locked: 'Too many wrong codes. Send "GUI LAI MA" for a new code, or confirm with the receipt\'s secret.',
    expired: 'The code has expired. Send "GUI LAI MA" for a new one.',
    noClaim: 'No phone is waiting for confirmation. Choose "Share information" in the OA menu first.',
    receiptMismatch: "The dossier code and secret do not match the phone you shared. {left} attempts left.",
    receiptLimited: "Too many attempts. Try again in {minutes} minutes.",
    withdrawn:
      "Zalo notifications stopped: {count} dossiers of the confirmed phone will no longer be notified on Zalo. " +
      "You can still look them up by receipt code.",
    withdrawNoPhone:
      "Noted: no more messages to this Zalo account. To stop notifications by phone number, confirm the phone " +
      "first or ask at the counter.",
  },
  consent: {
    zaloVersion: "zalo-2026-12",
    zaloShare:
      "I agree to share my name, phone number and address with the one-stop shop's Official Account to receive " +
      "dossier notifications and look-ups on Zalo (Personal Data Protection Law 91/2025/QH15).",
    counterVersion: "counter-2026-12",
    counter:
      'The citizen agrees to Zalo messages about this dossier; consent may be withdrawn any time by sending "HUY ' +
      'THONG BAO" to the OA or at the counter (Personal Data Protection Law 91/2025/QH15).',
  },
  dossier: {
    consentTitle: "Consent to Zalo notifications",
    channel: "Recorded through",
    channels: { counter: "At the counter", api: "Integration API", zalo: "Zalo share-info" },
    version: "Text version",
    text: "Text shown",
    withdrawnAt: "Consent withdrawn at {at} ({via})",
    withdrawnVia: { chat: "chat keyword", counter: "at the counter", zalo: "withdrawn on Zalo" },
    withdraw: "Stop Zalo notifications",
    withdrawConfirm: "The citizen asks to stop Zalo notifications for this dossier?",
    withdrawDone: "Zalo notifications stopped for this dossier.",
  },
};
