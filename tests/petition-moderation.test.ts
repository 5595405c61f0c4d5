import { describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { events, mailMessages, petitions, users, type Petition } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import type { Locale } from "@/lib/i18n/locales";
import { addMonths, approvePetition } from "@/lib/petitions/approve-petition";
import { applyCountDeltas } from "@/lib/petitions/counts";
import { findSimilarPetitions, PUBLIC_SIMILAR_STATES } from "@/lib/petitions/find-similar-petitions";
import { hidePetition } from "@/lib/petitions/hide-petition";
import { listModerationQueue, loadPetitionForReview } from "@/lib/petitions/moderation-queue";
import { rejectPetition } from "@/lib/petitions/reject-petition";
import type { PetitionState } from "@/lib/petitions/states";
import { refusal } from "./support/domain-errors";
import { actorFor, aModerator, createAgency, createUser, ensureRegion, unique } from "./support/factories";

const db = () => getDb();

async function aCitizen(): Promise<Actor> {
  return actorFor((await createUser({ name: "Daniyar Citizen" })).id);
}

/** A petition put straight into a state, as if it had got there through its lifecycle. */
async function aPetition(
  options: {
    state?: PetitionState;
    agencyId?: string;
    regionCode?: string | null;
    title?: string;
    creatorLocale?: Locale | null;
    queuedAt?: Date;
    dueOn?: string;
  } = {},
): Promise<{ petition: Petition; creator: { id: string; email: string } }> {
  const creator = await createUser({ name: "Dana Creator" });
  if (options.creatorLocale !== undefined) await db().update(users).set({ locale: options.creatorLocale }).where(eq(users.id, creator.id));
  const agencyId = options.agencyId ?? (await createAgency({ level: "national_body" })).id;
  const [petition] = await db()
    .insert(petitions)
    .values({
      creatorId: creator.id,
      agencyId,
      regionCode: options.regionCode ?? null,
      title: options.title ?? `Light the park paths ${unique()}`,
      request: "Install street lights along every path of the central park before winter.",
      reasons: "The paths are dark from five in the evening; people have fallen and been robbed.",
      state: options.state ?? "awaiting_moderation",
      supportToken: unique("support"),
      submittedAt: new Date("2031-01-05T05:00:00Z"),
      moderationQueuedAt: options.queuedAt ?? new Date("2031-01-20T05:00:00Z"),
      moderationDueOn: options.dueOn ?? "2031-02-17",
    })
    .returning();
  return { petition, creator: { id: creator.id, email: creator.email } };
}

async function reload(id: string): Promise<Petition> {
  const [row] = await db().select().from(petitions).where(eq(petitions.id, id));
  return row;
}

async function historyOf(id: string) {
  return db().select().from(events).where(and(eq(events.entityType, "petition"), eq(events.entityId, id))).orderBy(events.id);
}

async function mailTo(email: string, template: string) {
  return db().select().from(mailMessages).where(and(eq(mailMessages.toAddress, email), eq(mailMessages.template, template)));
}

describe("a moderator approves a petition", () => {
  it("lets Madina approve a petition to a regional akimat: it opens with 1% of the region's residents as its threshold", async () => {
    const moderator = await aModerator();
    const region = await ensureRegion(unique("region"), 2_345_678);
    const agency = await createAgency({ level: "regional_akimat", regionCode: region });
    const { petition, creator } = await aPetition({ agencyId: agency.id, creatorLocale: "ru" });
    // 31 August in Almaty: six months later is the last day of February, in a leap year.
    const now = new Date("2031-08-31T10:00:00Z");

    const approved = await approvePetition({ db: db(), actor: moderator, petitionId: petition.id, now });

    expect(approved).toMatchObject({ state: "open", closesOn: "2032-02-29", responseThreshold: 23_457, responseWorkingDays: 20 });
    expect(approved.openedAt?.toISOString()).toBe(now.toISOString());
    const history = await historyOf(petition.id);
    expect(history.map((e) => [e.action, e.fromState, e.toState, e.actorId])).toEqual([["approved", "awaiting_moderation", "open", moderator.id]]);
    const [mail] = await mailTo(creator.email, "mailModeration.approved");
    expect(mail.subject).toContain("открыта для подписания");
    expect(mail.textBody).toContain(`/petitions/${petition.number}`);
  });

  it("gives a petition to a national body a threshold of 50,000 and a 40-working-day clock, and writes to its creator in Kazakh by default", async () => {
    const moderator = await aModerator();
    const { petition, creator } = await aPetition({ creatorLocale: null });
    const approved = await approvePetition({ db: db(), actor: moderator, petitionId: petition.id, now: new Date("2031-03-10T04:00:00Z") });
    expect(approved).toMatchObject({ state: "open", responseThreshold: 50_000, responseWorkingDays: 40, closesOn: "2031-09-10" });
    const [mail] = await mailTo(creator.email, "mailModeration.approved");
    expect(mail.subject).toContain("қол қоюға ашылды");
  });

  it("takes the petition's own region for a regional maslikhat that has none", async () => {
    const moderator = await aModerator();
    const region = await ensureRegion(unique("region"), 1_000_001);
    const agency = await createAgency({ level: "regional_maslikhat", regionCode: null });
    const { petition } = await aPetition({ agencyId: agency.id, regionCode: region });
    const approved = await approvePetition({ db: db(), actor: moderator, petitionId: petition.id });
    expect(approved.responseThreshold).toBe(20_001);
  });

  it("lets only one of two moderators deciding at once succeed", async () => {
    const [first, second] = [await aModerator("Madina"), await aModerator("Yerlan")];
    const { petition } = await aPetition();
    const results = await Promise.allSettled([
      approvePetition({ db: db(), actor: first, petitionId: petition.id }),
      rejectPetition({ db: db(), actor: second, petitionId: petition.id, input: { reason: "unclear", note: null, suggestedAgencyId: null } }),
    ]);
    expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(1);
    const [failed] = results.filter((result) => result.status === "rejected") as PromiseRejectedResult[];
    expect(failed.reason).toMatchObject({ code: "invalid_transition", message: "invalidTransition" });
    expect(await historyOf(petition.id)).toHaveLength(1);
  });
});

describe("only a moderator decides", () => {
  it("refuses a citizen, the addressee's own staff and a visitor, changing nothing", async () => {
    const { petition, creator } = await aPetition();
    const staff = await actorFor((await createUser({ name: "Serik Staff" })).id);
    const staffOfAgency: Actor = { ...staff, agencies: [{ agencyId: petition.agencyId, role: "supervisor" }] };
    for (const [actor, code] of [
      [await aCitizen(), "forbidden"],
      [staffOfAgency, "forbidden"],
      [null, "unauthenticated"],
    ] as const) {
      expect((await refusal(approvePetition({ db: db(), actor, petitionId: petition.id }))).code).toBe(code);
      const input = { reason: "offensive", note: null, suggestedAgencyId: null } as const;
      expect((await refusal(rejectPetition({ db: db(), actor, petitionId: petition.id, input }))).code).toBe(code);
      expect((await refusal(hidePetition({ db: db(), actor, petitionId: petition.id, reason: "Unlawful" }))).code).toBe(code);
      expect((await refusal(listModerationQueue(db(), { actor }))).code).toBe(code);
      expect((await refusal(loadPetitionForReview(db(), { actor, number: petition.number }))).code).toBe(code);
    }
    expect(await reload(petition.id)).toMatchObject({ state: "awaiting_moderation", openedAt: null, rejectionReason: null });
    expect(await historyOf(petition.id)).toEqual([]);
    expect(await db().select().from(mailMessages).where(eq(mailMessages.toAddress, creator.email))).toEqual([]);
  });
});

describe("a moderator rejects a petition", () => {
  it("lets Madina reject with a public reason, a note and a better addressee, and tells the creator", async () => {
    const moderator = await aModerator();
    const { petition, creator } = await aPetition({ creatorLocale: "en" });
    const better = await createAgency({ level: "city_akimat" });
    const rejected = await rejectPetition({
      db: db(),
      actor: moderator,
      petitionId: petition.id,
      input: { reason: "outside_powers", note: "Park lighting is decided by the city, not the ministry.", suggestedAgencyId: better.id },
    });

    expect(rejected).toMatchObject({
      state: "rejected",
      rejectionReason: "outside_powers",
      moderationNote: "Park lighting is decided by the city, not the ministry.",
      suggestedAgencyId: better.id,
    });
    const [event] = await historyOf(petition.id);
    expect(event).toMatchObject({ action: "rejected", fromState: "awaiting_moderation", toState: "rejected", reason: "outside_powers", actorId: moderator.id });
    expect(event.data).toMatchObject({ suggestedAgencyId: better.id });
    const [mail] = await mailTo(creator.email, "mailModeration.rejected");
    expect(mail.textBody).toContain("outside the addressee’s powers");
    expect(mail.textBody).toContain("Park lighting is decided by the city");
    expect(mail.textBody).toContain(better.nameEn);
  });

  it("leaves the note and suggestion out of the creator's mail when there are none", async () => {
    const moderator = await aModerator();
    const { petition, creator } = await aPetition({ creatorLocale: "en" });
    await rejectPetition({ db: db(), actor: moderator, petitionId: petition.id, input: { reason: "duplicate", note: null, suggestedAgencyId: null } });
    const [mail] = await mailTo(creator.email, "mailModeration.rejected");
    expect(mail.textBody).toContain("duplicates a petition that is already open");
    expect(mail.textBody).not.toContain("note");
    expect(mail.textBody).not.toContain("suggests");
  });

  it("refuses an addressee that does not exist, with a field error, changing nothing", async () => {
    const moderator = await aModerator();
    const { petition } = await aPetition();
    const error = await refusal(
      rejectPetition({ db: db(), actor: moderator, petitionId: petition.id, input: { reason: "outside_powers", note: null, suggestedAgencyId: unique("nowhere") } }),
    );
    expect(error.code).toBe("validation");
    expect(error.fieldErrors).toEqual({ suggestedAgencyId: ["choose"] });
    expect((await reload(petition.id)).state).toBe("awaiting_moderation");
  });
});

describe("a decision needs the right state", () => {
  it("refuses to approve an open petition, to reject one still gathering support, and a petition that does not exist", async () => {
    const moderator = await aModerator();
    const { petition: open } = await aPetition({ state: "open" });
    const { petition: gathering } = await aPetition({ state: "gathering_support" });
    const approveOpen = await refusal(approvePetition({ db: db(), actor: moderator, petitionId: open.id }));
    expect(approveOpen).toMatchObject({ code: "invalid_transition", message: "invalidTransition" });
    const rejectGathering = await refusal(
      rejectPetition({ db: db(), actor: moderator, petitionId: gathering.id, input: { reason: "unclear", note: null, suggestedAgencyId: null } }),
    );
    expect(rejectGathering.code).toBe("invalid_transition");
    expect((await refusal(approvePetition({ db: db(), actor: moderator, petitionId: unique("missing") }))).code).toBe("not_found");
    expect(await reload(open.id)).toMatchObject({ state: "open", openedAt: null });
    expect((await reload(gathering.id)).state).toBe("gathering_support");
    expect(await historyOf(open.id)).toEqual([]);
  });

  it("refuses to approve the same petition twice", async () => {
    const moderator = await aModerator();
    const { petition } = await aPetition();
    await approvePetition({ db: db(), actor: moderator, petitionId: petition.id });
    expect((await refusal(approvePetition({ db: db(), actor: moderator, petitionId: petition.id }))).code).toBe("invalid_transition");
  });
});

describe("a moderator hides unlawful content", () => {
  it("lets Madina hide an open petition with a reason kept in its history", async () => {
    const moderator = await aModerator();
    const { petition, creator } = await aPetition({ state: "open", creatorLocale: "en" });
    const hidden = await hidePetition({ db: db(), actor: moderator, petitionId: petition.id, reason: "  Calls for violence against a named official.  " });
    expect(hidden.state).toBe("hidden");
    const [event] = await historyOf(petition.id);
    expect(event).toMatchObject({ action: "hidden", fromState: "open", toState: "hidden", reason: "Calls for violence against a named official." });
    const [mail] = await mailTo(creator.email, "mailModeration.hidden");
    expect(mail.textBody).toContain("Calls for violence against a named official.");
  });

  it("refuses a blank reason, a draft, and a petition already hidden", async () => {
    const moderator = await aModerator();
    const { petition } = await aPetition();
    const blank = await refusal(hidePetition({ db: db(), actor: moderator, petitionId: petition.id, reason: "   " }));
    expect(blank.code).toBe("validation");
    expect(blank.fieldErrors).toEqual({ reason: ["required"] });
    expect((await reload(petition.id)).state).toBe("awaiting_moderation");

    const { petition: draft } = await aPetition({ state: "draft" });
    expect((await refusal(hidePetition({ db: db(), actor: moderator, petitionId: draft.id, reason: "Unlawful" }))).code).toBe("invalid_transition");
    const { petition: hidden } = await aPetition({ state: "hidden" });
    expect((await refusal(hidePetition({ db: db(), actor: moderator, petitionId: hidden.id, reason: "Unlawful" }))).code).toBe("invalid_transition");
  });
});

describe("the moderation queue", () => {
  it("shows the longest-waiting petition first, with working days waited, its due date, overdue mark and supporters", async () => {
    const moderator = await aModerator();
    // 2031: no holidays are loaded for it in tests, so a plain five-day week.
    const older = await aPetition({ queuedAt: new Date("2031-03-04T04:00:00Z"), dueOn: "2031-03-17" });
    const newer = await aPetition({ queuedAt: new Date("2031-03-11T04:00:00Z"), dueOn: "2031-04-08" });
    await applyCountDeltas(db(), [
      { petitionId: older.petition.id, regionCode: "test-region", day: "2031-02-20", confirmed: 57 },
      { petitionId: newer.petition.id, regionCode: "test-region", day: "2031-02-21", confirmed: 51 },
    ]);
    const queue = await listModerationQueue(db(), { actor: moderator, now: new Date("2031-03-18T06:00:00Z"), pageSize: 10_000 });
    const mine = queue.entries.filter((entry) => entry.id === older.petition.id || entry.id === newer.petition.id);
    expect(mine.map((entry) => [entry.number, entry.workingDaysWaiting, entry.moderationDueOn, entry.overdue, entry.confirmed])).toEqual([
      [older.petition.number, 10, "2031-03-17", true, 57],
      [newer.petition.number, 5, "2031-04-08", false, 51],
    ]);
    expect(queue.overdueTotal).toBeGreaterThanOrEqual(1);
  });

  it("leaves out petitions that are not awaiting moderation", async () => {
    const moderator = await aModerator();
    const { petition } = await aPetition({ state: "open" });
    const queue = await listModerationQueue(db(), { actor: moderator, now: new Date("2031-03-18T06:00:00Z"), pageSize: 10_000 });
    expect(queue.entries.map((entry) => entry.id)).not.toContain(petition.id);
  });
});

describe("similar petitions", () => {
  it("finds open and waiting petitions like the one under review, but not drafts, rejected ones or the petition itself", async () => {
    const moderator = await aModerator();
    const place = unique("Karasu").replace(/-/g, "");
    const { petition: open } = await aPetition({ state: "open", title: `Repair the roads of ${place} district` });
    const { petition: waiting } = await aPetition({ title: `Repair roads in ${place} district now` });
    const { petition: draft } = await aPetition({ state: "draft", title: `Repair the roads of ${place} district` });
    const { petition: rejected } = await aPetition({ state: "rejected", title: `Repair the roads of ${place} district` });
    const { petition: unrelated } = await aPetition({ state: "open", title: `Open a public library ${unique()}` });
    const { petition: review } = await aPetition({ title: `Please repair the roads of ${place} district` });

    const similar = await findSimilarPetitions(db(), { title: review.title, excludeId: review.id });
    const ids = similar.map((row) => row.id);
    expect(ids).toEqual(expect.arrayContaining([open.id, waiting.id]));
    for (const absent of [draft.id, rejected.id, unrelated.id, review.id]) expect(ids).not.toContain(absent);
    expect(similar.find((row) => row.id === open.id)).toMatchObject({ number: open.number, state: "open" });

    const loaded = await loadPetitionForReview(db(), { actor: moderator, number: review.number });
    expect(loaded?.petition.id).toBe(review.id);
  });

  it("shows a person writing a petition only public ones: open and answered, never one awaiting moderation", async () => {
    const place = unique("Saryarka").replace(/-/g, "");
    const { petition: open } = await aPetition({ state: "open", title: `Repair the roads of ${place} district` });
    const { petition: answered } = await aPetition({ state: "responded", title: `Repair the roads of ${place} district soon` });
    const { petition: waiting } = await aPetition({ title: `Repair roads in ${place} district now` });
    const { petition: gathering } = await aPetition({ state: "gathering_support", title: `Repair the roads of ${place} district` });
    const { petition: rejected } = await aPetition({ state: "rejected", title: `Repair the roads of ${place} district` });

    const similar = await findSimilarPetitions(db(), { title: `Roads of ${place} district`, states: PUBLIC_SIMILAR_STATES });
    const ids = similar.map((row) => row.id);
    expect(ids).toEqual(expect.arrayContaining([open.id, answered.id]));
    for (const hidden of [waiting.id, gathering.id, rejected.id]) expect(ids).not.toContain(hidden);
  });

  it("matches the words of a title in the full text even when the title reads differently", async () => {
    const word = unique("zhasyl").replace(/-/g, "");
    const { petition: open } = await aPetition({ state: "open", title: `Plant trees along the embankment ${word}` });
    const similar = await findSimilarPetitions(db(), { title: `${word} embankment` });
    expect(similar.map((row) => row.id)).toContain(open.id);
  });
});

describe("calendar months", () => {
  it("adds months, keeping the day or taking the last day of a shorter month", () => {
    expect(addMonths("2031-01-15", 6)).toBe("2031-07-15");
    expect(addMonths("2031-08-31", 6)).toBe("2032-02-29");
    expect(addMonths("2031-10-31", 4)).toBe("2032-02-29");
    expect(addMonths("2031-12-31", 2)).toBe("2032-02-29");
    expect(addMonths("2032-11-30", 3)).toBe("2033-02-28");
  });
});
