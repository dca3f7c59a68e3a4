export * from "./org";
export * from "./staff";
export * from "./security";
export * from "./audit";
export * from "./procedures";
export * from "./dossiers";
export * from "./zalo";
export * from "./zalo-events";
