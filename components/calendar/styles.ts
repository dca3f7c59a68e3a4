// The look of components/ui/button.tsx for links and plain buttons rendered on the server
// (that module is a client module, so its helper cannot be called here).
const base = "inline-flex items-center justify-center gap-2 rounded-md px-4 py-2 text-sm font-semibold";
export const primaryLinkClass = `${base} bg-brand-600 text-white hover:bg-brand-700`;
export const secondaryLinkClass = `${base} border border-slate-400 bg-white text-slate-900 hover:bg-slate-100`;
