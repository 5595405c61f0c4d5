import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { Button, ButtonLink, Notice, PageHeading } from "@/app/_components";
import { getDb } from "@/db/client";
import { readUnsubscribeLink, type UnsubscribeLink } from "@/lib/petitions/unsubscribe-signer";
import { unsubscribeAction } from "./actions";
import { loggable } from "@/lib/errors";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("unsubscribe");
  // The address carries a personal token: keep it out of search engines.
  return { title: t("title"), robots: { index: false, follow: false } };
}

/**
 * Opened from the link in every signer e-mail. Opening it changes nothing (mail scanners follow
 * links); the button posts the token, and the page then shows the stored outcome.
 */
export default async function UnsubscribePage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ t?: string | string[]; failed?: string }>;
}) {
  const [{ id }, query, t] = await Promise.all([params, searchParams, getTranslations("unsubscribe")]);
  const token = typeof query.t === "string" ? query.t : "";
  const signatureId = /^\d{1,15}$/.test(id) ? Number(id) : 0;
  let link: UnsubscribeLink | null = null;
  let failed = query.failed === "1";
  if (signatureId > 0 && token) {
    try {
      link = await readUnsubscribeLink({ db: getDb(), signatureId, token });
    } catch (error) {
      console.error("[unsubscribe] could not read the link:", loggable(error));
      failed = true;
    }
  }

  if (!link) {
    return (
      <div className="narrow">
        <PageHeading title={t("title")} />
        {failed ? (
          <Notice tone="error" announce={false}>
            {t("failed")}
          </Notice>
        ) : (
          <Notice tone="error" title={t("linkInvalidTitle")} announce={false}>
            <p>{t("linkInvalid")}</p>
          </Notice>
        )}
      </div>
    );
  }

  const petitionHref = link.petitionTitle === null ? null : `/petitions/${link.petitionNumber}`;
  return (
    <div className="narrow">
      <PageHeading
        title={t("title")}
        lead={link.petitionTitle === null ? t("leadWithoutTitle") : t("leadWithTitle", { title: link.petitionTitle })}
      />
      {link.notify ? (
        <form action={unsubscribeAction} className="stack">
          {failed ? <Notice tone="error">{t("failed")}</Notice> : null}
          <p>{t("keepsSignature")}</p>
          <input type="hidden" name="signatureId" value={String(signatureId)} />
          <input type="hidden" name="token" value={token} />
          <div>
            <Button type="submit" fullWidthOnMobile>
              {t("button")}
            </Button>
          </div>
        </form>
      ) : (
        <div className="stack">
          <Notice tone="success" title={t("doneTitle")}>
            <p>{t("done")}</p>
          </Notice>
          {petitionHref ? (
            <div>
              <ButtonLink href={petitionHref} variant="secondary">
                {t("toPetition")}
              </ButtonLink>
            </div>
          ) : null}
        </div>
      )}
    </div>
  );
}
