import type { Messages } from "../vi";
import { api } from "./api";
import { core } from "./core";
import { dossiers } from "./dossiers";
import { notifications } from "./notifications";
import { events } from "./events";
import { procedures } from "./procedures";
import { sim } from "./sim";
import { zalo } from "./zalo";

export const en: Messages = {
  ...core,
  dossiers: dossiers,
  notifications: notifications,
  procedures: procedures,
  zalo: zalo,
  sim: sim,
  api: api,
  events: events,
};
