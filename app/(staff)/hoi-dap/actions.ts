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

export async function replyAction(_prev: FormState, fd: FormData): Promise<FormState> {
  return runFormAction(fd, replyToConversation, { revalidate: path(fd), success: "actions.replyQueued" });
}
export async function noteAction(_prev: FormState, fd: FormData): Promise<FormState> {
  return runFormAction(fd, addNote, { revalidate: path(fd), success: "actions.noteAdded" });
}
export async function assignAction(_prev: FormState, fd: FormData): Promise<FormState> {
  return runFormAction(fd, assignConversation, { revalidate: path(fd), success: "actions.assigned" });
}
export async function transferAction(_prev: FormState, fd: FormData): Promise<FormState> {
  return runFormAction(fd, transferConversation, { redirectTo: "/hoi-dap?transferred=1" });
}
export async function classifyAction(_prev: FormState, fd: FormData): Promise<FormState> {
  return runFormAction(fd, classifyConversation, { revalidate: path(fd), success: "actions.classified" });
}
export async function resolveAction(_prev: FormState, fd: FormData): Promise<FormState> {
  return runFormAction(fd, resolveConversation, { revalidate: path(fd), success: "actions.resolved" });
}
export async function retryAction(_prev: FormState, fd: FormData): Promise<FormState> {
  return runFormAction(fd, retryReply, { revalidate: path(fd), success: "actions.retryQueued" });
}
export async function faqAction(_prev: FormState, fd: FormData): Promise<FormState> {
  return runFormAction(fd, saveFaqEntry, { revalidate: path(fd), success: "actions.faqSaved" });
}
