import { notificationJobs } from "@/lib/notifications/jobs";
import type { WorkerJob } from "@/lib/worker/loop";

/**
 * Every background job of the portal, for `npm run worker` and the embedded worker. A domain with background work
 * adds its jobs here, so that lib/worker knows no domain.
 */
export async function loadJobs(): Promise<WorkerJob[]> {
  const jobs: WorkerJob[] = [];
  jobs.push(...notificationJobs());
  jobs.push((await import("@/lib/zalo/token-job")).zaloTokenKeepAliveJob());
  jobs.push(...(await import("@/lib/zalo-webhook/job")).zaloEventsJobs());
  jobs.push(...(await import("@/lib/announcements/jobs")).announcementJobs());
  jobs.push(...(await import("@/lib/followers/jobs")).followerJobs());
  jobs.push(...(await import("@/lib/conversations/job")).conversationJobs());
  jobs.push(...(await import("@/lib/chat-flows/jobs")).chatFlowJobs());
  jobs.push(...(await import("@/lib/home-support/jobs")).homeSupportJobs());
  jobs.push(...(await import("@/lib/housekeeping/jobs")).housekeepingJobs());
  return jobs;
}
