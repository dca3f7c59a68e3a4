import type { Messages } from "../vi";
import { api } from "./api";
import { core } from "./core";

export const en: Messages = {
  ...core,
  api: api,
};
