import { getTranslations } from "next-intl/server";
import { getDb } from "@/db/client";
import { listInbox } from "@/lib/agency/inbox";
import { inboxCsv } from "@/lib/agency/inbox-csv";
import { itemUrl } from "@/lib/agency/notify";
import { parseInboxFilters } from "@/lib/agency/schema";
import { currentActor } from "@/lib/auth/current-actor";
import { isDomainError, loggable } from "@/lib/errors";
import { jsonError } from "@/lib/http/json-error";
import { itemLabel, statusLabel } from "@/app/agency/_lib/labels";

export const dynamic = "force-dynamic";

/**
 * GET /api/agency/:agencyId/inbox.csv — the inbox with the page's filters, every matching row
 * (up to the CSV limit), for the agency's staff only. Anyone else, signed in or not, gets 404.
 */
export async function GET(request: Request, { params }: { params: Promise<{ agencyId: string }> }): Promise<Response> {
  const { agencyId } = await params;
  const filters = parseInboxFilters(new URL(request.url).searchParams);
  try {
    const actor = await currentActor();
    if (!actor) return jsonError("not_found", "Not found");
    const [inbox, t] = await Promise.all([listInbox({ db: getDb(), actor, agencyId, filters, everything: true }), getTranslations("agency")]);
    const tt = t as unknown as (key: string, values?: Record<string, string | number>) => string;
    const csv = inboxCsv(
      inbox.rows,
      {
        headers: {
          item: t("inbox.columns.item"),
          kind: t("inbox.columns.kind"),
          received: t("inbox.columns.received"),
          due: t("inbox.columns.due"),
          workingDaysLeft: t("inbox.columns.daysLeft"),
          assignee: t("inbox.columns.assignee"),
          status: t("inbox.columns.status"),
          overdue: t("clock.overdue"),
          link: t("inbox.columns.link"),
        },
        kind: (kind) => t(`kinds.${kind}`),
        status: (status, kind) => statusLabel(tt, status, kind),
        item: (row) => `${itemLabel(tt, row)}: ${row.title}`,
        yes: t("inbox.yes"),
        no: t("inbox.no"),
      },
      (row) => itemUrl(agencyId, row.kind, row.itemId),
    );
    return new Response(csv, {
      headers: {
        "content-type": "text/csv; charset=utf-8",
        "content-disposition": `attachment; filename="inbox-${inbox.today}.csv"`,
        "cache-control": "private, no-store",
        "x-total-count": String(inbox.total),
      },
    });
  } catch (error) {
    if (isDomainError(error) && (error.code === "not_found" || error.code === "unauthenticated")) return jsonError("not_found", "Not found");
    console.error("[api] agency inbox CSV failed:", loggable(error));
    return jsonError("internal", "Internal error");
  }
}
