import type { AgencyItemKind, AgencyItemStatus } from "@/lib/agency/states";
import type { BadgeTone } from "@/app/_components";

// Words and tones shared by the dashboard's pages; the translator is passed in (server or client).
type Translate = (key: string, values?: Record<string, string | number>) => string;

/** "Petition No. 12", "Information request No. 2 · activity No. 5" … */
export function itemLabel(t: Translate, item: { kind: AgencyItemKind; number: number; subNumber: number | null }): string {
  return t(`itemLabel.${item.kind}`, { number: item.number, request: item.subNumber ?? 0 });
}

/** A status in words; a hearing that is done was scheduled, not published. */
export function statusLabel(t: Translate, status: AgencyItemStatus, kind: AgencyItemKind): string {
  return kind === "hearing" && status === "published" ? t("statuses.scheduled") : t(`statuses.${status}`);
}

export const STATUS_TONES: Record<AgencyItemStatus, BadgeTone> = {
  new: "info",
  in_progress: "neutral",
  awaiting_approval: "warning",
  approved: "success",
  published: "success",
};

/** A 'YYYY-MM-DD' Almaty day as an instant inside that day, for next-intl's date formatter (Almaty time zone). */
export function dayAsDate(day: string): Date {
  return new Date(`${day}T12:00:00Z`);
}
