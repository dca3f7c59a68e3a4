// components/ui/button.tsx is a client module, so server pages cannot call its buttonClass(); same look for links.
const variants = {
  primary: "bg-brand-600 text-white hover:bg-brand-700",
  secondary: "border border-slate-400 bg-white text-slate-900 hover:bg-slate-100",
} as const;

export function linkButtonClass(variant: keyof typeof variants = "primary") {
  const base = "inline-flex items-center justify-center gap-2 rounded-md px-4 py-2 text-sm font-semibold";
  return `${base} ${variants[variant]}`;
}
