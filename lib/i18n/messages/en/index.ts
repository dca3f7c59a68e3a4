import type { Messages } from "../vi";
import { api } from "./api";
import { calendar } from "./calendar";
import { core } from "./core";
import { dossiers } from "./dossiers";
import { notifications } from "./notifications";
import { sim } from "./sim";
import { zalo } from "./zalo";
import { events } from "./events";
import { procedures } from "./procedures";
import { announcements } from "./announcements";

export const en: Messages = {
  ...core,
  dossiers: dossiers,
  notifications: notifications,
  calendar: calendar,
  zalo: zalo,
  sim: sim,
  procedures: procedures,
  api: api,
  events: events,
  announcements: announcements,
};
