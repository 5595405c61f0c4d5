import { mkdtempSync, readdirSync, readFileSync, existsSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { activities, files } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { isDomainError } from "@/lib/errors";
import { loadFileForReading } from "@/lib/files/load-file-for-reading";
import { blobPath } from "@/lib/files/storage";
import { storeUpload } from "@/lib/files/store-upload";
import type { ActivityState } from "@/lib/public-control/states";
import { actorFor, addOrganizationMember, createAgency, createOrganization, createUser } from "./support/factories";

// Uploads go to a folder of this test file's own.
const uploads = mkdtempSync(path.join(os.tmpdir(), "birge-files-test-"));
process.env.BIRGE_UPLOADS_DIR = uploads;

// The route handler asks who is signed in; the test says.
let signedIn: Actor | null = null;
vi.mock("@/lib/auth/current-actor", () => ({ currentActor: async () => signedIn }));
const { GET: getFile } = await import("@/app/files/[id]/route");

const db = () => getDb();

const bytes = (...parts: Array<number[] | string>) =>
  new Uint8Array(parts.flatMap((part) => (typeof part === "string" ? [...part].map((c) => c.charCodeAt(0)) : part)));
const pngBytes = () => bytes([0x89], "PNG", [0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13], "IHDR", `${Math.random()}`);
const pdfBytes = () => bytes(`%PDF-1.4\n% ${Math.random()}\n%%EOF`);

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return "ok";
  } catch (error) {
    if (isDomainError(error)) return error.code + (error.fieldErrors ? `:${Object.values(error.fieldErrors).flat().join(",")}` : "");
    throw error;
  }
}

async function insertActivity(options: { subjectUserId: string; organizationId?: string | null; state: ActivityState }) {
  const agency = await createAgency();
  const [activity] = await db()
    .insert(activities)
    .values({
      subjectType: options.organizationId ? "organization" : "citizen",
      subjectUserId: options.subjectUserId,
      organizationId: options.organizationId ?? null,
      agencyId: agency.id,
      forms: ["monitoring"],
      title: "Monitoring of school canteens",
      subjectMatter: "Food quality in school canteens",
      goals: "Find out whether children get hot meals as the rules require",
      plannedStart: "2026-03-02",
      plannedEnd: "2026-04-30",
      state: options.state,
    })
    .returning();
  return activity;
}

const fetchAs = async (actor: Actor | null, id: string, headers: Record<string, string> = {}) => {
  signedIn = actor;
  return getFile(new Request(`http://localhost/files/${id}`, { headers }), { params: Promise.resolve({ id }) });
};

beforeEach(() => {
  delete process.env.BIRGE_UPLOAD_MAX_BYTES;
});
afterEach(() => {
  signedIn = null;
});

describe("storing an upload", () => {
  it("keeps Asel's photo under its content hash, once, however many times it is uploaded", async () => {
    const asel = await actorFor((await createUser()).id);
    const content = pngBytes();
    const first = await storeUpload({ db: db(), actor: asel, file: new File([content], "../двор №3.PNG"), purpose: "evidence" });
    const second = await storeUpload({ db: db(), actor: asel, file: new File([content], "copy.png"), purpose: "evidence" });
    expect(first.id).not.toBe(second.id);
    const [row] = await db().select().from(files).where(eq(files.id, first.id));
    expect(row).toMatchObject({ mimeType: "image/png", size: content.byteLength, originalName: "двор _3.png", uploadedBy: asel.id, purpose: "evidence" });
    expect(row.sha256).toMatch(/^[0-9a-f]{64}$/);
    const location = blobPath(row.sha256);
    expect(location).toBe(path.join(uploads, row.sha256.slice(0, 2), row.sha256));
    expect(new Uint8Array(readFileSync(location))).toEqual(content);
    // One blob, no temporary files left behind.
    expect(readdirSync(path.dirname(location)).filter((name) => name.startsWith(row.sha256))).toEqual([row.sha256]);
  });

  it("refuses a page named like a photo, an SVG, an empty file and a file over the limit, writing nothing", async () => {
    const asel = await actorFor((await createUser()).id);
    const store = (file: File) => codeOf(storeUpload({ db: db(), actor: asel, file, purpose: "evidence" }));
    expect(await store(new File(["<html><script>alert(1)</script></html>"], "photo.jpg", { type: "image/jpeg" }))).toBe("validation:fileType");
    expect(await store(new File(['<svg xmlns="http://www.w3.org/2000/svg"/>'], "logo.svg", { type: "image/svg+xml" }))).toBe("validation:fileType");
    expect(await store(new File([], "empty.pdf"))).toBe("validation:fileEmpty");
    process.env.BIRGE_UPLOAD_MAX_BYTES = "64";
    expect(await store(new File([pdfBytes(), new Uint8Array(100)], "big.pdf"))).toBe("validation:fileTooLarge");
    const rows = await db().select().from(files).where(eq(files.uploadedBy, asel.id));
    expect(rows).toEqual([]);
    expect(await codeOf(storeUpload({ db: db(), actor: null, file: new File([pdfBytes()], "a.pdf"), purpose: "evidence" }))).toBe("unauthenticated");
  });
});

describe("who may fetch a file", () => {
  it("serves evidence of a draft only to its subject, and to everyone once the activity is announced", async () => {
    const owner = await createUser();
    const organization = await createOrganization(owner.id);
    const member = await createUser();
    await addOrganizationMember(organization.id, member.id, "member");
    const stranger = await actorFor((await createUser()).id);
    const moderator = await actorFor((await createUser({ platformRoles: ["moderator"] })).id);
    const activity = await insertActivity({ subjectUserId: owner.id, organizationId: organization.id, state: "draft" });
    const { id } = await storeUpload({ db: db(), actor: await actorFor(owner.id), file: new File([pngBytes()], "a.png"), purpose: "evidence", activityId: activity.id });
    const read = (actor: Actor | null) => codeOf(loadFileForReading({ db: db(), actor, fileId: id }));
    expect(await read(await actorFor(member.id))).toBe("ok");
    expect(await read(stranger)).toBe("not_found");
    expect(await read(moderator)).toBe("not_found");
    expect(await read(null)).toBe("not_found");
    expect((await fetchAs(stranger, id)).status).toBe(404);

    await db().update(activities).set({ state: "announced" }).where(eq(activities.id, activity.id));
    expect(await read(null)).toBe("ok");
    const response = await fetchAs(null, id);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("image/png");
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    expect(response.headers.get("content-security-policy")).toBe("default-src 'none'; sandbox");
    expect(response.headers.get("content-disposition")).toMatch(/^inline; filename="a\.png"/);
    expect(response.headers.get("cache-control")).toMatch(/^private/);
    const body = new Uint8Array(await response.arrayBuffer());
    expect(body.slice(0, 4)).toEqual(bytes([0x89], "PNG"));
    const again = await fetchAs(null, id, { "if-none-match": response.headers.get("etag")! });
    expect(again.status).toBe(304);
  });

  it("serves a citizen's draft evidence to that citizen only, and a PDF as a download", async () => {
    const citizen = await actorFor((await createUser()).id);
    const other = await actorFor((await createUser()).id);
    const activity = await insertActivity({ subjectUserId: citizen.id, state: "draft" });
    const { id } = await storeUpload({ db: db(), actor: citizen, file: new File([pdfBytes()], "акт.pdf"), purpose: "evidence", activityId: activity.id });
    expect(await codeOf(loadFileForReading({ db: db(), actor: other, fileId: id }))).toBe("not_found");
    const response = await fetchAs(citizen, id);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/pdf");
    expect(response.headers.get("content-disposition")).toBe(`attachment; filename="___.pdf"; filename*=UTF-8''%D0%B0%D0%BA%D1%82.pdf`);
  });

  it("shows a founding document to the organization's members and moderators only", async () => {
    const owner = await actorFor((await createUser()).id);
    const organization = await createOrganization(owner.id, "pending");
    const refreshedOwner = await actorFor(owner.id);
    const moderator = await actorFor((await createUser({ platformRoles: ["moderator"] })).id);
    const stranger = await actorFor((await createUser()).id);
    const { id } = await storeUpload({ db: db(), actor: refreshedOwner, file: new File([pdfBytes()], "charter.pdf"), purpose: "founding_document", organizationId: organization.id });
    const read = (actor: Actor | null) => codeOf(loadFileForReading({ db: db(), actor, fileId: id }));
    expect(await read(refreshedOwner)).toBe("ok");
    expect(await read(moderator)).toBe("ok");
    expect(await read(stranger)).toBe("not_found");
    expect(await read(null)).toBe("not_found");
  });

  it("shows a file attached to nothing only to its uploader, and answers 404 to nonsense ids", async () => {
    const uploader = await actorFor((await createUser()).id);
    const { id } = await storeUpload({ db: db(), actor: uploader, file: new File([pngBytes()], "x.png"), purpose: "evidence" });
    expect(await codeOf(loadFileForReading({ db: db(), actor: uploader, fileId: id }))).toBe("ok");
    expect(await codeOf(loadFileForReading({ db: db(), actor: await actorFor((await createUser()).id), fileId: id }))).toBe("not_found");
    expect((await fetchAs(null, "../../etc/passwd")).status).toBe(404);
    expect((await fetchAs(null, crypto.randomUUID())).status).toBe(404);
    expect(existsSync(uploads)).toBe(true);
  });
});
