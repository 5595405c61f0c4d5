import { and, eq, inArray, isNotNull, sql } from "drizzle-orm";
import { activities, agencies, agencyItemStates, informationRequests, petitions, type Agency, type AgencyItemState } from "@/db/schema";
import type { Executor } from "@/db/client";
import type { Actor } from "@/lib/auth/actor";
import { agencyRoleOf, assertAgencyRole } from "@/lib/auth/permissions";
import type { AgencyRole } from "@/db/schema";
import { DomainError } from "@/lib/errors";
import type { AgencyItemKind } from "./states";

/** What the dashboard needs to know of an item from its own table. */
export interface ItemSource {
  kind: AgencyItemKind;
  itemId: string;
  agencyId: string;
  /** The petition's or activity's title. */
  title: string;
  /** The petition's or activity's public number. */
  number: number;
  /** An information request's number within its activity. */
  subNumber: number | null;
  /** When the clock started: threshold reached, final document sent, request asked. */
  receivedAt: Date | null;
  dueOn: string | null;
  /** The answer is published (for a hearing: the hearing is scheduled): nothing left to do. */
  answered: boolean;
  /** The public page of the petition or activity. */
  publicPath: string;
  /** The activity an information request or final document belongs to. */
  activityId: string | null;
}

// Which rows of the source tables are dashboard items (the same rules as the inbox query).
const PETITION_STATES = ["open", "closed", "responded"] as const;
const FINAL_DOCUMENT_STATES = ["under_consideration", "hearing", "answered", "closed"] as const;
const HEARING_STATES = ["under_consideration", "hearing"] as const;

/** The item behind (kind, id), whichever agency it is addressed to; null when it is not an item. */
export async function findItemSource(db: Executor, kind: AgencyItemKind, itemId: string): Promise<ItemSource | null> {
  switch (kind) {
    case "petition": {
      const [p] = await db
        .select()
        .from(petitions)
        .where(and(eq(petitions.id, itemId), isNotNull(petitions.thresholdReachedAt), inArray(petitions.state, [...PETITION_STATES])));
      if (!p) return null;
      return {
        kind,
        itemId,
        agencyId: p.agencyId,
        title: p.title,
        number: p.number,
        subNumber: null,
        receivedAt: p.thresholdReachedAt,
        dueOn: p.responseDueOn,
        answered: p.state === "responded",
        publicPath: `/petitions/${p.number}`,
        activityId: null,
      };
    }
    case "final_document":
    case "hearing": {
      const states = kind === "hearing" ? HEARING_STATES : FINAL_DOCUMENT_STATES;
      const [a] = await db
        .select()
        .from(activities)
        .where(and(eq(activities.id, itemId), isNotNull(activities.sentAt), inArray(activities.state, [...states])));
      if (!a) return null;
      return {
        kind,
        itemId,
        agencyId: a.agencyId,
        title: a.title,
        number: a.number,
        subNumber: null,
        receivedAt: a.sentAt,
        dueOn: a.answerDueOn,
        answered: kind === "hearing" ? a.state === "hearing" : a.state === "answered" || a.state === "closed",
        publicPath: `/activities/${a.number}`,
        activityId: a.id,
      };
    }
    case "information_request": {
      const [row] = await db
        .select({ request: informationRequests, activity: activities })
        .from(informationRequests)
        .innerJoin(activities, eq(activities.id, informationRequests.activityId))
        .where(and(eq(informationRequests.id, itemId), sql`${activities.state} <> 'draft'`));
      if (!row) return null;
      return {
        kind,
        itemId,
        agencyId: row.activity.agencyId,
        title: row.activity.title,
        number: row.activity.number,
        subNumber: row.request.number,
        receivedAt: row.request.askedAt,
        dueOn: row.request.dueOn,
        answered: row.request.state !== "pending",
        publicPath: `/activities/${row.activity.number}`,
        activityId: row.activity.id,
      };
    }
    default:
      return null;
  }
}

/**
 * The check before any work outside a transaction (such as writing uploaded bytes): the actor
 * is staff of the agency and the item is addressed to it; anyone else hears not_found.
 */
export async function assertItemOfAgency(
  db: Executor,
  actor: Actor | null,
  target: { agencyId: string; kind: AgencyItemKind; itemId: string },
): Promise<ItemSource> {
  assertAgencyRole(actor, target.agencyId);
  const source = await findItemSource(db, target.kind, target.itemId);
  if (!source || source.agencyId !== target.agencyId) throw new DomainError("not_found", "notFound");
  return source;
}

/** An item as a domain function works on it: its source, its locked dashboard row, the agency and the actor's role. */
export interface LockedItem {
  source: ItemSource;
  state: AgencyItemState;
  agency: Agency;
  role: AgencyRole;
}

/**
 * For every change made from the dashboard: checks the actor is staff of the agency (or a
 * supervisor when `role` says so) — anyone else hears not_found, whatever the item — then that
 * the item is addressed to that agency, and locks its dashboard row (created on first use).
 * With `open`, an item already answered is refused.
 */
export async function lockItemForWork(
  tx: Executor,
  actor: Actor | null,
  target: { agencyId: string; kind: AgencyItemKind; itemId: string },
  options: { role?: AgencyRole; open?: boolean } = {},
): Promise<LockedItem> {
  const { agencyId, kind, itemId } = target;
  assertAgencyRole(actor, agencyId, options.role ?? "staff");
  const source = await findItemSource(tx, kind, itemId);
  if (!source || source.agencyId !== agencyId) throw new DomainError("not_found", "notFound");
  await tx.insert(agencyItemStates).values({ itemKind: kind, itemId, agencyId }).onConflictDoNothing();
  const [state] = await tx
    .select()
    .from(agencyItemStates)
    .where(and(eq(agencyItemStates.itemKind, kind), eq(agencyItemStates.itemId, itemId)))
    .for("update");
  const [agency] = await tx.select().from(agencies).where(eq(agencies.id, agencyId));
  if (options.open && (source.answered || state.status === "published")) throw new DomainError("invalid_transition", "invalidTransition");
  return { source, state, agency, role: agencyRoleOf(actor, agencyId)! };
}
