import { and, asc, eq, isNull } from "drizzle-orm";
import { recommendations } from "@/db/schema";
import type { Executor } from "@/db/client";
import { DomainError } from "@/lib/errors";
import type { InformationAnswerInput, RecommendationAnswerInput } from "@/lib/public-control/schema";
import { checkInformationAnswer, checkPetitionAnswer, checkRecommendationAnswers, readDraft, type PetitionAnswerInput } from "./schema";
import type { AgencyItemKind } from "./states";

/** A draft checked in full: what will be published. */
export type CheckedAnswer =
  | { kind: "petition"; answer: PetitionAnswerInput }
  | { kind: "final_document"; answers: RecommendationAnswerInput[] }
  | { kind: "information_request"; answer: InformationAnswerInput; attachmentIds: string[] };

/**
 * Checks a draft as it would be published; refuses with field errors (validation,
 * "answerIncomplete"). For a final document every recommendation still unanswered must have
 * its answer: publishing is refused while any one is missing.
 */
export async function checkAnswer(tx: Executor, kind: AgencyItemKind, itemId: string, content: unknown): Promise<CheckedAnswer> {
  switch (kind) {
    case "petition": {
      const result = checkPetitionAnswer(readDraft("petition", content));
      if (!result.ok) throw new DomainError("validation", "answerIncomplete", result.fieldErrors);
      return { kind, answer: result.answer };
    }
    case "final_document": {
      const open = await tx
        .select({ id: recommendations.id })
        .from(recommendations)
        .where(and(eq(recommendations.activityId, itemId), isNull(recommendations.decision)))
        .orderBy(asc(recommendations.position));
      const result = checkRecommendationAnswers(readDraft("final_document", content), open.map((r) => r.id));
      if (!result.ok) throw new DomainError("validation", "answerEveryRecommendation", result.fieldErrors);
      return { kind, answers: result.answers };
    }
    case "information_request": {
      const draft = readDraft("information_request", content);
      const result = checkInformationAnswer(draft);
      if (!result.ok) throw new DomainError("validation", "answerIncomplete", result.fieldErrors);
      // A refusal carries no files: any kept with the draft stay there, unpublished.
      return { kind, answer: result.answer, attachmentIds: draft.mode === "answer" ? draft.attachmentIds : [] };
    }
    default:
      throw new DomainError("validation", "invalidInput");
  }
}
