"use server";
import { type FormState, runFormAction } from "@/lib/http/form-action";
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
  return runFormAction(fd, replyToConversation, { revalidate: path(fd), success: "Đã đưa tin trả lời vào hàng gửi." });
}
export async function noteAction(_prev: FormState, fd: FormData): Promise<FormState> {
  return runFormAction(fd, addNote, { revalidate: path(fd), success: "Đã thêm ghi chú." });
}
export async function assignAction(_prev: FormState, fd: FormData): Promise<FormState> {
  return runFormAction(fd, assignConversation, { revalidate: path(fd), success: "Đã phân công." });
}
export async function transferAction(_prev: FormState, fd: FormData): Promise<FormState> {
  return runFormAction(fd, transferConversation, { redirectTo: "/hoi-dap?transferred=1" });
}
export async function classifyAction(_prev: FormState, fd: FormData): Promise<FormState> {
  return runFormAction(fd, classifyConversation, { revalidate: path(fd), success: "Đã lưu phân loại." });
}
export async function resolveAction(_prev: FormState, fd: FormData): Promise<FormState> {
  return runFormAction(fd, resolveConversation, { revalidate: path(fd), success: "Đã kết thúc hội thoại." });
}
export async function retryAction(_prev: FormState, fd: FormData): Promise<FormState> {
  return runFormAction(fd, retryReply, { revalidate: path(fd), success: "Đã đưa tin vào hàng gửi lại." });
}
export async function faqAction(_prev: FormState, fd: FormData): Promise<FormState> {
  return runFormAction(fd, saveFaqEntry, { revalidate: path(fd), success: "Đã lưu câu hỏi vào trang hỏi đáp." });
}
