"use server";

import { revalidatePath } from "next/cache";
import { getDb } from "@/db/client";
import { currentActor } from "@/lib/auth/current-actor";
import { isChosenFile } from "@/lib/files/store-upload";
import { maxUploadBytes } from "@/lib/files/storage";
import { publishHearingProtocol } from "@/lib/public-control/forms/publish-hearing-protocol";
import { scheduleHearing } from "@/lib/public-control/forms/schedule-hearing";
import { hearingProtocolSchema, hearingSchema } from "@/lib/public-control/forms/schema";
import { fieldErrorsOf } from "@/lib/validation/field-errors";
import { formValues, refused, type FormState } from "../_shared/form-state";

function revalidate() {
  revalidatePath("/activities/[number]/forms/hearings", "page");
}

export async function scheduleHearingAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const values = formValues(formData, ["kind", "startsAt", "place", "videoUrl", "agenda"]);
  const parsed = hearingSchema.safeParse(values);
  if (!parsed.success) return { values, fieldErrors: fieldErrorsOf(parsed.error) };
  try {
    await scheduleHearing({ db: getDb(), actor: await currentActor(), activityId: String(formData.get("activityId") ?? ""), input: parsed.data });
  } catch (error) {
    return refused(error, values);
  }
  revalidate();
  return { notice: "hearingScheduled", values: {} };
}

export async function publishProtocolAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const values = formValues(formData, ["protocol"]);
  const parsed = hearingProtocolSchema.safeParse(values);
  if (!parsed.success) return { values, fieldErrors: fieldErrorsOf(parsed.error) };
  const file = formData.get("file");
  try {
    await publishHearingProtocol({
      db: getDb(),
      actor: await currentActor(),
      hearingId: String(formData.get("hearingId") ?? ""),
      input: parsed.data,
      file: isChosenFile(file) ? file : null,
    });
  } catch (error) {
    return refused(error, values, { megabytes: Math.floor(maxUploadBytes() / 1024 / 1024) });
  }
  revalidate();
  return { notice: "protocolPublished", values };
}
