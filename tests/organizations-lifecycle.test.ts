import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { events, files, mailMessages, organizationMemberships, organizations } from "@/db/schema";
import { isDomainError } from "@/lib/errors";
import { acceptInvitation, inviteMember, previewInvitation, revokeInvitation } from "@/lib/organizations/invitations";
import { registerOrganization } from "@/lib/organizations/register-organization";
import { refuseOrganization } from "@/lib/organizations/refuse-organization";
import { removeMember } from "@/lib/organizations/remove-member";
import { isValidBin } from "@/lib/organizations/bin";
import { organizationFormSchema } from "@/lib/organizations/schema";
import { verifyOrganization } from "@/lib/organizations/verify-organization";
import { listPendingOrganizations } from "@/lib/organizations/queries";
import { announceActivity } from "@/lib/public-control/announce-activity";
import { actorFor, createUser } from "./support/factories";
import { cast, draftActivity, pdfFile } from "./support/public-control-activities";

process.env.BIRGE_UPLOADS_DIR ??= path.join(os.tmpdir(), "birge-test-uploads");

const db = () => getDb();

async function refusal(promise: Promise<unknown>): Promise<{ code: string; message: string; fieldErrors?: Record<string, string[]> }> {
  try {
    await promise;
  } catch (error) {
    if (isDomainError(error)) return { code: error.code, message: error.message, fieldErrors: error.fieldErrors };
    throw error;
  }
  throw new Error("expected a refusal");
}

/**
 * A valid BIN not used yet: YYMM 4 0 NNNNN K with the right check digit, drawn from 120 million
 * (any year and month, any serial; 10,000 before, where a long-lived test database filled up
 * and two draws of one run could meet), never the same twice in this process.
 */
const drawnBins = new Set<string>();
function freshBin(): string {
  const digits = (n: number, width: number) => String(Math.floor(Math.random() * n)).padStart(width, "0");
  for (;;) {
    const body = `${digits(100, 2)}${String(1 + Math.floor(Math.random() * 12)).padStart(2, "0")}40${digits(1e5, 5)}`;
    // The check digit that makes it valid, if any (some bodies have none).
    const bin = Array.from({ length: 10 }, (_, k) => `${body}${k}`).find(isValidBin);
    if (bin && !drawnBins.has(bin)) {
      drawnBins.add(bin);
      return bin;
    }
  }
}

function form(overrides: Record<string, string> = {}) {
  const parsed = organizationFormSchema.safeParse({
    name: `Қоғамдық бірлестік «Ашық қала» ${Math.random().toString(36).slice(2, 6)}`,
    bin: freshBin(),
    contactEmail: "office@ashyq.example.kz",
    phone: "+7 701 000 00 00",
    website: "https://ashyq.example.kz",
    address: "Astana, Mangilik El 8",
    ...overrides,
  });
  if (!parsed.success) throw new Error(JSON.stringify(parsed.error.issues));
  return parsed.data;
}

async function newCitizen(name = "Citizen") {
  return actorFor((await createUser({ name })).id);
}

describe("a citizen registers an NGO", () => {
  it("keeps it pending with its founding document, makes the registrant its owner, and queues it for moderators", async () => {
    const founder = await newCitizen("Dana Zhumabekova");
    const organization = await registerOrganization({ db: db(), actor: founder, input: form(), foundingDocument: pdfFile() });
    expect(organization.state).toBe("pending");
    expect(organization.slug).toMatch(/^qogamdyq-birlestik-ashyq-qala/);
    const [membership] = await db().select().from(organizationMemberships).where(eq(organizationMemberships.organizationId, organization.id));
    expect(membership).toMatchObject({ userId: founder.id, role: "owner" });
    const [document] = await db().select().from(files).where(eq(files.id, organization.foundingDocumentFileId!));
    expect(document).toMatchObject({ purpose: "founding_document", organizationId: organization.id, mimeType: "application/pdf" });
    expect((await listPendingOrganizations(db())).some((row) => row.organization.id === organization.id)).toBe(true);
    const [event] = await db().select().from(events).where(and(eq(events.entityId, organization.id), eq(events.action, "registered")));
    expect(event.toState).toBe("pending");
  });

  it("checks the BIN's format and refuses a BIN already registered, or a missing document", async () => {
    expect(organizationFormSchema.safeParse({ name: "NGO", bin: "12345", contactEmail: "a@b.kz" }).success).toBe(false);
    const badCheck = organizationFormSchema.safeParse({ name: "Some NGO", bin: "210540027182", contactEmail: "a@b.kz" });
    expect(badCheck.success ? [] : badCheck.error.issues.map((i) => i.message)).toEqual(["binInvalid"]);

    const founder = await newCitizen();
    const input = form();
    await registerOrganization({ db: db(), actor: founder, input, foundingDocument: pdfFile() });
    const again = await refusal(registerOrganization({ db: db(), actor: await newCitizen(), input: { ...input, name: "Another name" }, foundingDocument: pdfFile() }));
    expect(again.fieldErrors).toEqual({ bin: ["binTaken"] });
    const noDocument = await refusal(registerOrganization({ db: db(), actor: founder, input: form(), foundingDocument: null }));
    expect(noDocument.fieldErrors).toEqual({ foundingDocument: ["foundingDocumentRequired"] });
    const notADocument = await refusal(
      registerOrganization({ db: db(), actor: founder, input: form(), foundingDocument: new File(["<html>"], "charter.pdf", { type: "application/pdf" }) }),
    );
    expect(notADocument.fieldErrors).toEqual({ foundingDocument: ["fileType"] });
    expect((await refusal(registerOrganization({ db: db(), actor: null, input: form(), foundingDocument: pdfFile() }))).code).toBe("unauthenticated");
  });
});

describe("a moderator decides", () => {
  it("verifies a pending NGO, which may then announce, and tells its owner", async () => {
    const founder = await newCitizen();
    const moderator = await actorFor((await createUser({ platformRoles: ["moderator"] })).id);
    const organization = await registerOrganization({ db: db(), actor: founder, input: form(), foundingDocument: pdfFile() });
    const owner = await actorFor(founder.id);
    const { agency } = await cast();
    const draft = await draftActivity({ actor: owner, agencyId: agency.id, organizationId: organization.id });
    expect((await refusal(announceActivity({ db: db(), actor: owner, activityId: draft.id }))).message).toBe("organizationNotVerified");

    expect((await refusal(verifyOrganization({ db: db(), actor: owner, organizationId: organization.id }))).code).toBe("forbidden");
    const verified = await verifyOrganization({ db: db(), actor: moderator, organizationId: organization.id, now: new Date("2026-02-02T06:00:00Z") });
    expect(verified).toMatchObject({ state: "verified", verifiedBy: moderator.id });
    const mail = await db().select().from(mailMessages).where(and(eq(mailMessages.toAddress, founder.email), eq(mailMessages.template, "mailControl.organizationVerified")));
    expect(mail).toHaveLength(1);
    expect((await refusal(verifyOrganization({ db: db(), actor: moderator, organizationId: organization.id }))).code).toBe("invalid_transition");
    expect((await announceActivity({ db: db(), actor: owner, activityId: draft.id })).state).toBe("announced");
  });

  it("refuses a pending NGO only with a reason, which its owner receives", async () => {
    const founder = await newCitizen();
    const moderator = await actorFor((await createUser({ platformRoles: ["moderator"] })).id);
    const organization = await registerOrganization({ db: db(), actor: founder, input: form(), foundingDocument: pdfFile() });
    expect((await refusal(refuseOrganization({ db: db(), actor: moderator, organizationId: organization.id, reason: "no" }))).fieldErrors).toEqual({ reason: ["tooShort"] });
    const reason = "The founding document is not legible; upload a clear scan.";
    const refused = await refuseOrganization({ db: db(), actor: moderator, organizationId: organization.id, reason });
    expect(refused).toMatchObject({ state: "refused", refusalReason: reason });
    const [mail] = await db().select().from(mailMessages).where(and(eq(mailMessages.toAddress, founder.email), eq(mailMessages.template, "mailControl.organizationRefused")));
    expect(mail.textBody).toContain(reason);
    expect((await refusal(verifyOrganization({ db: db(), actor: moderator, organizationId: organization.id }))).code).toBe("invalid_transition");
  });
});

describe("the owner manages members", () => {
  it("invites by e-mail; only the invited address can accept, once", async () => {
    const { owner, organization } = await cast();
    const inviteeUser = await createUser({ name: "Arman" });
    const { token } = await inviteMember({ db: db(), actor: owner, organizationId: organization.id, email: inviteeUser.email.toUpperCase() });
    const [mail] = await db().select().from(mailMessages).where(and(eq(mailMessages.toAddress, inviteeUser.email), eq(mailMessages.template, "mailControl.invitation")));
    expect(mail.textBody).toContain(`/organizations/join/${token}`);
    expect(await previewInvitation(db(), token)).toMatchObject({ organizationName: organization.name, expired: false });

    const stranger = await newCitizen();
    expect((await refusal(acceptInvitation({ db: db(), actor: stranger, token }))).code).toBe("forbidden");
    const invitee = await actorFor(inviteeUser.id);
    expect(await acceptInvitation({ db: db(), actor: invitee, token })).toMatchObject({ organizationId: organization.id });
    expect((await actorFor(inviteeUser.id)).organizations).toEqual([{ organizationId: organization.id, role: "member" }]);
    expect((await refusal(acceptInvitation({ db: db(), actor: invitee, token }))).code).toBe("not_found");
    expect((await refusal(inviteMember({ db: db(), actor: owner, organizationId: organization.id, email: inviteeUser.email }))).fieldErrors).toEqual({
      email: ["alreadyMember"],
    });
  });

  it("refuses invitations from a plain member, expired links and revoked links", async () => {
    const { owner, organization } = await cast();
    const { token: oldToken } = await inviteMember({ db: db(), actor: owner, organizationId: organization.id, email: "late@example.kz", now: new Date("2025-01-01T00:00:00Z") });
    const lateUser = await actorFor((await createUser()).id);
    expect((await refusal(acceptInvitation({ db: db(), actor: { ...lateUser, email: "late@example.kz" }, token: oldToken }))).message).toBe("invitationExpired");

    const { invitation, token } = await inviteMember({ db: db(), actor: owner, organizationId: organization.id, email: "revoked@example.kz" });
    await revokeInvitation({ db: db(), actor: owner, invitationId: invitation.id });
    expect(await previewInvitation(db(), token)).toBeNull();

    const memberUser = await createUser();
    await acceptViaInvite(owner, organization.id, memberUser.id, memberUser.email);
    const member = await actorFor(memberUser.id);
    expect((await refusal(inviteMember({ db: db(), actor: member, organizationId: organization.id, email: "x@example.kz" }))).code).toBe("forbidden");
  });

  it("removes a member but never the owner, and only the owner may", async () => {
    const { owner, organization } = await cast();
    const memberUser = await createUser();
    await acceptViaInvite(owner, organization.id, memberUser.id, memberUser.email);
    const member = await actorFor(memberUser.id);
    expect((await refusal(removeMember({ db: db(), actor: member, organizationId: organization.id, userId: owner.id }))).code).toBe("forbidden");
    expect((await refusal(removeMember({ db: db(), actor: owner, organizationId: organization.id, userId: owner.id }))).message).toBe("cannotRemoveOwner");
    await removeMember({ db: db(), actor: owner, organizationId: organization.id, userId: member.id });
    expect((await actorFor(member.id)).organizations).toEqual([]);
    const [org] = await db().select().from(organizations).where(eq(organizations.id, organization.id));
    expect(org.state).toBe("verified");
  });
});

async function acceptViaInvite(owner: Awaited<ReturnType<typeof actorFor>>, organizationId: string, userId: string, email: string) {
  const { token } = await inviteMember({ db: db(), actor: owner, organizationId, email });
  await acceptInvitation({ db: db(), actor: await actorFor(userId), token });
}
