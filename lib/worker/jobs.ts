import { notificationJobs } from "@/lib/notifications/jobs";
import type { WorkerJob } from "./loop";

/** Every background job of the portal. A domain with background work adds its job here. */
export async function loadJobs(): Promise<WorkerJob[]> {
  const jobs: WorkerJob[] = [];
  jobs.push(...notificationJobs());
  jobs.push((await import("@/lib/zalo/token-job")).zaloTokenKeepAliveJob());
  jobs.push((await import("@/lib/events/job")).zaloEventsJob());
  jobs.push(...(await import("@/lib/announcements/jobs")).announcementJobs());
  jobs.push(...(await import("@/lib/conversations/job")).conversationJobs());
  jobs.push(...(await import("@/lib/chat-flows/jobs")).chatFlowJobs());
  jobs.push(...(await import("./housekeeping")).housekeepingJobs());
  return jobs;
}
