/** The page's path, set by proxy.ts on every staff page request (replacing any copy a client sent). */
export const PATH_HEADER = "x-motcua-path";
export const PASSWORD_CHANGE_PATH = "/account";
