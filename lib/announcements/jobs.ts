import { getDb } from "@/db/client";
import { besideTheLoop } from "@/lib/worker/lane";
import type { WorkerJob } from "@/lib/worker/loop";
import { finishCompletedSends, recoverStuckRecipients, sendAnnouncementBatch } from "./send";
import { advanceBroadcasts, startDueAnnouncements } from "./start";
import { zaloAnnouncementTransport } from "./transport";

const STUCK_AFTER_MS = Number(process.env.ANNOUNCEMENTS_STUCK_MS) || 120_000;

/** Announcements: after the dossier jobs in the loop, the one-by-one sender beside it. */
export function announcementJobs(): WorkerJob[] {
  const transport = () => zaloAnnouncementTransport(getDb());
  return [
    { name: "announcements.start", everyMs: 1_000, runOnce: () => startDueAnnouncements(getDb()) },
    { name: "announcements.broadcast", runOnce: (workerId) => advanceBroadcasts(getDb(), workerId, transport()) },
    besideTheLoop("announcements.send", (workerId, signal) =>
      sendAnnouncementBatch(getDb(), workerId, signal, { transport: transport(), budgetMs: 1_000 }),
    ),
    {
      name: "announcements.housekeeping",
      everyMs: 5_000,
      async runOnce() {
        const r = await recoverStuckRecipients(getDb(), transport(), STUCK_AFTER_MS);
        return r.sent + r.requeued + (await finishCompletedSends(getDb()));
      },
    },
  ];
}
