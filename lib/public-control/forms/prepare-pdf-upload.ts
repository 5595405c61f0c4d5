import { prepareUpload, type PreparedUpload } from "@/lib/files/store-upload";
import { invalidField } from "./lock-activity-for-form";

/**
 * Prepares the PDF a form may send in its "file" field (null when none came), refusing any
 * other kind of file with pdfOnly. Call it before the transaction: it reads the bytes.
 */
export async function preparePdfUpload(file: File | null | undefined): Promise<PreparedUpload | null> {
  if (!file) return null;
  const prepared = await prepareUpload(file, { field: "file" });
  if (prepared.mimeType !== "application/pdf") throw invalidField("file", "pdfOnly");
  return prepared;
}
