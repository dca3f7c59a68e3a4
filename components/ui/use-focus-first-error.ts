"use client";
import { type RefObject, useEffect } from "react";

/**
 * After the server refuses a form, move focus to its first field in error, so the keyboard user lands on what to
 * fix and a screen reader reads its message. The forms use noValidate: the server's Vietnamese messages replace
 * the browser's own bubbles, which speak the browser's language.
 */
export function useFocusFirstError(
  form: RefObject<HTMLFormElement | null>,
  state: { fieldErrors?: Record<string, string> },
) {
  useEffect(() => {
    if (!state.fieldErrors || !Object.keys(state.fieldErrors).length) return;
    const first = form.current?.querySelector<HTMLElement>('[aria-invalid="true"]');
    first?.focus();
  }, [form, state]);
}
