import { z } from "zod";
import { plainString } from "@/lib/validation/text";
import { DISCUSSION_COMMENT_KINDS, HEARING_KINDS, PROPOSAL_OUTCOMES } from "@/db/schema/activity-forms";
import { isDayString } from "@/lib/calendar/working-days";

// Written once, used by the form pages (safeParse in the actions) and by the domain functions.
// Messages are keys of the "validation" catalog, or of "activityForms.validation" for the rest.

/** Browsers send line breaks as \r\n; count them as one character. */
const text = (min: number, max: number) =>
  plainString({ message: "required" })
    .transform((v) => v.replace(/\r\n?/g, "\n").trim())
    .pipe(
      z.string().superRefine((value, context) => {
        // An empty field is "required", not "too short".
        if (!value) context.addIssue({ code: "custom", message: "required" });
        else if (value.length < min) context.addIssue({ code: "custom", message: "tooShort" });
        else if (value.length > max) context.addIssue({ code: "custom", message: "tooLong" });
      }),
    );

/** An optional text: empty becomes null. */
const optionalText = (max: number) =>
  plainString()
    .optional()
    .nullable()
    .transform((v) => (v ?? "").replace(/\r\n?/g, "\n").trim())
    .pipe(z.string().max(max, "tooLong"))
    .transform((v) => v || null);

const day = plainString({ message: "date" }).trim().refine(isDayString, "date");

export const FORM_LIMITS = {
  place: 300,
  observation: 5000,
  evidenceFiles: 10,
  title: 300,
  draftActText: 200_000,
  clause: 100,
  quotedText: 5000,
  expertComment: 5000,
  recommendation: 3000,
  sectionHeading: 300,
  sectionBody: 20_000,
  sections: 200,
  commentBody: 3000,
  proposedText: 5000,
  reportReason: 500,
  hideReason: 1000,
  summary: 20_000,
  agenda: 5000,
  protocol: 100_000,
} as const;

export const observationSchema = z.object({
  observedOn: day,
  place: text(2, FORM_LIMITS.place),
  text: text(10, FORM_LIMITS.observation),
});
export type ObservationInput = z.input<typeof observationSchema>;

export const draftActSchema = z.object({
  title: text(3, FORM_LIMITS.title),
  text: optionalText(FORM_LIMITS.draftActText),
});
export type DraftActInput = z.input<typeof draftActSchema>;

export const expertiseCommentSchema = z.object({
  clause: text(1, FORM_LIMITS.clause),
  quotedText: optionalText(FORM_LIMITS.quotedText),
  comment: text(10, FORM_LIMITS.expertComment),
  recommendation: optionalText(FORM_LIMITS.recommendation),
});
export type ExpertiseCommentInput = z.input<typeof expertiseCommentSchema>;

export const discussionSectionSchema = z.object({
  heading: plainString()
    .transform((v) => v.trim())
    .pipe(z.string().max(FORM_LIMITS.sectionHeading, "tooLong")),
  body: text(1, FORM_LIMITS.sectionBody),
});
export type DiscussionSectionInput = z.infer<typeof discussionSectionSchema>;

/**
 * A discussion as the subject opens it: the sections given one by one, or a pasted text that
 * is split into sections (see split-draft-text.ts). One of the two is required.
 */
export const openDiscussionSchema = z
  .object({
    title: text(3, FORM_LIMITS.title),
    opensOn: day,
    closesOn: day,
    text: optionalText(FORM_LIMITS.draftActText),
    sections: z.array(discussionSectionSchema).max(FORM_LIMITS.sections, "tooManySections").optional(),
  })
  .superRefine((value, context) => {
    if (isDayString(value.opensOn) && isDayString(value.closesOn) && value.closesOn < value.opensOn) {
      context.addIssue({ code: "custom", path: ["closesOn"], message: "closesBeforeOpens" });
    }
    if (!value.text && !value.sections?.length) context.addIssue({ code: "custom", path: ["text"], message: "required" });
  });
export type OpenDiscussionInput = z.input<typeof openDiscussionSchema>;

export const discussionCommentSchema = z
  .object({
    kind: z.enum(DISCUSSION_COMMENT_KINDS, { message: "choose" }),
    body: text(2, FORM_LIMITS.commentBody),
    proposedText: optionalText(FORM_LIMITS.proposedText),
  })
  .superRefine((value, context) => {
    if (value.kind === "proposal" && !value.proposedText) {
      context.addIssue({ code: "custom", path: ["proposedText"], message: "proposedTextRequired" });
    }
  })
  .transform((value) => ({ ...value, proposedText: value.kind === "proposal" ? value.proposedText : null }));
export type DiscussionCommentInput = z.input<typeof discussionCommentSchema>;

export const reportCommentSchema = z.object({ reason: text(3, FORM_LIMITS.reportReason) });
export const hideCommentSchema = z.object({ reason: text(3, FORM_LIMITS.hideReason) });

export const discussionSummarySchema = z.object({
  summary: text(10, FORM_LIMITS.summary),
  /** Proposal id → what was done with it; proposals left out keep no outcome. */
  outcomes: z.record(plainString(), z.enum(PROPOSAL_OUTCOMES, { message: "choose" })).optional().default({}),
});
export type DiscussionSummaryInput = z.input<typeof discussionSummarySchema>;

const LOCAL_DATE_TIME = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})(?::\d{2})?$/;

/** A date and time as an `<input type="datetime-local">` sends it: "2026-03-10T10:00". */
export function isLocalDateTime(value: string): boolean {
  const match = LOCAL_DATE_TIME.exec(value);
  return !!match && isDayString(match[1]) && Number(match[2]) < 24 && Number(match[3]) < 60;
}

export const hearingSchema = z
  .object({
    kind: z.enum(HEARING_KINDS, { message: "choose" }),
    /** Local time in Almaty, as the form's datetime-local control sends it. */
    startsAt: plainString({ message: "dateTime" }).trim().refine(isLocalDateTime, "dateTime"),
    place: optionalText(FORM_LIMITS.place),
    videoUrl: plainString()
      .optional()
      .nullable()
      .transform((v) => (v ?? "").trim() || null)
      .pipe(z.url({ protocol: /^https$/, hostname: z.regexes.domain, message: "httpsUrl" }).max(500, "tooLong").nullable()),
    agenda: text(10, FORM_LIMITS.agenda),
  })
  .superRefine((value, context) => {
    if (!value.place && !value.videoUrl) context.addIssue({ code: "custom", path: ["place"], message: "placeOrVideo" });
  });
export type HearingInput = z.input<typeof hearingSchema>;

export const hearingProtocolSchema = z.object({ protocol: optionalText(FORM_LIMITS.protocol) });
