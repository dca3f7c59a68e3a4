export { vi } from "./vi/index";

export type Widen<T> = T extends string ? string : { [K in keyof T]: Widen<T[K]> };
export type Messages = Widen<typeof import("./vi/index").vi>;
