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

/**
 * Vietnamese catalogue, the source of every user-facing string, one file per domain.
 * en/index.ts mirrors its shape (the type checker enforces it).
 */
export const vi = {
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
