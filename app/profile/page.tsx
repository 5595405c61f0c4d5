import { getLocale, getTranslations } from "next-intl/server";
import { redirect } from "next/navigation";
import { Button, PageHeading, Section } from "@/app/_components";
import { currentActor } from "@/lib/auth/current-actor";
import { signOutAction } from "@/app/sign-in/actions";
import { ProfileForm } from "./profile-form";

export async function generateMetadata() {
  const t = await getTranslations("profile");
  return { title: t("title") };
}

export default async function ProfilePage() {
  const [actor, t, locale] = await Promise.all([currentActor(), getTranslations("profile"), getLocale()]);
  if (!actor) redirect("/sign-in?callbackUrl=/profile");
  return (
    <div className="narrow">
      <PageHeading title={t("title")} lead={t("signedInAs", { email: actor.email })} />
      <ProfileForm name={actor.name ?? ""} locale={locale} />
      <Section title={t("signOutTitle")}>
        <form action={signOutAction}>
          <Button type="submit" variant="secondary">
            {t("signOut")}
          </Button>
        </form>
      </Section>
    </div>
  );
}
