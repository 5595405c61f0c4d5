import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { PageHeading } from "@/app/_components";
import { getDb } from "@/db/client";
import { mailboxEnabled } from "@/lib/config";
import { mailboxMessage } from "@/lib/mail/read-mailbox";

export const metadata = { robots: { index: false } };

function linkify(text: string) {
  return text.split(/(https?:\/\/\S+)/g).map((part, index) =>
    /^https?:\/\//.test(part) ? (
      <a key={index} href={part}>
        {part}
      </a>
    ) : (
      part
    ),
  );
}

export default async function MailboxMessagePage({ params }: { params: Promise<{ id: string }> }) {
  if (!mailboxEnabled()) notFound();
  const id = Number((await params).id);
  if (!Number.isSafeInteger(id)) notFound();
  const [t, message] = await Promise.all([getTranslations("mailbox"), mailboxMessage(getDb(), id)]);
  if (!message) notFound();
  return (
    <>
      <PageHeading title={message.subject} breadcrumbs={[{ href: "/dev/mailbox", label: t("title") }]} breadcrumbsLabel={t("breadcrumbs")} />
      <dl className="facts">
        <dt>{t("to")}</dt>
        <dd>{message.toAddress}</dd>
      </dl>
      <pre className="mail-body">{linkify(message.textBody)}</pre>
    </>
  );
}
