import { describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { activities, discussionComments, events, mailMessages } from "@/db/schema";
import type { ActivityForm, ActivityState } from "@/lib/public-control/states";
import { isDomainError } from "@/lib/errors";
import { COMMENT_RATE_LIMIT, commentOnSection } from "@/lib/public-control/forms/comment-on-section";
import { dismissCommentReports } from "@/lib/public-control/forms/dismiss-comment-reports";
import { listReportedComments, loadDiscussion } from "@/lib/public-control/forms/form-queries";
import { hideComment } from "@/lib/public-control/forms/hide-comment";
import { openDiscussion } from "@/lib/public-control/forms/open-discussion";
import { publishDiscussionSummary } from "@/lib/public-control/forms/publish-discussion-summary";
import { reportComment } from "@/lib/public-control/forms/report-comment";
import { actorFor, addOrganizationMember, createOrganization, createUser } from "./support/factories";
import { organizationActivityIn } from "./support/public-control-activities";

const db = () => getDb();
const MONDAY = new Date("2026-03-02T06:00:00Z");
const WEDNESDAY = new Date("2026-03-04T06:00:00Z");
const AFTER_CLOSE = new Date("2026-03-14T06:00:00Z");

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return "ok";
  } catch (error) {
    if (isDomainError(error)) return error.fieldErrors ? `${error.code}:${Object.entries(error.fieldErrors).map(([f, k]) => `${f}=${k.join(",")}`).join(";")}` : `${error.code}:${error.message}`;
    throw error;
  }
}

const PARK_RULES = { title: "Rules for city parks", subjectMatter: "The akimat's draft rules for parks", goals: "Gather the residents' proposals" };

function organizationActivity(forms: ActivityForm[] = ["discussion"], state: ActivityState = "in_progress") {
  return organizationActivityIn({ forms, state, subject: PARK_RULES });
}

const DRAFT_TEXT = "Article 1. Opening hours\nParks are open from 7:00 to 23:00.\n\nArticle 2. Dogs\nDogs are walked on a leash.";

async function openedDiscussion(state: ActivityState = "in_progress") {
  const setup = await organizationActivity(["discussion"], state);
  const { draft, sections } = await openDiscussion({
    db: db(),
    actor: setup.owner,
    activityId: setup.activity.id,
    input: { title: "Draft rules for city parks", opensOn: "2026-03-02", closesOn: "2026-03-13", text: DRAFT_TEXT },
    now: MONDAY,
  });
  return { ...setup, draft, sections };
}

describe("a public discussion", () => {
  it("splits the NGO's pasted draft into sections and takes a citizen's comment and proposal on one of them", async () => {
    const { activity, sections } = await openedDiscussion();
    expect(sections.map((s) => [s.position, s.heading, s.body])).toEqual([
      [1, "Article 1. Opening hours", "Parks are open from 7:00 to 23:00."],
      [2, "Article 2. Dogs", "Dogs are walked on a leash."],
    ]);
    const citizen = await actorFor((await createUser({ name: "Aliya K." })).id);
    await commentOnSection({ db: db(), actor: citizen, sectionId: sections[0].id, input: { kind: "comment", body: "Please open earlier for runners." }, now: WEDNESDAY });
    const proposal = await commentOnSection({
      db: db(),
      actor: citizen,
      sectionId: sections[0].id,
      input: { kind: "proposal", body: "Runners start at six.", proposedText: "Parks are open from 6:00 to 23:00." },
      now: WEDNESDAY,
    });
    expect(proposal).toMatchObject({ kind: "proposal", state: "visible", authorId: citizen.id, activityId: activity.id });
    const view = await loadDiscussion(db(), activity.id);
    expect(view?.sections[0].comments.map((c) => [c.kind, c.authorName])).toEqual([
      ["comment", "Aliya K."],
      ["proposal", "Aliya K."],
    ]);
    expect(view?.counts).toMatchObject({ comments: 1, proposals: 1, hidden: 0 });
    const history = await db().select().from(events).where(eq(events.entityId, activity.id)).orderBy(events.id);
    expect(history.map((e) => e.action)).toEqual(["discussion_opened", "discussion_comment_added", "discussion_comment_added"]);
  });

  it("accepts the sections given one by one, and refuses a second discussion and a period starting in the past", async () => {
    const { activity, owner } = await organizationActivity();
    const input = { title: "Draft rules", opensOn: "2026-03-04", closesOn: "2026-03-20", sections: [{ heading: "", body: "Only one section." }] };
    const { sections } = await openDiscussion({ db: db(), actor: owner, activityId: activity.id, input, now: MONDAY });
    expect(sections).toHaveLength(1);
    expect(await codeOf(openDiscussion({ db: db(), actor: owner, activityId: activity.id, input, now: MONDAY }))).toBe("conflict:discussionExists");
    const other = await organizationActivity();
    expect(await codeOf(openDiscussion({ db: db(), actor: other.owner, activityId: other.activity.id, input: { ...input, opensOn: "2026-03-01" }, now: MONDAY }))).toBe(
      "validation:opensOn=dateInPast",
    );
    const stranger = await actorFor((await createUser()).id);
    expect(await codeOf(openDiscussion({ db: db(), actor: stranger, activityId: other.activity.id, input, now: MONDAY }))).toBe("forbidden:forbidden");
  });

  it("takes comments only while the discussion is open and the activity in progress, from signed-in people", async () => {
    const { sections, activity } = await openedDiscussion();
    const citizen = await actorFor((await createUser()).id);
    const comment = (now: Date, actor = citizen) =>
      codeOf(commentOnSection({ db: db(), actor, sectionId: sections[1].id, input: { kind: "comment", body: "Leash rules are fine." }, now }));
    expect(await comment(new Date("2026-03-01T12:00:00Z"))).toBe("invalid_transition:discussionNotOpen");
    expect(await comment(AFTER_CLOSE)).toBe("invalid_transition:discussionNotOpen");
    expect(await codeOf(commentOnSection({ db: db(), actor: null, sectionId: sections[1].id, input: { kind: "comment", body: "Anonymous" }, now: WEDNESDAY }))).toBe(
      "unauthenticated:signInRequired",
    );
    expect(await codeOf(commentOnSection({ db: db(), actor: citizen, sectionId: sections[1].id, input: { kind: "proposal", body: "Change it" }, now: WEDNESDAY }))).toBe(
      "validation:proposedText=proposedTextRequired",
    );
    await db().update(activities).set({ state: "completed" }).where(eq(activities.id, activity.id));
    expect(await comment(WEDNESDAY)).toBe("invalid_transition:discussionNotOpen");

    const announced = await openedDiscussion("announced");
    expect(await codeOf(commentOnSection({ db: db(), actor: citizen, sectionId: announced.sections[0].id, input: { kind: "comment", body: "Too early" }, now: WEDNESDAY }))).toBe(
      "invalid_transition:discussionNotOpen",
    );
  });

  it("hides the sections of a draft activity from everyone but its subject", async () => {
    const { sections, activity } = await openedDiscussion();
    await db().update(activities).set({ state: "draft" }).where(eq(activities.id, activity.id));
    const citizen = await actorFor((await createUser()).id);
    expect(await codeOf(commentOnSection({ db: db(), actor: citizen, sectionId: sections[0].id, input: { kind: "comment", body: "Hello there" }, now: WEDNESDAY }))).toBe(
      "not_found:notFound",
    );
  });

  it("stops a person who comments too often", async () => {
    const { sections } = await openedDiscussion();
    const citizen = await actorFor((await createUser()).id);
    const results = [];
    for (let i = 0; i <= COMMENT_RATE_LIMIT.limit; i++) {
      results.push(await codeOf(commentOnSection({ db: db(), actor: citizen, sectionId: sections[0].id, input: { kind: "comment", body: `Point ${i}` }, now: WEDNESDAY })));
    }
    expect(results.slice(0, -1).every((r) => r === "ok")).toBe(true);
    expect(results.at(-1)).toBe("rate_limited:rateLimited");
  });
});

describe("reports and moderation", () => {
  it("counts each reporter once, queues the comment for moderators, who hide it with a reason the author is mailed", async () => {
    const { sections, activity } = await openedDiscussion();
    const author = await createUser({ name: "Troll" });
    const comment = await commentOnSection({ db: db(), actor: await actorFor(author.id), sectionId: sections[0].id, input: { kind: "comment", body: "Offensive words here" }, now: WEDNESDAY });
    const reporters = [await actorFor((await createUser()).id), await actorFor((await createUser()).id)];
    expect(await reportComment({ db: db(), actor: reporters[0], commentId: comment.id, reason: "Insults people", now: WEDNESDAY })).toEqual({ counted: true });
    expect(await reportComment({ db: db(), actor: reporters[0], commentId: comment.id, reason: "Again", now: WEDNESDAY })).toEqual({ counted: false });
    expect(await reportComment({ db: db(), actor: reporters[1], commentId: comment.id, reason: "Abusive", now: WEDNESDAY })).toEqual({ counted: true });
    const queue = await listReportedComments(db(), { page: 1, perPage: 100 });
    const entry = queue.entries.find((e) => e.id === comment.id);
    expect(entry).toMatchObject({ reportCount: 2, activityNumber: activity.number, sectionPosition: 1 });
    expect(entry?.reasons.sort()).toEqual(["Abusive", "Insults people"]);

    expect(await codeOf(hideComment({ db: db(), actor: reporters[0], commentId: comment.id, reason: "Offensive" }))).toBe("forbidden:forbidden");
    const moderator = await actorFor((await createUser({ platformRoles: ["moderator"] })).id);
    expect(await codeOf(hideComment({ db: db(), actor: moderator, commentId: comment.id, reason: "" }))).toBe("validation:reason=required");
    const hidden = await hideComment({ db: db(), actor: moderator, commentId: comment.id, reason: "Insults other participants", now: WEDNESDAY });
    expect(hidden).toMatchObject({ state: "hidden", hiddenReason: "Insults other participants", hiddenBy: moderator.id });
    expect(await codeOf(hideComment({ db: db(), actor: moderator, commentId: comment.id, reason: "Twice" }))).toBe("invalid_transition:commentAlreadyHidden");

    const view = await loadDiscussion(db(), activity.id);
    const shown = view!.sections[0].comments.find((c) => c.id === comment.id)!;
    expect(shown).toMatchObject({ state: "hidden", body: null, authorName: null, hiddenReason: "Insults other participants" });
    expect((await listReportedComments(db(), { page: 1, perPage: 100 })).entries.some((e) => e.id === comment.id)).toBe(false);
    const [event] = await db().select().from(events).where(and(eq(events.entityId, activity.id), eq(events.action, "comment_hidden")));
    expect(event).toMatchObject({ actorId: moderator.id, reason: "Insults other participants" });
    const mail = await db().select().from(mailMessages).where(and(eq(mailMessages.toAddress, author.email), eq(mailMessages.template, "activityForms.mail.commentHidden")));
    expect(mail[0].textBody).toContain("Insults other participants");
  });

  it("lets a moderator clear the reports of a lawful comment", async () => {
    const { sections } = await openedDiscussion();
    const comment = await commentOnSection({ db: db(), actor: await actorFor((await createUser()).id), sectionId: sections[0].id, input: { kind: "comment", body: "I disagree strongly" }, now: WEDNESDAY });
    await reportComment({ db: db(), actor: await actorFor((await createUser()).id), commentId: comment.id, reason: "I do not like it", now: WEDNESDAY });
    const moderator = await actorFor((await createUser({ platformRoles: ["moderator"] })).id);
    await dismissCommentReports({ db: db(), actor: moderator, commentId: comment.id });
    const [row] = await db().select().from(discussionComments).where(eq(discussionComments.id, comment.id));
    expect(row).toMatchObject({ state: "visible", reportCount: 0 });
  });
});

describe("the summary of a discussion", () => {
  it("is published by the subject after the period closes, marking what was taken", async () => {
    const { activity, owner, organization, sections } = await openedDiscussion();
    const citizen = await actorFor((await createUser()).id);
    const proposal = await commentOnSection({
      db: db(),
      actor: citizen,
      sectionId: sections[0].id,
      input: { kind: "proposal", body: "Earlier opening", proposedText: "Parks are open from 6:00." },
      now: WEDNESDAY,
    });
    const input = { summary: "We received one proposal and took it: the parks will open at 6:00.", outcomes: { [proposal.id]: "taken" as const } };
    expect(await codeOf(publishDiscussionSummary({ db: db(), actor: owner, activityId: activity.id, input, now: WEDNESDAY }))).toBe("validation:summary=summaryBeforeClose");

    const rivalOwner = await createUser();
    await createOrganization(rivalOwner.id);
    expect(await codeOf(publishDiscussionSummary({ db: db(), actor: await actorFor(rivalOwner.id), activityId: activity.id, input, now: AFTER_CLOSE }))).toBe("forbidden:forbidden");
    expect(await codeOf(publishDiscussionSummary({ db: db(), actor: citizen, activityId: activity.id, input, now: AFTER_CLOSE }))).toBe("forbidden:forbidden");
    expect(
      await codeOf(publishDiscussionSummary({ db: db(), actor: owner, activityId: activity.id, input: { ...input, outcomes: { [crypto.randomUUID()]: "taken" } }, now: AFTER_CLOSE })),
    ).toBe("validation:outcomes=invalidInput");

    const member = await createUser();
    await addOrganizationMember(organization.id, member.id, "member");
    const published = await publishDiscussionSummary({ db: db(), actor: await actorFor(member.id), activityId: activity.id, input, now: AFTER_CLOSE });
    expect(published.summaryPublishedAt).toEqual(AFTER_CLOSE);
    const view = await loadDiscussion(db(), activity.id);
    expect(view?.counts).toMatchObject({ proposals: 1, taken: 1 });
  });
});
