// Where uploaded bytes live: a folder on local disk, one blob per content hash.

import { randomUUID } from "node:crypto";
import { mkdir, rename, rm, stat, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { dataDir } from "@/db/client";

/** The uploads folder: BIRGE_UPLOADS_DIR, else "uploads" inside the data folder. */
export function uploadsDir(): string {
  if (process.env.BIRGE_UPLOADS_DIR) return path.resolve(process.env.BIRGE_UPLOADS_DIR);
  const data = dataDir();
  // An in-memory database has no folder of its own; keep uploads in the system temp folder.
  if (data.startsWith("memory://")) return path.join(os.tmpdir(), "birge-uploads");
  return path.join(path.resolve(data), "uploads");
}

export { maxUploadBytes } from "./upload-limits";

const SHA256_PATTERN = /^[0-9a-f]{64}$/;

/** The blob's path: <uploads>/<first two hex digits>/<sha256>. Refuses anything but a hash. */
export function blobPath(sha256: string): string {
  if (!SHA256_PATTERN.test(sha256)) throw new Error("Not a SHA-256 hex digest");
  return path.join(uploadsDir(), sha256.slice(0, 2), sha256);
}

/**
 * Writes the bytes under their hash unless a blob with that hash is already there. Written to a
 * temporary name in the same folder and renamed, so a reader never sees half a file.
 */
export async function writeBlob(sha256: string, bytes: Uint8Array): Promise<void> {
  const target = blobPath(sha256);
  const existing = await stat(target).catch(() => null);
  if (existing?.isFile() && existing.size === bytes.byteLength) return;
  await mkdir(path.dirname(target), { recursive: true });
  const temporary = `${target}.${randomUUID()}.tmp`;
  try {
    await writeFile(temporary, bytes, { flag: "wx", mode: 0o640 });
    await rename(temporary, target);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}
