import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { Badge, Button, EmptyState, Field, PageHeading, Table, TextInput } from "@/app/_components";
import { getDb } from "@/db/client";
import { mailboxEnabled } from "@/lib/config";
import { listMailbox } from "@/lib/mail/read-mailbox";

export const metadata = { robots: { index: false } };

/** Outside production: every e-mail Birge wrote, so a person can follow the links. */
export default async function MailboxPage({ searchParams }: { searchParams: Promise<{ to?: string }> }) {
  if (!mailboxEnabled()) notFound();
  const { to } = await searchParams;
  const [t, format, messages] = await Promise.all([
    getTranslations("mailbox"),
    getFormatter(),
    listMailbox(getDb(), { to: to?.trim() || undefined }),
  ]);
  return (
    <>
      <PageHeading title={t("title")} lead={t("lead")} />
      <form method="get" className="filters" role="search" aria-label={t("filterLabel")}>
        <Field id="to" label={t("filterLabel")}>
          <TextInput id="to" name="to" type="email" defaultValue={to} />
        </Field>
        <Button type="submit">{t("filter")}</Button>
      </form>
      {messages.length === 0 ? (
        <EmptyState title={t("emptyTitle")} description={t("emptyDescription")} />
      ) : (
        <Table caption={t("title")} scrollLabel={t("title")} headers={[t("to"), t("subject"), t("created"), t("status")]}>
          {messages.map((m) => (
            <tr key={m.id}>
              <td>{m.toAddress}</td>
              <td>
                <Link href={`/dev/mailbox/${m.id}`}>{m.subject}</Link>
              </td>
              <td>{format.dateTime(m.createdAt, { dateStyle: "short", timeStyle: "medium" })}</td>
              <td>
                <Badge tone={m.sentAt ? "success" : "neutral"}>{m.sentAt ? t(`transport.${m.transport ?? "mailbox"}`) : t("queued")}</Badge>
              </td>
            </tr>
          ))}
        </Table>
      )}
    </>
  );
}
