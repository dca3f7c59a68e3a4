import { api } from "./api";
import { core } from "./core";
import { dossiers } from "./dossiers";
import { notifications } from "./notifications";
import { events } from "./events";
import { procedures } from "./procedures";
import { sim } from "./sim";
import { zalo } from "./zalo";

/**
 * Vietnamese catalogue, the source of every user-facing string, one file per domain.
 * en/index.ts mirrors its shape (the type checker enforces it).
 */
export const vi = {
  ...core,
  dossiers: dossiers,
  notifications: notifications,
  procedures: procedures,
  zalo: zalo,
  sim: sim,
  api: api,
  events: events,
};
