import { bigint, index, pgTable, text, timestamp } from "drizzle-orm/pg-core";
import { users } from "./auth";
import { activities } from "./activities";
import { organizations } from "./organizations";

/** Why a file was uploaded; decides who may fetch it (see lib/files/load-file-for-reading.ts). */
export const FILE_PURPOSES = [
  "evidence",
  "founding_document",
  "draft_act",
  "protocol",
  "information_answer",
  "implementation_evidence",
  "final_document",
] as const;
export type FilePurpose = (typeof FILE_PURPOSES)[number];

/** Types detected from the content (mirrors lib/files/detect-file-type.ts ACCEPTED_MIME_TYPES). */
export const FILE_MIME_TYPES = ["image/jpeg", "image/png", "image/webp", "application/pdf"] as const;

/**
 * One uploaded file. The bytes live on disk under the uploads folder, named by their SHA-256,
 * so identical uploads share one blob while each upload keeps its own row and permissions.
 */
export const files = pgTable(
  "files",
  {
    id: text("id").primaryKey().$defaultFn(() => crypto.randomUUID()),
    sha256: text("sha256").notNull(),
    mimeType: text("mime_type", { enum: FILE_MIME_TYPES }).notNull(),
    size: bigint("size", { mode: "number" }).notNull(),
    /** The uploader's name for it, cleaned; a label only, never a path. */
    originalName: text("original_name").notNull(),
    uploadedBy: text("uploaded_by").notNull().references(() => users.id),
    purpose: text("purpose", { enum: FILE_PURPOSES }).notNull(),
    activityId: text("activity_id").references(() => activities.id),
    organizationId: text("organization_id").references(() => organizations.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("files_sha256_idx").on(t.sha256),
    index("files_activity_idx").on(t.activityId),
    index("files_organization_idx").on(t.organizationId),
  ],
);

export type StoredFile = typeof files.$inferSelect;
