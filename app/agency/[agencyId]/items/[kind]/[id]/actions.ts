"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getLocale } from "next-intl/server";
import { getDb } from "@/db/client";
import { addItemNote } from "@/lib/agency/add-item-note";
import { approveAnswer } from "@/lib/agency/approve-answer";
import { assignItem } from "@/lib/agency/assign-item";
import { draftFromForm } from "@/lib/agency/draft-form";
import { publishAnswer } from "@/lib/agency/publish-answer";
import { returnAnswer } from "@/lib/agency/return-answer";
import { saveAnswerDraft } from "@/lib/agency/save-answer-draft";
import { scheduleHearing } from "@/lib/agency/schedule-hearing";
import { assignSchema, hearingSchema, noteSchema } from "@/lib/agency/schema";
import { isAgencyItemKind, type AgencyItemKind } from "@/lib/agency/states";
import { submitAnswer } from "@/lib/agency/submit-answer";
import { currentActor } from "@/lib/auth/current-actor";
import { isChosenFile } from "@/lib/files/store-upload";
import { fieldErrorsOf } from "@/lib/validation/field-errors";
import { almatyTime, formValues, refused, type ItemFormState } from "./form-state";

// Thin: read the form, call the domain function (which checks who may do it), map the result.

const text = (form: FormData, name: string) => String(form.get(name) ?? "");

function targetOf(form: FormData): { agencyId: string; kind: AgencyItemKind; itemId: string } | null {
  const kind = text(form, "kind");
  const agencyId = text(form, "agencyId");
  const itemId = text(form, "itemId");
  if (!isAgencyItemKind(kind) || !agencyId || !itemId) return null;
  return { agencyId, kind, itemId };
}

const itemPath = (target: { agencyId: string; kind: string; itemId: string }) => `/agency/${target.agencyId}/items/${target.kind}/${target.itemId}`;

function revalidateItem(target: { agencyId: string; kind: string; itemId: string }) {
  revalidatePath(itemPath(target));
  revalidatePath(`/agency/${target.agencyId}`);
}

const INVALID: ItemFormState = { message: "invalidInput" };

/** Called by the editor after each pause in typing: saves the draft, nothing else, no page refresh. */
export async function autosaveDraftAction(form: FormData): Promise<ItemFormState> {
  const target = targetOf(form);
  if (!target) return INVALID;
  try {
    const saved = await saveAnswerDraft({ db: getDb(), actor: await currentActor(), ...target, content: draftFromForm(target.kind, form) });
    return { saved: true, status: saved.status, savedAt: almatyTime(saved.draft.updatedAt, await getLocale()), at: Date.now() };
  } catch (error) {
    return refused(error);
  }
}

/**
 * The editor's buttons (name="intent"): save, submit for approval, approve, return for changes,
 * publish. Each saves what is on the screen first, so the answer acted on is the one shown.
 */
export async function draftFormAction(_previous: ItemFormState, form: FormData): Promise<ItemFormState> {
  const target = targetOf(form);
  if (!target) return INVALID;
  const intent = text(form, "intent");
  const db = getDb();
  const actor = await currentActor();
  const locale = await getLocale();
  const attachments = form.getAll("attachments").filter(isChosenFile);
  let savedAt: string | undefined;
  let status;
  try {
    const saved = await saveAnswerDraft({ db, actor, ...target, content: draftFromForm(target.kind, form), newAttachments: attachments });
    savedAt = almatyTime(saved.draft.updatedAt, locale);
    status = saved.status;
    switch (intent) {
      case "submit":
        status = (await submitAnswer({ db, actor, ...target })).status;
        break;
      case "approve":
        status = (await approveAnswer({ db, actor, ...target })).status;
        break;
      case "return":
        status = (await returnAnswer({ db, actor, ...target, note: text(form, "returnNote") })).status;
        break;
      case "publish":
        await publishAnswer({ db, actor, ...target });
        status = "published" as const;
        break;
    }
  } catch (error) {
    if (savedAt) revalidateItem(target);
    return refused(error, { savedAt, status });
  }
  revalidateItem(target);
  if (intent === "publish") {
    revalidatePath("/petitions", "layout");
    revalidatePath("/activities", "layout");
    redirect(`${itemPath(target)}?notice=published`);
  }
  const notice = { submit: "submitted", approve: "approved", return: "returned" }[intent] ?? "saved";
  return { saved: true, notice, status, savedAt, at: Date.now() };
}

export async function assignAction(_previous: ItemFormState, form: FormData): Promise<ItemFormState> {
  const target = targetOf(form);
  const parsed = assignSchema.safeParse({ assigneeId: text(form, "assigneeId") });
  if (!target || !parsed.success) return INVALID;
  try {
    await assignItem({ db: getDb(), actor: await currentActor(), ...target, assigneeId: parsed.data.assigneeId });
  } catch (error) {
    return refused(error);
  }
  revalidateItem(target);
  return { saved: true, notice: parsed.data.assigneeId ? "assigned" : "unassigned", at: Date.now() };
}

export async function addNoteAction(_previous: ItemFormState, form: FormData): Promise<ItemFormState> {
  const target = targetOf(form);
  if (!target) return INVALID;
  const values = formValues(form, ["body"]);
  const parsed = noteSchema.safeParse(values);
  if (!parsed.success) return { fieldErrors: fieldErrorsOf(parsed.error), values, at: Date.now() };
  try {
    await addItemNote({ db: getDb(), actor: await currentActor(), ...target, input: parsed.data });
  } catch (error) {
    return refused(error, { values });
  }
  revalidateItem(target);
  return { saved: true, notice: "noteAdded", at: Date.now() };
}

export async function scheduleHearingAction(_previous: ItemFormState, form: FormData): Promise<ItemFormState> {
  const target = targetOf(form);
  if (!target || target.kind !== "hearing") return INVALID;
  const values = formValues(form, ["day", "time", "place"]);
  const parsed = hearingSchema.safeParse(values);
  if (!parsed.success) return { fieldErrors: fieldErrorsOf(parsed.error), values, at: Date.now() };
  try {
    await scheduleHearing({ db: getDb(), actor: await currentActor(), agencyId: target.agencyId, activityId: target.itemId, input: parsed.data });
  } catch (error) {
    return refused(error, { values });
  }
  revalidateItem(target);
  revalidatePath("/activities", "layout");
  redirect(`${itemPath(target)}?notice=scheduled`);
}
