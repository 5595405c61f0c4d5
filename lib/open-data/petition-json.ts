import { siteUrl } from "@/lib/config";
import type { LocalizedNames, PetitionListItem, PetitionListPage } from "@/lib/petitions/list-petitions";
import type { PetitionPageData } from "@/lib/petitions/petition-page-data";
import { listPageJson } from "./pagination";

// The JSON the open-data API publishes. Field names are part of the public contract described
// in lib/open-data/petitions-openapi.ts: change both together, and only by adding.

/** Names in the three languages, as the API writes them. */
export function namesJson(row: LocalizedNames): { kk: string; ru: string; en: string } {
  return { kk: row.nameKk, ru: row.nameRu, en: row.nameEn };
}

const iso = (value: Date | null) => (value ? value.toISOString() : null);

export function petitionApiPath(number: number): string {
  return `/api/v1/petitions/${number}`;
}

/** A petition in a list. */
export function petitionSummaryJson(item: PetitionListItem | (Omit<PetitionListItem, "state"> & { state: string })) {
  const origin = siteUrl();
  return {
    number: item.number,
    title: item.title,
    request: item.request,
    state: item.state,
    addressee: { slug: item.agency.slug, level: item.agency.level, name: namesJson(item.agency) },
    region: item.region ? { code: item.region.code, name: namesJson(item.region) } : null,
    signatures: item.signatures,
    invalidatedSignatures: item.invalidated,
    responseThreshold: item.responseThreshold,
    openedAt: iso(item.openedAt),
    closesOn: item.closesOn,
    closedAt: iso(item.closedAt),
    thresholdReachedAt: iso(item.thresholdReachedAt),
    responseDueOn: item.responseDueOn,
    respondedAt: iso(item.respondedAt),
    links: { self: `${origin}${petitionApiPath(item.number)}`, html: `${origin}/petitions/${item.number}` },
  };
}

/** The body of GET /api/v1/petitions. */
export function petitionListJson(url: URL, result: PetitionListPage) {
  return listPageJson(url, result, petitionSummaryJson);
}

/** The body of GET /api/v1/petitions/{number}: the summary plus counts by region and day, answer and history. */
export function petitionDetailJson(data: PetitionPageData) {
  const { petition } = data;
  return {
    data: {
      ...petitionSummaryJson({
        ...petition,
        agency: petition.agency,
        signatures: data.counts.confirmed,
        invalidated: data.counts.invalidated,
      }),
      reasons: petition.reasons,
      rejectionReason: petition.rejectionReason,
      counts: {
        signatures: data.counts.confirmed,
        invalidated: data.counts.invalidated,
        byRegion: data.regionCounts.map((r) => ({ code: r.code, name: namesJson(r), signatures: r.signatures })),
        byDay: data.dailyCounts,
      },
      answerOverdue: data.deadlines.overdue,
      response: data.response
        ? {
            decision: data.response.decision,
            reasons: data.response.reasons,
            measures: data.response.measures.map((m) => ({ text: m.text, dueOn: m.dueOn })),
            publishedAt: data.response.publishedAt.toISOString(),
          }
        : null,
      timeline: data.timeline.map((entry) => ({
        action: entry.action,
        occurredAt: entry.occurredAt.toISOString(),
        fromState: entry.fromState,
        toState: entry.toState,
        reason: entry.rejectionReason ?? entry.reason,
      })),
    },
  };
}
