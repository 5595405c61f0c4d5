import { and, eq, sql } from "drizzle-orm";
import { agencyAlertsSent, agencyMemberships } from "@/db/schema";
import { rowsOf, type Database } from "@/db/client";
import { loadCalendar } from "@/lib/calendar/load-calendar";
import { toDayString } from "@/lib/calendar/working-days";
import { recordEvent } from "@/lib/events/record-event";
import { alertFor, workingDaysLeft } from "./deadlines";
import { itemUrl, mailPeople, supervisorIds } from "./notify";
import { readAgencyDashboardSettings } from "./settings";
import { itemEntityId, type AgencyAlertKind, type AgencyItemKind } from "./states";

export const ESCALATE_QUEUE = "agency.escalate";

const TEMPLATES: Record<AgencyAlertKind, string> = {
  before: "mailAgency.alertBefore",
  due: "mailAgency.alertDue",
  overdue: "mailAgency.alertOverdue",
};

interface OpenClock {
  kind: AgencyItemKind;
  item_id: string;
  agency_id: string;
  title: string;
  due_on: string;
  assignee_id: string | null;
}

/**
 * The daily escalation (job "agency.escalate"): for every open item on a statutory clock, alerts
 * its assignee and the agency's supervisors (all its staff when it has neither) a set number of
 * working days before the due day (setting, default 3), on the due day, and once it is overdue.
 * Each alert goes once per item, kind and due day (agency_alerts_sent), so reruns send nothing
 * twice; the first overdue alert also records the item's "became_overdue" event.
 */
export async function escalateItems(options: {
  db: Database;
  now?: Date;
  /** Only this agency's items (a manual rerun for one agency, or a test on a shared database). */
  agencyId?: string;
}): Promise<{ alerts: number }> {
  const { db, now = new Date(), agencyId } = options;
  const today = toDayString(now);
  const [settings, calendar] = await Promise.all([readAgencyDashboardSettings(db), loadCalendar(db)]);
  // Only a due day before the (N+1)-th working day from today has N or fewer working days left.
  const horizon = calendar.addWorkingDays(today, settings.alertWorkingDaysBefore + 1);
  const candidates = rowsOf<OpenClock>(
    await db.execute(sql`
      with clocks as (
        select 'petition'::text as kind, p.id as item_id, p.agency_id, p.title, p.response_due_on as due_on
        from petitions p
        where p.state in ('open', 'closed') and p.threshold_reached_at is not null and p.response_due_on < ${horizon}::date
        union all
        select 'final_document', a.id, a.agency_id, a.title, a.answer_due_on
        from activities a
        where a.state in ('under_consideration', 'hearing') and a.answer_due_on < ${horizon}::date
        union all
        select 'information_request', r.id, a.agency_id, a.title, r.due_on
        from information_requests r join activities a on a.id = r.activity_id
        where r.state = 'pending' and r.due_on < ${horizon}::date
      )
      select c.kind, c.item_id, c.agency_id, c.title, c.due_on::text as due_on, s.assignee_id
      from clocks c
      left join agency_item_states s on s.item_kind = c.kind and s.item_id = c.item_id
      where ${agencyId ? sql`c.agency_id = ${agencyId}` : sql`true`}
        and not exists (
        select 1 from agency_alerts_sent x
        where x.item_kind = c.kind and x.item_id = c.item_id and x.due_on = c.due_on and x.alert_kind = 'overdue'
      )
      order by c.due_on, c.kind, c.item_id`),
  );

  let alerts = 0;
  for (const item of candidates) {
    const alertKind = alertFor(calendar, today, item.due_on, settings.alertWorkingDaysBefore);
    if (!alertKind) continue;
    const sent = await db.transaction(async (tx) => {
      const [claimed] = await tx
        .insert(agencyAlertsSent)
        .values({ itemKind: item.kind, itemId: item.item_id, alertKind, dueOn: item.due_on, sentOn: today, createdAt: now })
        .onConflictDoNothing()
        .returning({ itemId: agencyAlertsSent.itemId });
      // Already sent by an earlier run (or a concurrent one): nothing to do.
      if (!claimed) return false;
      let recipients = [item.assignee_id, ...(await supervisorIds(tx, item.agency_id))].filter((id): id is string => !!id);
      if (recipients.length === 0) {
        const staff = await tx.select({ userId: agencyMemberships.userId }).from(agencyMemberships).where(eq(agencyMemberships.agencyId, item.agency_id));
        recipients = staff.map((member) => member.userId);
      }
      const mailed = await mailPeople(tx, recipients, TEMPLATES[alertKind], {
        kind: item.kind,
        title: item.title,
        due: item.due_on,
        days: Math.abs(workingDaysLeft(calendar, today, item.due_on)),
        url: itemUrl(item.agency_id, item.kind, item.item_id),
      });
      await tx
        .update(agencyAlertsSent)
        .set({ recipients: mailed })
        .where(
          and(
            eq(agencyAlertsSent.itemKind, item.kind),
            eq(agencyAlertsSent.itemId, item.item_id),
            eq(agencyAlertsSent.alertKind, alertKind),
            eq(agencyAlertsSent.dueOn, item.due_on),
          ),
        );
      if (alertKind === "overdue") {
        await recordEvent(tx, {
          entityType: "agency_item",
          entityId: itemEntityId(item.kind, item.item_id),
          actorId: null,
          action: "became_overdue",
          data: { agencyId: item.agency_id, dueOn: item.due_on },
          occurredAt: now,
        });
      }
      return true;
    });
    if (sent) alerts++;
  }
  return { alerts };
}
