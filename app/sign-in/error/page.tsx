import { getTranslations } from "next-intl/server";
import { ButtonLink, Notice, PageHeading } from "@/app/_components";

export async function generateMetadata() {
  const t = await getTranslations("auth");
  return { title: t("errorTitle") };
}

export default async function SignInErrorPage({ searchParams }: { searchParams: Promise<{ error?: string }> }) {
  const [{ error }, t] = await Promise.all([searchParams, getTranslations("auth")]);
  const known = error === "Verification" ? "linkExpired" : "signInFailed";
  return (
    <div className="narrow">
      <PageHeading title={t("errorTitle")} />
      <Notice tone="error">{t(`errors.${known}`)}</Notice>
      <p>
        <ButtonLink href="/sign-in">{t("tryAgain")}</ButtonLink>
      </p>
    </div>
  );
}
