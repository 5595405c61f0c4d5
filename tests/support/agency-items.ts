// Items in an agency's inbox, made for the agency dashboard's tests through the same domain
// functions people use (or, for a petition past its threshold, set directly as the seed does).
import { getDb } from "@/db/client";
import { signatures, type Petition } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { loadCalendar } from "@/lib/calendar/load-calendar";
import { toDayString } from "@/lib/calendar/working-days";
import { recordEvent } from "@/lib/events/record-event";
import { askInformationRequest } from "@/lib/public-control/ask-information-request";
import { actorFor, addAgencyMember, createAgency, createOrganization, createUser, ensureRegion, unique } from "./factories";
import { draftPetition, forcePetition } from "./petitions";
import { activityAt } from "./public-control-activities";

/** An akimat with a member of staff and a supervisor, another agency's staff member, and an NGO owner. */
export async function agencyCast(options: { requiresApproval?: boolean } = {}) {
  const agency = await createAgency({ level: "city_akimat", regionCode: await ensureRegion(), requiresApproval: options.requiresApproval ?? true });
  const other = await createAgency({ level: "city_akimat", regionCode: await ensureRegion() });
  const staffUser = await createUser({ name: "Madina Staff" });
  const supervisorUser = await createUser({ name: "Kairat Supervisor" });
  const outsiderUser = await createUser({ name: "Other Akimat Staff" });
  const ownerUser = await createUser({ name: "NGO Owner" });
  await addAgencyMember(agency.id, staffUser.id, "staff");
  await addAgencyMember(agency.id, supervisorUser.id, "supervisor");
  await addAgencyMember(other.id, outsiderUser.id, "supervisor");
  const organization = await createOrganization(ownerUser.id, "verified");
  return {
    agency,
    other,
    staff: await actorFor(staffUser.id),
    supervisor: await actorFor(supervisorUser.id),
    outsider: await actorFor(outsiderUser.id),
    owner: await actorFor(ownerUser.id),
    organization,
  };
}

/**
 * An open petition to `agencyId` whose response threshold was reached at `now`: its clock runs
 * `workingDays` working days from that day, as reachThresholds would have set it.
 */
export async function petitionAwaitingAnswer(agencyId: string, options: { now?: Date; workingDays?: number } = {}): Promise<Petition> {
  const now = options.now ?? new Date();
  const workingDays = options.workingDays ?? 20;
  const { petition } = await draftPetition({ agencyId });
  const calendar = await loadCalendar(getDb());
  const explanation = calendar.explainDeadline(toDayString(now), workingDays);
  const forced = await forcePetition(petition.id, {
    state: "open",
    openedAt: now,
    closesOn: "2999-12-31",
    responseThreshold: 2500,
    responseWorkingDays: workingDays,
    thresholdReachedAt: now,
    responseDueOn: explanation.due,
  });
  await recordEvent(getDb(), {
    entityType: "petition",
    entityId: petition.id,
    actorId: null,
    action: "threshold_reached",
    fromState: "open",
    toState: "open",
    data: { responseDueOn: explanation.due, explanation },
    occurredAt: now,
  });
  return forced;
}

/** Confirmed signers of a petition (and, with `pendingToo`, one who never confirmed). */
export async function addConfirmedSigners(petitionId: string, count: number, options: { noMail?: number[] } = {}) {
  const prefix = unique("signer");
  const rows = Array.from({ length: count }, (_, i) => {
    const email = `${prefix}-${i}@example.kz`;
    return {
      petitionId,
      fullName: `Signer ${i}`,
      email,
      emailNormalized: email,
      emailDomain: "example.kz",
      regionCode: "test-region",
      locale: (["kk", "ru", "en"] as const)[i % 3],
      state: "confirmed" as const,
      confirmedAt: new Date(),
      notify: !(options.noMail ?? []).includes(i),
    };
  });
  await getDb().insert(signatures).values(rows);
  return { prefix, emails: rows.map((row) => row.email) };
}

/** A final document with these recommendations, sent by the NGO to the agency at `now`. */
export async function finalDocumentSent(options: { owner: Actor; organizationId: string; agencyId: string; recommendations?: string[]; now?: Date }) {
  return activityAt("under_consideration", {
    actor: options.owner,
    agencyId: options.agencyId,
    organizationId: options.organizationId,
    recommendations: options.recommendations,
    now: options.now,
  });
}

/** A pending information request from the NGO to the agency, asked at `now`. */
export async function informationRequestAsked(options: { owner: Actor; organizationId: string; agencyId: string; now?: Date }) {
  const activity = await activityAt("in_progress", { actor: options.owner, agencyId: options.agencyId, organizationId: options.organizationId, now: options.now });
  const request = await askInformationRequest({
    db: getDb(),
    actor: options.owner,
    activityId: activity.id,
    input: { question: "Send the contracts for school meals signed in 2026." },
    now: options.now,
  });
  return { activity, request };
}
