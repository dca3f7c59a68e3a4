"use client";
import { useFormStatus } from "react-dom";
import type { ButtonHTMLAttributes } from "react";
import { type ButtonVariant, buttonClass } from "./button-class";

export { buttonClass };

export function SubmitButton({
  children,
  pendingLabel,
  variant = "primary",
  disabled,
  ...rest
}: ButtonHTMLAttributes<HTMLButtonElement> & { pendingLabel?: string; variant?: ButtonVariant }) {
  const { pending } = useFormStatus();
  return (
    <button type="submit" disabled={pending || disabled} aria-busy={pending} className={buttonClass(variant)} {...rest}>
      {pending && pendingLabel ? pendingLabel : children}
    </button>
  );
}
