import { getTranslations } from "next-intl/server";
import { redirect } from "next/navigation";
import { PageHeading } from "@/app/_components";
import { currentActor } from "@/lib/auth/current-actor";
import { safeReturnPath } from "@/lib/http/safe-return-path";
import { SignInForm } from "./sign-in-form";

export async function generateMetadata() {
  const t = await getTranslations("auth");
  return { title: t("signInTitle") };
}

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string }> }) {
  const [{ callbackUrl }, actor, t] = await Promise.all([searchParams, currentActor(), getTranslations("auth")]);
  if (actor) redirect("/profile");
  return (
    <div className="narrow">
      <PageHeading title={t("signInTitle")} lead={t("signInLead")} />
      <SignInForm callbackUrl={safeReturnPath(callbackUrl)} />
    </div>
  );
}
