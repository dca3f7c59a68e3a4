import { eq, or } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { type Dossier, dossiers } from "@/db/schema";
import { normaliseDossierCode } from "@/lib/dossiers/chat-lookup";
import { sameSecret } from "@/lib/dossiers/public-lookup";
import { ConflictError, NotFoundError } from "@/lib/errors";

/** A citizen's way in: the dossier's code and the QR secret; a wrong or missing secret looks like a missing one. */
export async function lockDossierBySecret(tx: Tx, code: string, secret: string | null | undefined): Promise<Dossier> {
  if (!secret) throw new ConflictError("ratings.errors.noSecret");
  const wanted = normaliseDossierCode(code);
  const [d] =
    wanted && wanted.length <= 60
      ? await tx
          .select()
          .from(dossiers)
          .where(or(eq(dossiers.code, wanted), eq(dossiers.nationalCode, wanted)))
          .for("update")
      : [];
  if (!d || !sameSecret(secret, d.lookupSecret)) throw new NotFoundError("ratings.errors.notFound");
  return d;
}
