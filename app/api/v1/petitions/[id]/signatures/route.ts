import type { NextRequest } from "next/server";
import { getLocale } from "next-intl/server";
import { getDb } from "@/db/client";
import { currentActor } from "@/lib/auth/current-actor";
import { clientIp } from "@/lib/http/client-ip";
import { errorResponse, jsonError } from "@/lib/http/json-error";
import { isSameOrigin } from "@/lib/http/same-origin";
import { isLocale } from "@/lib/i18n/locales";
import { signatureFormSchema } from "@/lib/petitions/schema";
import { signPetition } from "@/lib/petitions/sign-petition";
import { fieldErrorsOf } from "@/lib/validation/field-errors";
import { serialNumberOf } from "@/lib/validation/numbers";

/** Sign a petition: what the sign form posts. 202 with the outcome, or a JSON error. */
export async function POST(request: NextRequest, { params }: { params: Promise<{ id: string }> }) {
  if (!isSameOrigin(request.headers)) return jsonError("forbidden", "Cross-site request refused");
  const number = serialNumberOf((await params).id);
  if (number === null) return jsonError("not_found", "No such petition");
  const body = (await request.json().catch(() => null)) as Record<string, unknown> | null;
  if (!body || typeof body !== "object") return jsonError("validation", "Send a JSON object");
  const parsed = signatureFormSchema.safeParse(body);
  if (!parsed.success) return jsonError("validation", "Some fields need attention", { fieldErrors: fieldErrorsOf(parsed.error) });
  const locale = await getLocale();
  try {
    const result = await signPetition({
      db: getDb(),
      actor: await currentActor(),
      petitionNumber: number,
      supportToken: typeof body.supportToken === "string" ? body.supportToken : undefined,
      input: parsed.data,
      ip: clientIp(request.headers),
      locale: isLocale(locale) ? locale : "kk",
    });
    return Response.json(result, { status: 202, headers: { "cache-control": "no-store" } });
  } catch (error) {
    return errorResponse(error);
  }
}
