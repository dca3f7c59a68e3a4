"use client";
import { useFormStatus } from "react-dom";
import type { ButtonHTMLAttributes } from "react";

const variants = {
  primary: "bg-brand-600 text-white hover:bg-brand-700 disabled:bg-slate-400",
  secondary: "border border-slate-400 bg-white text-slate-900 hover:bg-slate-100",
  danger: "bg-red-700 text-white hover:bg-red-800",
} as const;

export function buttonClass(variant: keyof typeof variants = "primary") {
  return `inline-flex items-center justify-center gap-2 rounded-md px-4 py-2 text-sm font-semibold ${variants[variant]}`;
}

export function SubmitButton({ children, pendingLabel, variant = "primary", ...rest }: ButtonHTMLAttributes<HTMLButtonElement> & { pendingLabel?: string; variant?: keyof typeof variants }) {
  const { pending } = useFormStatus();
  return (
    <button type="submit" disabled={pending} aria-busy={pending} className={buttonClass(variant)} {...rest}>
      {pending && pendingLabel ? pendingLabel : children}
    </button>
  );
}
