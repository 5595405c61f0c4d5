import { agencyItemNotes, type AgencyItemNote } from "@/db/schema";
import type { Database } from "@/db/client";
import type { Actor } from "@/lib/auth/actor";
import { DomainError } from "@/lib/errors";
import { recordEvent } from "@/lib/events/record-event";
import { fieldErrorsOf } from "@/lib/validation/field-errors";
import { lockItemForWork } from "./item-source";
import { noteSchema, type NoteInput } from "./schema";
import { itemEntityId, type AgencyItemKind } from "./states";

/**
 * Staff leave an internal note on an item. Notes are the agency's own: shown on the dashboard
 * only, never on public pages or in the open-data API, and the event keeps no text of them.
 */
export async function addItemNote(options: {
  db: Database;
  actor: Actor | null;
  agencyId: string;
  kind: AgencyItemKind;
  itemId: string;
  input: NoteInput;
  now?: Date;
}): Promise<AgencyItemNote> {
  const { db, actor, agencyId, kind, itemId, now = new Date() } = options;
  return db.transaction(async (tx) => {
    await lockItemForWork(tx, actor, { agencyId, kind, itemId });
    const parsed = noteSchema.safeParse(options.input);
    if (!parsed.success) throw new DomainError("validation", "invalidInput", fieldErrorsOf(parsed.error));
    const [note] = await tx
      .insert(agencyItemNotes)
      .values({ itemKind: kind, itemId, agencyId, authorId: actor!.id, body: parsed.data.body, createdAt: now })
      .returning();
    await recordEvent(tx, {
      entityType: "agency_item",
      entityId: itemEntityId(kind, itemId),
      actorId: actor!.id,
      action: "note_added",
      data: { agencyId, noteId: note.id },
      occurredAt: now,
    });
    return note;
  });
}
