// A demo public-control case waiting for the Akimat of Astana's answer: the NGO "Adal Qogam"
// monitored school meals and sent its final document with three recommendations; one of its
// information requests is still pending. Run once, on a database without activities.
import { eq } from "drizzle-orm";
import type { Database } from "../client";
import { activities, activityTeamMembers, agencies, events, finalDocuments, informationRequests, organizations, recommendations, users } from "../schema";
import { loadCalendar } from "../../lib/calendar/load-calendar";
import { toDayString } from "../../lib/calendar/working-days";

const DAY = 86_400_000;

export async function seedDemoActivities(db: Database, now: Date = new Date()): Promise<void> {
  const existing = await db.select({ id: activities.id }).from(activities).limit(1);
  if (existing.length) return;
  const calendar = await loadCalendar(db);
  await db.transaction(async (tx) => {
    const [agency] = await tx.select().from(agencies).where(eq(agencies.slug, "akimat-astana"));
    const [organization] = await tx.select().from(organizations).where(eq(organizations.slug, "adal-qogam"));
    const [owner] = await tx.select().from(users).where(eq(users.email, "ngo.owner@demo.birge.kz"));
    if (!agency || !organization || !owner) return;
    const at = (daysAgo: number) => new Date(now.getTime() - daysAgo * DAY);
    const completedAt = at(6);
    const sentAt = at(2);
    const finalDocument = calendar.explainDeadline(toDayString(completedAt), 7);
    const answer = calendar.explainDeadline(toDayString(sentAt), 10);
    const [activity] = await tx
      .insert(activities)
      .values({
        subjectType: "organization",
        subjectUserId: owner.id,
        organizationId: organization.id,
        agencyId: agency.id,
        forms: ["monitoring"],
        title: "Monitoring of free school meals in Astana",
        subjectMatter: "How the akimat's contractors deliver free hot meals to pupils of grades 1–4 in city schools.",
        goals: "Check portion weights, hygiene and delivery times against the contracts in twelve schools.",
        plannedStart: toDayString(at(60)),
        plannedEnd: toDayString(at(10)),
        state: "under_consideration",
        announcedAt: at(62),
        startedAt: at(60),
        completedAt,
        finalDocumentDueOn: finalDocument.due,
        sentAt,
        answerDueOn: answer.due,
        createdAt: at(65),
        updatedAt: sentAt,
      })
      .returning();
    await tx.insert(activityTeamMembers).values({
      activityId: activity.id,
      name: "Дана Жұмабекова",
      role: "Team lead",
      conflictOfInterestDeclaration: "I have no ties to the meal contractors or to the akimat.",
      declaredAt: at(63),
    });
    await tx.insert(finalDocuments).values({
      activityId: activity.id,
      factsFound: "In 5 of 12 schools visited, portions weighed 20–35% less than the contract requires. In 3 schools meals arrived after the break had ended. Delivery vans in 2 schools had no cooling.",
      createdAt: completedAt,
      updatedAt: sentAt,
      sentAt,
    });
    await tx.insert(recommendations).values(
      [
        "Weigh a sample of portions on delivery in every school and publish the results monthly.",
        "Publish the meal contracts and their annexes on the akimat's website.",
        "Claim the contractual penalty from the contractor for underweight portions.",
      ].map((text, index) => ({ activityId: activity.id, position: index + 1, text, createdAt: completedAt })),
    );
    const askedAt = at(20);
    const request = calendar.explainDeadline(toDayString(askedAt), 15);
    const [pending] = await tx
      .insert(informationRequests)
      .values({
        activityId: activity.id,
        number: 1,
        question: "Send the weight norms per portion and the delivery schedule set in the 2026 meal contracts.",
        askedBy: owner.id,
        askedAt,
        dueOn: request.due,
      })
      .returning();
    const event = (action: string, occurredAt: Date, fromState: string | null, toState: string | null, data: Record<string, unknown> = {}) => ({
      entityType: "activity",
      entityId: activity.id,
      actorId: owner.id,
      action,
      fromState,
      toState,
      data,
      occurredAt,
    });
    await tx.insert(events).values([
      event("created", at(65), null, "draft"),
      event("announced", at(62), "draft", "announced"),
      event("started", at(60), "announced", "in_progress"),
      event("completed", completedAt, "in_progress", "completed", { finalDocumentDueOn: finalDocument.due, explanation: finalDocument }),
      event("final_document_sent", sentAt, "completed", "under_consideration", { answerDueOn: answer.due, explanation: answer, late: false, recommendations: 3 }),
      {
        entityType: "information_request",
        entityId: pending.id,
        actorId: owner.id,
        action: "asked",
        fromState: null,
        toState: "pending",
        data: { activityId: activity.id, number: 1, dueOn: request.due, explanation: request },
        occurredAt: askedAt,
      },
    ]);
  });
}
