import { eq } from "drizzle-orm";
import { activities, files, type StoredFile } from "@/db/schema";
import type { Executor } from "@/db/client";
import type { Actor } from "@/lib/auth/actor";
import { isModerator, organizationRoleOf } from "@/lib/auth/permissions";
import { DomainError } from "@/lib/errors";
import { canViewActivity } from "@/lib/public-control/subject";

const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The file row if the actor may fetch it, else not_found (never forbidden, so the existence of a
 * private file is not revealed):
 * - a founding document: members of its organization and moderators;
 * - a file of an activity: anyone once the activity is public, only its subject while a draft;
 * - a file of an organization alone: its members and moderators;
 * - a file attached to nothing yet: its uploader.
 */
export async function loadFileForReading(options: { db: Executor; actor: Actor | null; fileId: string }): Promise<StoredFile> {
  const { db, actor, fileId } = options;
  const notFound = new DomainError("not_found", "notFound");
  if (!UUID_PATTERN.test(fileId)) throw notFound;
  const [file] = await db.select().from(files).where(eq(files.id, fileId));
  if (!file) throw notFound;
  const memberOrModerator = () => isModerator(actor) || (!!file.organizationId && organizationRoleOf(actor, file.organizationId) !== null);
  if (file.purpose === "founding_document") {
    if (memberOrModerator()) return file;
    throw notFound;
  }
  if (file.activityId) {
    const [activity] = await db
      .select({ state: activities.state, subjectType: activities.subjectType, subjectUserId: activities.subjectUserId, organizationId: activities.organizationId })
      .from(activities)
      .where(eq(activities.id, file.activityId));
    if (!activity) throw notFound;
    if (canViewActivity(actor, activity)) return file;
    throw notFound;
  }
  if (file.organizationId) {
    if (memberOrModerator()) return file;
    throw notFound;
  }
  if (actor && file.uploadedBy === actor.id) return file;
  throw notFound;
}
