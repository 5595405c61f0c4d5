import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import { Readable } from "node:stream";
import { getDb } from "@/db/client";
import { currentActor } from "@/lib/auth/current-actor";
import { isDomainError, loggable } from "@/lib/errors";
import { loadFileForReading } from "@/lib/files/load-file-for-reading";
import { fileResponseHeaders } from "@/lib/files/response-headers";
import { blobPath } from "@/lib/files/storage";
import { jsonError } from "@/lib/http/json-error";

export const dynamic = "force-dynamic";

/** An uploaded file, to whoever may see it (lib/files/load-file-for-reading.ts); 404 for anyone else. */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  let file;
  try {
    file = await loadFileForReading({ db: getDb(), actor: await currentActor(), fileId: id });
  } catch (error) {
    if (isDomainError(error)) return jsonError(error.code, error.message);
    console.error("[files] lookup failed:", loggable(error));
    return jsonError("internal", "Internal error");
  }
  const headers = fileResponseHeaders(file);
  if (request.headers.get("if-none-match") === headers.ETag) {
    const notModified: Record<string, string> = { ...headers };
    delete notModified["Content-Length"];
    return new Response(null, { status: 304, headers: notModified });
  }
  const location = blobPath(file.sha256);
  const onDisk = await stat(location).catch(() => null);
  if (!onDisk?.isFile()) {
    console.error(`[files] blob missing for file ${file.id}`);
    return jsonError("not_found", "notFound");
  }
  const body = Readable.toWeb(createReadStream(location)) as ReadableStream<Uint8Array>;
  return new Response(body, { status: 200, headers });
}
