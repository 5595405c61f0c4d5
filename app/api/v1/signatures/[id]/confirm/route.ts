import type { NextRequest } from "next/server";
import { getDb } from "@/db/client";
import { errorResponse, jsonError } from "@/lib/http/json-error";
import { isDomainError, loggable } from "@/lib/errors";
import { confirmSignature } from "@/lib/petitions/confirm-signature";
import { confirmAnswer, confirmedLocation, refusedLocation } from "@/lib/petitions/confirm-redirects";

/**
 * The "Confirm my signature" button posts here. A form post is answered with a redirect to
 * the petition (or back to the confirm page with the error); JSON with JSON.
 */
export async function POST(request: NextRequest, { params }: { params: Promise<{ id: string }> }) {
  const signatureId = Number((await params).id);
  const wantsJson = (request.headers.get("content-type") ?? "").includes("application/json");
  const body = wantsJson
    ? ((await request.json().catch(() => ({}))) as Record<string, unknown>)
    : Object.fromEntries((await request.formData().catch(() => new FormData())).entries());
  const token = typeof body.t === "string" ? body.t : "";
  try {
    const result = await confirmSignature({ db: getDb(), signatureId, token });
    if (wantsJson) return Response.json(confirmAnswer(result), { headers: { "cache-control": "no-store" } });
    return Response.redirect(new URL(confirmedLocation(result), request.url), 303);
  } catch (error) {
    if (wantsJson) return errorResponse(error);
    const code = isDomainError(error) ? error.message : "internal";
    if (!isDomainError(error)) console.error("[confirm] unexpected error:", loggable(error));
    return Response.redirect(new URL(refusedLocation(signatureId, token, code), request.url), 303);
  }
}

export function GET() {
  return jsonError("validation", "Confirm with the button on the page linked from your e-mail");
}
