import { describe, expect, it } from "vitest";
import { almatyLocalToDate, dateToAlmatyLocal } from "./almaty-time";
import { discussionCommentSchema, hearingSchema, openDiscussionSchema } from "./schema";
import { isHeadingLine, splitDraftText } from "./split-draft-text";

describe("splitting a pasted draft into sections", () => {
  it("starts a section at each article heading, in English, Russian and Kazakh", () => {
    const text = [
      "Preamble of the rules.",
      "",
      "Article 1. Scope",
      "These rules apply to parks.",
      "",
      "Статья 2. Часы работы",
      "Парки открыты с 7 до 23 часов.",
      "3-бап. Жауапкершілік",
      "Бұзушылар жауапты болады.",
    ].join("\r\n");
    expect(splitDraftText(text)).toEqual([
      { heading: "", body: "Preamble of the rules." },
      { heading: "Article 1. Scope", body: "These rules apply to parks." },
      { heading: "Статья 2. Часы работы", body: "Парки открыты с 7 до 23 часов." },
      { heading: "3-бап. Жауапкершілік", body: "Бұзушылар жауапты болады." },
    ]);
  });

  it("uses Markdown headings, and keeps a heading with no text as its own body", () => {
    expect(splitDraftText("# Goals\nClean air.\n\n## Measures\n")).toEqual([
      { heading: "Goals", body: "Clean air." },
      { heading: "Measures", body: "Measures" },
    ]);
  });

  it("splits on blank lines when there are no headings", () => {
    expect(splitDraftText("First paragraph\nstill first.\n\n\n  \nSecond paragraph.\n")).toEqual([
      { heading: "", body: "First paragraph\nstill first." },
      { heading: "", body: "Second paragraph." },
    ]);
    expect(splitDraftText("   \n\n")).toEqual([]);
  });

  it("does not take an ordinary sentence for a heading", () => {
    expect(isHeadingLine("The article 5 of the Code says so.")).toBe(false);
    expect(isHeadingLine("Article five")).toBe(false);
    expect(isHeadingLine("§ 4 Fees")).toBe(true);
  });
});

describe("form input rules", () => {
  it("requires a proposed wording for a proposal and drops it from a plain comment", () => {
    const proposal = discussionCommentSchema.safeParse({ kind: "proposal", body: "Shorter hours", proposedText: "" });
    expect(proposal.success).toBe(false);
    const comment = discussionCommentSchema.parse({ kind: "comment", body: "Fine by me", proposedText: "ignored" });
    expect(comment.proposedText).toBeNull();
  });

  it("requires a place or an https video link for a hearing", () => {
    const base = { kind: "public_hearing", startsAt: "2026-03-10T10:00", agenda: "Discuss the park rules draft." };
    expect(hearingSchema.safeParse(base).success).toBe(false);
    expect(hearingSchema.safeParse({ ...base, videoUrl: "http://example.kz/x" }).success).toBe(false);
    expect(hearingSchema.safeParse({ ...base, videoUrl: "javascript:alert(1)" }).success).toBe(false);
    expect(hearingSchema.safeParse({ ...base, videoUrl: "https://meet.example.kz/room" }).success).toBe(true);
    expect(hearingSchema.safeParse({ ...base, startsAt: "2026-02-30T10:00", place: "Hall" }).success).toBe(false);
  });

  it("refuses a discussion that closes before it opens, or has no text", () => {
    const result = openDiscussionSchema.safeParse({ title: "Park rules", opensOn: "2026-03-10", closesOn: "2026-03-09", text: "" });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.path.join("."))).toEqual(expect.arrayContaining(["closesOn", "text"]));
  });

  it("reads hearing times as wall-clock time in Almaty (UTC+5)", () => {
    expect(almatyLocalToDate("2026-03-10T10:00").toISOString()).toBe("2026-03-10T05:00:00.000Z");
    expect(dateToAlmatyLocal(new Date("2026-03-10T05:00:00Z"))).toBe("2026-03-10T10:00");
    expect(almatyLocalToDate("2026-12-31T23:30").toISOString()).toBe("2026-12-31T18:30:00.000Z");
  });
});
