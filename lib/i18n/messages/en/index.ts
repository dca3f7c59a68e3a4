import type { Messages } from "../vi";
import { api } from "./api";
import { core } from "./core";
import { sim } from "./sim";
import { zalo } from "./zalo";

export const en: Messages = {
  ...core,
  zalo: zalo,
  sim: sim,
  api: api,
};
