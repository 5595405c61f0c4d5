import { describe, expect, it } from "vitest";
import { LOCALES } from "@/lib/i18n/locales";
import { renderMailText } from "./render-mail";

// Mail is read by people in their own language: a day handed to a template as '2026-12-23'
// (as the calendar code keeps it) must reach the reader as a date in words.
const ISO_DAY_IN_TEXT = /\b\d{4}-\d{2}-\d{2}\b/;

const MAILS: Array<[string, Record<string, string | number>]> = [
  ["mailControl.completed", { title: "Monitoring of school meals", due: "2026-12-23", url: "https://birge.example/activities/1" }],
  ["mailControl.hearingScheduled", { title: "Monitoring of school meals", day: "2027-01-05", place: "Akimat, hall 2", url: "https://birge.example/activities/1" }],
  ["mailControl.finalDocumentDueSoon", { title: "Monitoring of school meals", due: "2026-12-23", days: 2, url: "https://birge.example/activities/1" }],
];

describe("dates and numbers in e-mails", () => {
  it.each(LOCALES)("a %s reader never meets an ISO date in the subject or the text", (locale) => {
    for (const [template, params] of MAILS) {
      const { subject, text } = renderMailText(template, locale, params);
      expect(`${subject}\n${text}`, template).not.toMatch(ISO_DAY_IN_TEXT);
      expect(`${subject}\n${text}`, template).toMatch(/2026|2027/);
    }
  });

  it("groups a count as the reader's language does: 2,540 in English, 2 540 in Russian and Kazakh", () => {
    const params = { agency: "Akimat of Astana", title: "Open school sports grounds", signatures: 2540, due: "2027-01-11", url: "https://birge.example/petitions/3" };
    expect(renderMailText("mailPetitions.thresholdReachedAgency", "en", params).text).toContain("2,540");
    expect(renderMailText("mailPetitions.thresholdReachedAgency", "ru", params).text).toContain("2\u00a0540");
    expect(renderMailText("mailPetitions.thresholdReachedAgency", "kk", params).text).toContain("2\u00a0540");
  });

  it("writes the day in the reader's language", () => {
    expect(renderMailText("mailControl.completed", "ru", MAILS[0][1]).subject).toContain("23 декабря 2026 г.");
    expect(renderMailText("mailControl.completed", "kk", MAILS[0][1]).subject).toContain("2026 ж. 23 желтоқсан");
    expect(renderMailText("mailControl.completed", "en", MAILS[0][1]).subject).toContain("December 23, 2026");
  });
});
