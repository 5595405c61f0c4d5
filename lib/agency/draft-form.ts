import type { AgencyItemKind } from "./states";

// The draft editor's fields, read from a submitted form (the same names with or without script):
//   petition:             decision, reasons, measures.<n>.text, measures.<n>.dueOn
//   final document:       answers.<recommendationId>.{decision,reasons,measures,dueOn}
//   information request:  mode, answerText, refusalGround, attachmentIds (repeated), attachments (files)
// The result is checked by the kind's draft schema in saveAnswerDraft.

const string = (value: FormDataEntryValue | null): string => (typeof value === "string" ? value : "");

/** The draft content a form submitted, in the shape of the kind's draft schema. */
export function draftFromForm(kind: AgencyItemKind, form: FormData): Record<string, unknown> {
  switch (kind) {
    case "petition": {
      const rows = new Map<number, { text: string; dueOn: string }>();
      for (const [key, value] of form.entries()) {
        const match = /^measures\.(\d{1,2})\.(text|dueOn)$/.exec(key);
        if (!match) continue;
        const row = rows.get(Number(match[1])) ?? { text: "", dueOn: "" };
        row[match[2] as "text" | "dueOn"] = string(value);
        rows.set(Number(match[1]), row);
      }
      return {
        decision: string(form.get("decision")),
        reasons: string(form.get("reasons")),
        measures: [...rows.entries()].sort(([a], [b]) => a - b).map(([, row]) => row),
      };
    }
    case "final_document": {
      const answers: Record<string, Record<string, string>> = {};
      for (const [key, value] of form.entries()) {
        const match = /^answers\.([A-Za-z0-9-]{1,100})\.(decision|reasons|measures|dueOn)$/.exec(key);
        if (!match) continue;
        (answers[match[1]] ??= { decision: "", reasons: "", measures: "", dueOn: "" })[match[2]] = string(value);
      }
      return { answers };
    }
    case "information_request":
      return {
        mode: string(form.get("mode")),
        answerText: string(form.get("answerText")),
        refusalGround: string(form.get("refusalGround")),
        attachmentIds: form.getAll("attachmentIds").filter((value): value is string => typeof value === "string" && value !== ""),
      };
    default:
      return {};
  }
}
