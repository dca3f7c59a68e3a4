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
import { desk } from "./desk";
import { ratings } from "./ratings";
import { reports } from "./reports";
import { conversations } from "./conversations";
import { homeSupport } from "./home-support";
import { announcements } from "./announcements";
import { privacy } from "./privacy";

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
  desk: desk,
  ratings: ratings,
  reports: reports,
  conversations: conversations,
  homeSupport: homeSupport,
  announcements: announcements,
  privacy: privacy,
};
