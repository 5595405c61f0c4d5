import { z } from "zod";
import { plainString, searchText } from "@/lib/validation/text";
import { isDayString } from "@/lib/calendar/working-days";
import { ACTIVITY_FORMS, IMPLEMENTATION_STATES, PUBLIC, RECOMMENDATION_DECISIONS } from "./states";

// Written once, used by the forms and by the actions and API (safeParse). Messages are keys of
// the "validation" catalog, or of "activities.validation" for the ones only this area uses.

/** Browsers send line breaks as \r\n; count them as one character, as the counter does. */
const text = (min: number, max: number) =>
  plainString({ message: "required" })
    .transform((v) => v.replace(/\r\n?/g, "\n").trim())
    .pipe(z.string().min(min, min <= 1 ? "required" : "tooShort").max(max, "tooLong"));

const optionalText = (max: number) =>
  plainString()
    .optional()
    .transform((v) => v?.replace(/\r\n?/g, "\n").trim() || null)
    .pipe(z.string().max(max, "tooLong").nullable());

const day = plainString({ message: "date" })
  .trim()
  .refine((v) => isDayString(v), "date");

export const ACTIVITY_LIMITS = {
  title: 150,
  subjectMatter: 3000,
  goals: 3000,
  teamName: 120,
  teamRole: 120,
  declaration: 2000,
  question: 3000,
  factsFound: 20000,
  recommendation: 3000,
  recommendations: 50,
  answer: 10000,
  note: 3000,
} as const;

export const activityFormSchema = z
  .object({
    title: text(10, ACTIVITY_LIMITS.title),
    subjectMatter: text(20, ACTIVITY_LIMITS.subjectMatter),
    goals: text(20, ACTIVITY_LIMITS.goals),
    agencyId: plainString({ message: "chooseAgency" }).trim().min(1, "chooseAgency"),
    /** Empty: the signed-in citizen acts alone; otherwise an organization they are a member of. */
    organizationId: plainString()
      .trim()
      .optional()
      .transform((v) => v || null),
    forms: z.array(z.enum(ACTIVITY_FORMS, { message: "chooseForm" }), { message: "chooseForm" }).min(1, "chooseForm"),
    plannedStart: day,
    plannedEnd: day,
  })
  .superRefine((value, ctx) => {
    if (isDayString(value.plannedStart) && isDayString(value.plannedEnd) && value.plannedEnd < value.plannedStart) {
      ctx.addIssue({ code: "custom", path: ["plannedEnd"], message: "endBeforeStart" });
    }
  })
  .transform((value) => ({ ...value, forms: [...new Set(value.forms)] }));
export type ActivityFormInput = z.infer<typeof activityFormSchema>;

export const teamMemberSchema = z.object({
  name: text(2, ACTIVITY_LIMITS.teamName),
  role: text(2, ACTIVITY_LIMITS.teamRole),
  conflictOfInterestDeclaration: text(10, ACTIVITY_LIMITS.declaration),
});
export type TeamMemberInput = z.infer<typeof teamMemberSchema>;

export const informationRequestSchema = z.object({
  question: text(10, ACTIVITY_LIMITS.question),
});
export type InformationRequestInput = z.infer<typeof informationRequestSchema>;

/** The final document as the editor saves it: facts, then the recommendations in their order. */
export const finalDocumentSchema = z.object({
  factsFound: plainString()
    .optional()
    .transform((v) => (v ?? "").replace(/\r\n?/g, "\n").trim())
    .pipe(z.string().max(ACTIVITY_LIMITS.factsFound, "tooLong")),
  recommendations: z
    .array(
      z.object({
        id: plainString()
          .trim()
          .optional()
          .transform((v) => v || null),
        text: text(1, ACTIVITY_LIMITS.recommendation),
      }),
    )
    .max(ACTIVITY_LIMITS.recommendations, "tooMany"),
});
export type FinalDocumentInput = z.infer<typeof finalDocumentSchema>;

/** The object's answer to one recommendation (agency dashboard). */
export const recommendationAnswerSchema = z
  .object({
    recommendationId: plainString().trim().min(1, "required"),
    decision: z.enum(RECOMMENDATION_DECISIONS, { message: "choose" }),
    reasons: text(1, ACTIVITY_LIMITS.answer),
    measures: optionalText(ACTIVITY_LIMITS.answer),
    dueOn: plainString()
      .trim()
      .optional()
      .transform((v) => v || null)
      .refine((v) => v === null || isDayString(v), "date"),
  })
  .superRefine((value, ctx) => {
    // Accepted ones commit the object to measures by a day, which the subject later follows up.
    if (value.decision !== "rejected") {
      if (!value.measures) ctx.addIssue({ code: "custom", path: ["measures"], message: "measuresRequired" });
      if (!value.dueOn) ctx.addIssue({ code: "custom", path: ["dueOn"], message: "dueOnRequired" });
    }
  });
export type RecommendationAnswerInput = z.infer<typeof recommendationAnswerSchema>;

/** The object answers an information request, or refuses it on a legal ground (agency dashboard). */
export const informationAnswerSchema = z
  .object({
    answerText: optionalText(ACTIVITY_LIMITS.answer),
    refusalGround: optionalText(ACTIVITY_LIMITS.answer),
  })
  .superRefine((value, ctx) => {
    if (!value.answerText === !value.refusalGround) ctx.addIssue({ code: "custom", path: ["answerText"], message: "answerOrRefusal" });
  });
export type InformationAnswerInput = z.infer<typeof informationAnswerSchema>;

export const followUpSchema = z.object({
  implementation: z.enum(IMPLEMENTATION_STATES, { message: "choose" }),
  note: text(5, ACTIVITY_LIMITS.note),
});
export type FollowUpInput = z.infer<typeof followUpSchema>;

/** Public list filters, as they come from the URL or the API query. */
export const activityListSchema = z.object({
  q: searchText(200).optional().default("").catch(""),
  agency: plainString().trim().max(100).optional().catch(undefined),
  organization: plainString().trim().max(100).optional().catch(undefined),
  form: z.enum(ACTIVITY_FORMS).optional().catch(undefined),
  state: z
    .enum(PUBLIC as unknown as [string, ...string[]])
    .optional()
    .catch(undefined),
  page: z.coerce.number().int().min(1).max(10_000).optional().default(1).catch(1),
  perPage: z.coerce.number().int().min(1).max(100).optional().default(20).catch(20),
});
export type ActivityListQuery = z.infer<typeof activityListSchema>;
