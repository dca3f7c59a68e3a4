import { buildPgliteTemplate, testDbKind } from "./db/testing";

export default async function setup() {
  if (testDbKind() === "pglite") await buildPgliteTemplate();
}
