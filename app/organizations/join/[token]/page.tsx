import { getTranslations } from "next-intl/server";
import { Button, ButtonLink, Notice, PageHeading } from "@/app/_components";
import { getDb } from "@/db/client";
import { currentActor } from "@/lib/auth/current-actor";
import { previewInvitation } from "@/lib/organizations/invitations";
import { acceptInvitationAction } from "../../actions";

type Params = { params: Promise<{ token: string }>; searchParams: Promise<Record<string, string | undefined>> };

export async function generateMetadata() {
  const t = await getTranslations("organizations");
  return { title: t("join.title"), robots: { index: false } };
}

/** The page an invitation's link opens: who invites, and a button to accept once signed in. */
export default async function JoinOrganizationPage({ params, searchParams }: Params) {
  const { token } = await params;
  const query = await searchParams;
  const [t, te, actor] = await Promise.all([getTranslations("organizations"), getTranslations("errors"), currentActor()]);
  const invitation = /^[A-Za-z0-9_-]{10,100}$/.test(token) ? await previewInvitation(getDb(), token) : null;
  const error = query.error ? (t.has(`errors.${query.error}` as never) ? t(`errors.${query.error}` as never) : te.has(query.error as never) ? te(query.error as never) : te("internal")) : null;
  if (!invitation) {
    return (
      <div className="narrow">
        <PageHeading title={t("join.invalidTitle")} lead={t("join.invalidLead")} />
      </div>
    );
  }
  const path = `/organizations/join/${token}`;
  return (
    <div className="narrow">
      <PageHeading title={t("join.title")} lead={t("join.lead", { organization: invitation.organizationName, email: invitation.email })} />
      {error ? (
        <Notice tone="error" className="mt-6">
          {error}
        </Notice>
      ) : null}
      <div className="mt-8">
        {invitation.expired ? (
          <Notice tone="warning">{t("errors.invitationExpired")}</Notice>
        ) : actor ? (
          <form action={acceptInvitationAction}>
            <input type="hidden" name="token" value={token} />
            <Button type="submit">{t("join.accept", { organization: invitation.organizationName })}</Button>
          </form>
        ) : (
          <ButtonLink href={`/sign-in?callbackUrl=${encodeURIComponent(path)}`}>{t("join.signIn")}</ButtonLink>
        )}
      </div>
    </div>
  );
}
