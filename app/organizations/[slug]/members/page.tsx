import { notFound, redirect } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { Badge, Button, Notice, PageHeading, Section, Table } from "@/app/_components";
import { getDb } from "@/db/client";
import { currentActor } from "@/lib/auth/current-actor";
import { organizationRoleOf } from "@/lib/auth/permissions";
import { organizationBySlug } from "@/lib/organizations/lock-organization";
import { listMembers, listOpenInvitations } from "@/lib/organizations/queries";
import { removeMemberAction, revokeInvitationAction } from "../../actions";
import { InviteMemberForm } from "./invite-form";

type Params = { params: Promise<{ slug: string }>; searchParams: Promise<Record<string, string | undefined>> };

export async function generateMetadata() {
  const t = await getTranslations("organizations");
  return { title: t("members.title"), robots: { index: false } };
}

/**
 * The members of an organization, for its members; the owner also invites and removes. Not the
 * security check: every change is checked again by its domain function.
 */
export default async function MembersPage({ params, searchParams }: Params) {
  const { slug } = await params;
  const query = await searchParams;
  const actor = await currentActor();
  if (!actor) redirect(`/sign-in?callbackUrl=${encodeURIComponent(`/organizations/${slug}/members`)}`);
  const db = getDb();
  const organization = await organizationBySlug(db, slug.slice(0, 100));
  const role = organization ? organizationRoleOf(actor, organization.id) : null;
  if (!organization || !role) notFound();
  const isOwner = role === "owner";
  const [t, te, format, members, invitations] = await Promise.all([
    getTranslations("organizations"),
    getTranslations("errors"),
    getFormatter(),
    listMembers(db, organization.id),
    isOwner ? listOpenInvitations(db, organization.id) : Promise.resolve([]),
  ]);
  const notice = query.notice && t.has(`notices.${query.notice}` as never) ? t(`notices.${query.notice}` as never) : null;
  const error = query.error ? (t.has(`errors.${query.error}` as never) ? t(`errors.${query.error}` as never) : te.has(query.error as never) ? te(query.error as never) : te("internal")) : null;
  const hidden = (
    <>
      <input type="hidden" name="organizationId" value={organization.id} />
      <input type="hidden" name="slug" value={organization.slug} />
    </>
  );
  return (
    <>
      <PageHeading
        caption={organization.name}
        title={t("members.title")}
        lead={t(isOwner ? "members.leadOwner" : "members.leadMember")}
        breadcrumbs={[{ href: "/organizations", label: t("directory.title") }, { href: `/organizations/${organization.slug}`, label: organization.name }, { label: t("members.title") }]}
        breadcrumbsLabel={t("breadcrumbs")}
      />
      {notice ? (
        <Notice tone="success" className="mt-6">
          {notice}
        </Notice>
      ) : null}
      {error ? (
        <Notice tone="error" className="mt-6">
          {error}
        </Notice>
      ) : null}
      <Section title={t("members.listTitle")}>
        <Table caption={t("members.listTitle")} captionHidden headers={[t("members.name"), t("members.role"), t("members.since"), ...(isOwner ? [t("members.actions")] : [])]}>
          {members.map((member) => (
            <tr key={member.userId}>
              <th scope="row">
                {member.name || member.email}
                {member.name ? <div className="font-normal text-muted">{member.email}</div> : null}
              </th>
              <td>
                <Badge tone={member.role === "owner" ? "info" : "neutral"}>{t(`roles.${member.role}`)}</Badge>
              </td>
              <td>{format.dateTime(member.since, { dateStyle: "medium" })}</td>
              {isOwner ? (
                <td>
                  {member.role === "owner" ? null : (
                    <form action={removeMemberAction}>
                      {hidden}
                      <input type="hidden" name="userId" value={member.userId} />
                      <Button type="submit" size="sm" variant="danger">
                        {t("members.remove", { name: member.name || member.email })}
                      </Button>
                    </form>
                  )}
                </td>
              ) : null}
            </tr>
          ))}
        </Table>
      </Section>
      {isOwner ? (
        <>
          <Section title={t("members.inviteTitle")} description={t("members.inviteDescription")}>
            <InviteMemberForm organizationId={organization.id} slug={organization.slug} />
          </Section>
          {invitations.length ? (
            <Section title={t("members.invitationsTitle")}>
              <ul className="stack">
                {invitations.map((invitation) => (
                  <li key={invitation.id} className="flex flex-wrap items-center gap-3">
                    <span>
                      {invitation.email} <span className="text-muted">({format.dateTime(invitation.createdAt, { dateStyle: "medium" })})</span>
                    </span>
                    <form action={revokeInvitationAction}>
                      {hidden}
                      <input type="hidden" name="invitationId" value={invitation.id} />
                      <Button type="submit" size="sm" variant="secondary">
                        {t("members.revoke", { email: invitation.email })}
                      </Button>
                    </form>
                  </li>
                ))}
              </ul>
            </Section>
          ) : null}
        </>
      ) : null}
    </>
  );
}
