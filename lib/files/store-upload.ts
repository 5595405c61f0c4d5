import { createHash } from "node:crypto";
import { files, type FilePurpose } from "@/db/schema";
import type { Executor } from "@/db/client";
import type { Actor } from "@/lib/auth/actor";
import { assertSignedIn } from "@/lib/auth/permissions";
import { DomainError } from "@/lib/errors";
import { detectFileType, type AcceptedMimeType } from "./detect-file-type";
import { sanitizeFileName } from "./file-name";
import { maxUploadBytes, writeBlob } from "./storage";

/** An upload checked and written to disk, not yet recorded in the database. */
export interface PreparedUpload {
  sha256: string;
  mimeType: AcceptedMimeType;
  size: number;
  originalName: string;
}

/** What a form's file input may hold: a File, or nothing chosen (browsers send an empty, nameless File). */
export function isChosenFile(value: unknown): value is File {
  return typeof File !== "undefined" && value instanceof File && (value.size > 0 || value.name !== "");
}

/**
 * Checks the size and the type (by content), then writes the bytes under their hash.
 * Refusals are validation errors on `field` ("file" unless told): fileEmpty, fileTooLarge, fileType.
 */
export async function prepareUpload(file: File, options: { field?: string } = {}): Promise<PreparedUpload> {
  const field = options.field ?? "file";
  const refuse = (key: string) => new DomainError("validation", key, { [field]: [key] });
  if (file.size === 0) throw refuse("fileEmpty");
  // Checked before reading, so an oversized upload is never held in memory twice.
  if (file.size > maxUploadBytes()) throw refuse("fileTooLarge");
  const bytes = new Uint8Array(await file.arrayBuffer());
  if (bytes.byteLength > maxUploadBytes()) throw refuse("fileTooLarge");
  const mimeType = detectFileType(bytes);
  if (!mimeType) throw refuse("fileType");
  const sha256 = createHash("sha256").update(bytes).digest("hex");
  await writeBlob(sha256, bytes);
  return { sha256, mimeType, size: bytes.byteLength, originalName: sanitizeFileName(file.name || "file", mimeType) };
}

/** Records a prepared upload; pass the transaction that attaches it so both commit together. */
export async function insertFileRow(
  tx: Executor,
  input: { prepared: PreparedUpload; uploadedBy: string; purpose: FilePurpose; activityId?: string | null; organizationId?: string | null; now?: Date },
): Promise<{ id: string }> {
  const [row] = await tx
    .insert(files)
    .values({
      sha256: input.prepared.sha256,
      mimeType: input.prepared.mimeType,
      size: input.prepared.size,
      originalName: input.prepared.originalName,
      uploadedBy: input.uploadedBy,
      purpose: input.purpose,
      activityId: input.activityId ?? null,
      organizationId: input.organizationId ?? null,
      ...(input.now ? { createdAt: input.now } : {}),
    })
    .returning({ id: files.id });
  return row;
}

/**
 * Stores one upload: size limit (BIRGE_UPLOAD_MAX_BYTES, 10 MB), type by content (JPEG, PNG,
 * WebP, PDF only), bytes on disk named by hash (identical content stored once), a row in
 * `files`. Only checks that someone is signed in: the caller, which attaches the file to an
 * activity or organization, checks that the actor may do so before calling.
 */
export async function storeUpload(options: {
  db: Executor;
  actor: Actor | null;
  file: File;
  purpose: FilePurpose;
  activityId?: string | null;
  organizationId?: string | null;
  field?: string;
  now?: Date;
}): Promise<{ id: string }> {
  const { db, actor, file, purpose } = options;
  assertSignedIn(actor);
  const prepared = await prepareUpload(file, { field: options.field });
  return insertFileRow(db, {
    prepared,
    uploadedBy: actor.id,
    purpose,
    activityId: options.activityId,
    organizationId: options.organizationId,
    now: options.now,
  });
}
