// How large an upload may be. No imports: next.config.ts and server.ts read it as well as the
// upload code (lib/http/body-limits.ts).

const DEFAULT_MAX_BYTES = 10 * 1024 * 1024;

/** The largest accepted upload in bytes: BIRGE_UPLOAD_MAX_BYTES, default 10 MB. */
export function maxUploadBytes(): number {
  const configured = Number(process.env.BIRGE_UPLOAD_MAX_BYTES);
  return Number.isSafeInteger(configured) && configured > 0 ? configured : DEFAULT_MAX_BYTES;
}

/**
 * The most files one form sends at once: an observation's evidence (FORM_LIMITS.evidenceFiles)
 * and an answer's attachments (MAX_ATTACHMENTS) are both 10.
 */
export const MAX_FILES_PER_FORM = 10;
