import type { Messages } from "../vi";
import { core } from "./core";

export const en: Messages = {
  ...core,
};
