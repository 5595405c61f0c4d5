import { z } from "zod";
import { plainString } from "@/lib/validation/text";
import { isDayString } from "@/lib/calendar/working-days";
import { RESPONSE_DECISIONS, type ResponseDecision } from "@/lib/petitions/states";
import { informationAnswerSchema, recommendationAnswerSchema, type InformationAnswerInput, type RecommendationAnswerInput } from "@/lib/public-control/schema";
import { RECOMMENDATION_DECISIONS, type RecommendationDecision } from "@/lib/public-control/states";
import { AGENCY_ITEM_KINDS, AGENCY_ITEM_STATUSES, TEMPLATE_KINDS, type AgencyItemKind } from "./states";

// Written once, used by the dashboard's forms and actions and by the domain functions. Messages
// are keys of the "validation" catalog, or of "agency.validation" for the ones only this area uses.

export const AGENCY_LIMITS = {
  reasons: 10_000,
  measure: 1_000,
  measures: 20,
  note: 4_000,
  templateTitle: 150,
  templateBody: 10_000,
  search: 200,
  place: 300,
} as const;

/** Browsers send line breaks as \r\n; count them as one character, as the counter does. */
const text = (min: number, max: number) =>
  plainString({ message: "required" })
    .transform((v) => v.replace(/\r\n?/g, "\n").trim())
    .pipe(z.string().min(min, min <= 1 ? "required" : "tooShort").max(max, "tooLong"));

/** A loose draft string: anything up to `max`, missing = "". Drafts are saved half-written. */
const draftText = (max: number) =>
  plainString()
    .optional()
    .transform((v) => (v ?? "").replace(/\r\n?/g, "\n"))
    .pipe(z.string().max(max, "tooLong"));

// ---------------------------------------------------------------------------------------------
// The inbox's filters, as they come from the URL.

export const INBOX_VIEWS = ["open", "all", ...AGENCY_ITEM_STATUSES] as const;
export type InboxView = (typeof INBOX_VIEWS)[number];
export const INBOX_SORTS = ["due", "due_desc", "received"] as const;
export type InboxSort = (typeof INBOX_SORTS)[number];

/** Unknown or malformed values fall back to the default instead of failing the page. */
const lenient = <T extends z.ZodType>(schema: T, fallback: z.infer<T>) => z.unknown().transform((v) => {
  const parsed = schema.safeParse(v);
  return parsed.success ? parsed.data : fallback;
});

export const inboxFiltersSchema = z.object({
  kind: lenient(z.enum(AGENCY_ITEM_KINDS).nullable(), null),
  view: lenient(z.enum(INBOX_VIEWS), "open"),
  /** "me", "unassigned", a staff member's user id, or null for anyone. */
  assignee: lenient(plainString().trim().min(1).max(100).nullable(), null),
  overdue: z.unknown().transform((v) => v === "1" || v === "on" || v === true),
  q: lenient(plainString().trim().max(AGENCY_LIMITS.search).transform((v) => v || null).nullable(), null),
  sort: lenient(z.enum(INBOX_SORTS), "due"),
  page: lenient(z.coerce.number().int().min(1).max(10_000), 1),
});
export type InboxFilters = z.infer<typeof inboxFiltersSchema>;

/** Parses URL search params (Next's object or URLSearchParams) into filters; never throws. */
export function parseInboxFilters(params: URLSearchParams | Record<string, string | string[] | undefined>): InboxFilters {
  const get = (key: string) => {
    if (params instanceof URLSearchParams) return params.get(key) ?? undefined;
    const value = params[key];
    return Array.isArray(value) ? value[0] : value;
  };
  return inboxFiltersSchema.parse({
    kind: get("kind") || null,
    view: get("view") || "open",
    assignee: get("assignee") || null,
    overdue: get("overdue"),
    q: get("q") || null,
    sort: get("sort") || "due",
    page: get("page") || 1,
  });
}

// ---------------------------------------------------------------------------------------------
// Drafts: saved as typed (loose), checked in full when submitted for approval or published.

export const petitionDraftSchema = z.object({
  decision: z.enum([...RESPONSE_DECISIONS, ""]).catch(""),
  reasons: draftText(AGENCY_LIMITS.reasons),
  measures: z
    .array(z.object({ text: draftText(AGENCY_LIMITS.measure), dueOn: draftText(10) }))
    .max(AGENCY_LIMITS.measures, "tooMany")
    .default([]),
});
/** A petition answer as it is being written. */
export type PetitionDraft = { decision: ResponseDecision | ""; reasons: string; measures: Array<{ text: string; dueOn: string }> };

const recommendationDraftSchema = z.object({
  decision: z.enum([...RECOMMENDATION_DECISIONS, ""]).catch(""),
  reasons: draftText(AGENCY_LIMITS.reasons),
  measures: draftText(AGENCY_LIMITS.reasons),
  dueOn: draftText(10),
});
export const finalDocumentDraftSchema = z.object({
  answers: z.record(plainString().max(100), recommendationDraftSchema).default({}),
});
/** Answers to a final document's recommendations as they are being written, by recommendation id. */
export type FinalDocumentDraft = {
  answers: Record<string, { decision: RecommendationDecision | ""; reasons: string; measures: string; dueOn: string }>;
};

export const INFORMATION_MODES = ["answer", "refuse"] as const;
export const informationDraftSchema = z.object({
  mode: z.enum([...INFORMATION_MODES, ""]).catch(""),
  answerText: draftText(AGENCY_LIMITS.reasons),
  refusalGround: draftText(AGENCY_LIMITS.reasons),
  /** Files uploaded with the draft (files table ids), attached to the answer when it is published. */
  attachmentIds: z.array(plainString().max(100)).max(10, "tooMany").default([]),
});
/** An information request's answer or refusal as it is being written. */
export type InformationDraft = { mode: "answer" | "refuse" | ""; answerText: string; refusalGround: string; attachmentIds: string[] };

export type DraftContent = PetitionDraft | FinalDocumentDraft | InformationDraft;

/** The loose schema of a kind's draft; a hearing has none (it is scheduled, not answered). */
export function draftSchemaFor(kind: AgencyItemKind) {
  switch (kind) {
    case "petition":
      return petitionDraftSchema;
    case "final_document":
      return finalDocumentDraftSchema;
    case "information_request":
      return informationDraftSchema;
    default:
      return null;
  }
}

/** The stored draft of a kind, read leniently (an empty draft when nothing fits). */
export function readDraft(kind: "petition", content: unknown): PetitionDraft;
export function readDraft(kind: "final_document", content: unknown): FinalDocumentDraft;
export function readDraft(kind: "information_request", content: unknown): InformationDraft;
export function readDraft(kind: AgencyItemKind, content: unknown): DraftContent;
export function readDraft(kind: AgencyItemKind, content: unknown): DraftContent {
  const schema = draftSchemaFor(kind);
  const parsed = schema?.safeParse(content ?? {});
  if (parsed?.success) return parsed.data as DraftContent;
  return (schema?.parse({}) ?? {}) as DraftContent;
}

// ---------------------------------------------------------------------------------------------
// Full answers, as published.

const day = plainString()
  .trim()
  .refine((v) => isDayString(v), "date");

/** A petition's answer: a decision, reasons, and planned measures with their dates. */
export const petitionAnswerSchema = z
  .object({
    decision: z.enum(RESPONSE_DECISIONS, { message: "choose" }),
    reasons: text(1, AGENCY_LIMITS.reasons),
    measures: z
      .array(z.object({ text: draftText(AGENCY_LIMITS.measure), dueOn: draftText(10) }))
      .max(AGENCY_LIMITS.measures, "tooMany")
      .default([])
      // Rows left entirely empty are the form's spare rows, not measures.
      .transform((rows) => rows.filter((row) => row.text.trim() || row.dueOn.trim()))
      .pipe(z.array(z.object({ text: text(1, AGENCY_LIMITS.measure), dueOn: day }))),
  })
  .superRefine((value, ctx) => {
    // Supporting a petition, fully or in part, commits the agency to something by a date.
    if (value.decision !== "not_supported" && value.measures.length === 0) {
      ctx.addIssue({ code: "custom", path: ["measures"], message: "measuresRequired" });
    }
  });
export type PetitionAnswerInput = z.infer<typeof petitionAnswerSchema>;

/**
 * Field errors of a petition answer, keyed as the form's field ids. Measures are numbered by
 * their row in the draft, so the spare empty rows the schema drops do not shift the numbering.
 */
export function checkPetitionAnswer(draft: PetitionDraft): { ok: true; answer: PetitionAnswerInput } | { ok: false; fieldErrors: Record<string, string[]> } {
  const parsed = petitionAnswerSchema.safeParse(draft);
  if (parsed.success) return { ok: true, answer: parsed.data };
  const fieldErrors: Record<string, string[]> = {};
  const kept = draft.measures.map((row, index) => ({ row, index })).filter(({ row }) => row.text.trim() || row.dueOn.trim());
  for (const issue of parsed.error.issues) {
    let key: string;
    if (issue.path[0] === "measures" && typeof issue.path[1] === "number") {
      key = `measures.${kept[issue.path[1]]?.index ?? issue.path[1]}.${String(issue.path[2] ?? "text")}`;
    } else {
      key = issue.path.map(String).join(".") || "_form";
    }
    (fieldErrors[key] ??= []).push(issue.message);
  }
  return { ok: false, fieldErrors };
}

/**
 * The answers to every still-unanswered recommendation, or field errors keyed
 * "answers.<recommendationId>.<field>". Publishing is refused while any one is unanswered.
 */
export function checkRecommendationAnswers(
  draft: FinalDocumentDraft,
  recommendationIds: readonly string[],
): { ok: true; answers: RecommendationAnswerInput[] } | { ok: false; fieldErrors: Record<string, string[]> } {
  const answers: RecommendationAnswerInput[] = [];
  const fieldErrors: Record<string, string[]> = {};
  for (const id of recommendationIds) {
    const given = draft.answers[id];
    if (!given || (!given.decision && !given.reasons.trim())) {
      fieldErrors[`answers.${id}.decision`] = ["answerEveryRecommendation"];
      continue;
    }
    const parsed = recommendationAnswerSchema.safeParse({
      recommendationId: id,
      decision: given.decision || undefined,
      reasons: given.reasons,
      measures: given.measures,
      dueOn: given.dueOn,
    });
    if (parsed.success) {
      answers.push(parsed.data);
      continue;
    }
    for (const issue of parsed.error.issues) (fieldErrors[`answers.${id}.${String(issue.path[0] ?? "decision")}`] ??= []).push(issue.message);
  }
  return Object.keys(fieldErrors).length ? { ok: false, fieldErrors } : { ok: true, answers };
}

/** An information request's answer or refusal on a legal ground. */
export function checkInformationAnswer(draft: InformationDraft): { ok: true; answer: InformationAnswerInput } | { ok: false; fieldErrors: Record<string, string[]> } {
  if (!draft.mode) return { ok: false, fieldErrors: { mode: ["choose"] } };
  const parsed = informationAnswerSchema.safeParse(
    draft.mode === "answer" ? { answerText: draft.answerText } : { refusalGround: draft.refusalGround },
  );
  if (parsed.success) return { ok: true, answer: parsed.data };
  // The shared schema reports a missing text on answerText; point at the field actually in use.
  return { ok: false, fieldErrors: { [draft.mode === "answer" ? "answerText" : "refusalGround"]: ["required"] } };
}

// ---------------------------------------------------------------------------------------------
// The rest of the dashboard's forms.

export const noteSchema = z.object({ body: text(1, AGENCY_LIMITS.note) });
export type NoteInput = z.infer<typeof noteSchema>;

export const assignSchema = z.object({
  /** Empty: take the item off everyone's desk. */
  assigneeId: plainString()
    .trim()
    .max(100)
    .optional()
    .transform((v) => v || null),
});

export const templateSchema = z.object({
  kind: z.enum(TEMPLATE_KINDS, { message: "choose" }),
  title: text(1, AGENCY_LIMITS.templateTitle),
  body: text(1, AGENCY_LIMITS.templateBody),
});
export type TemplateInput = z.infer<typeof templateSchema>;

/** The object's hearing on a final document: a day and a time in Almaty, and a place. */
export const hearingSchema = z.object({
  day,
  time: plainString()
    .trim()
    .regex(/^([01]\d|2[0-3]):[0-5]\d$/, "time"),
  place: text(1, AGENCY_LIMITS.place),
});
export type HearingInput = z.infer<typeof hearingSchema>;

/** The instant of a day and time on Almaty's clock (Kazakhstan keeps UTC+5 all year since 2024). */
export function almatyInstant(dayString: string, time: string): Date {
  return new Date(`${dayString}T${time}:00+05:00`);
}
