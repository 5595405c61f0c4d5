import { getTranslations } from "next-intl/server";
import { Button, PageHeading, Notice } from "@/app/_components";
import { safeReturnPath } from "@/lib/http/safe-return-path";

export async function generateMetadata() {
  const t = await getTranslations("auth");
  return { title: t("confirmTitle") };
}

/**
 * The page the e-mailed link opens. Opening it signs nobody in: the button POSTs the token to
 * Auth.js's callback, so a mail scanner that follows links cannot use it up, and a link planted
 * by someone else (their own token, to sign a visitor into their account) needs this click on
 * our own page — the callback refuses a POST from anywhere else.
 */
export default async function ConfirmSignInPage({
  searchParams,
}: {
  searchParams: Promise<{ token?: string; email?: string; callbackUrl?: string }>;
}) {
  const [{ token, email, callbackUrl }, t] = await Promise.all([searchParams, getTranslations("auth")]);
  if (!token || !email) {
    return (
      <div className="narrow">
        <PageHeading title={t("confirmTitle")} />
        <Notice tone="error">{t("errors.linkInvalid")}</Notice>
      </div>
    );
  }
  return (
    <div className="narrow">
      <PageHeading title={t("confirmTitle")} lead={t("confirmLead", { email })} />
      <form method="post" action="/api/auth/callback/email">
        <input type="hidden" name="token" value={token} />
        <input type="hidden" name="email" value={email} />
        <input type="hidden" name="callbackUrl" value={safeReturnPath(callbackUrl)} />
        <Button type="submit">{t("confirmButton")}</Button>
      </form>
    </div>
  );
}
