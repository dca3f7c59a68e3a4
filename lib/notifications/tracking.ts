/** tracking_id sent to Zalo: constant for every attempt of one notification (≤ 48 characters). */
export function trackingIdOf(notificationId: number): string {
  return `n${notificationId}`;
}

export function notificationIdFromTracking(trackingId: string | null | undefined): number | null {
  const m = /^n(\d{1,15})$/.exec(trackingId ?? "");
  return m ? Number(m[1]) : null;
}
