"use server";
import { type FormState, runFormAction } from "@/lib/auth/form-action";
import { assignConversation } from "@/lib/conversations/assign";
import { classifyConversation } from "@/lib/conversations/classify";
import { saveFaqEntry } from "@/lib/conversations/faq";
import { addNote } from "@/lib/conversations/note";
import { replyToConversation } from "@/lib/conversations/reply";
import { resolveConversation } from "@/lib/conversations/resolve";
import { retryReply } from "@/lib/conversations/retry";
import { transferConversation } from "@/lib/conversations/transfer";

const path = (fd: FormData) => `/hoi-dap/${String(fd.get("conversationId") ?? "")}`;

type Verb = Parameters<typeof runFormAction>[1];

/** An action on the conversation in the form: run the verb, refresh its page, say what was done. */
const onConversation = (verb: Verb, success: string) => async (_prev: FormState, fd: FormData) =>
  runFormAction(fd, verb, { revalidate: path(fd), success });

export const replyAction = onConversation(replyToConversation, "actions.replyQueued");
export const noteAction = onConversation(addNote, "actions.noteAdded");
export const assignAction = onConversation(assignConversation, "actions.assigned");
export async function transferAction(_prev: FormState, fd: FormData): Promise<FormState> {
  return runFormAction(fd, transferConversation, { redirectTo: "/hoi-dap?transferred=1" });
}
export const classifyAction = onConversation(classifyConversation, "actions.classified");
export const resolveAction = onConversation(resolveConversation, "actions.resolved");
export const retryAction = onConversation(retryReply, "actions.retryQueued");
export const faqAction = onConversation(saveFaqEntry, "actions.faqSaved");
