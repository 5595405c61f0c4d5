import { siteUrl } from "@/lib/config";
import type { PetitionListItem } from "@/lib/petitions/list-petitions";

// CSV for spreadsheets (RFC 4180). Petition titles are written by the public, so a cell that a
// spreadsheet would run as a formula (=, +, -, @, tab, carriage return first) is prefixed
// with a single quote: it then shows as text (OWASP "CSV injection").

export type CsvValue = string | number | boolean | null | undefined;

/** One cell: quoted when it holds a comma, quote or line break; defused when it starts like a formula. */
export function csvCell(value: CsvValue): string {
  if (value === null || value === undefined) return "";
  let text = String(value);
  if (typeof value === "string" && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * A whole CSV document: a header row, then the rows, CRLF line ends. Starts with a UTF-8
 * byte-order mark so that spreadsheet programs read Kazakh and Russian text correctly.
 */
export function toCsv(header: readonly string[], rows: ReadonlyArray<readonly CsvValue[]>): string {
  return "\uFEFF" + [header, ...rows].map((row) => row.map(csvCell).join(",")).join("\r\n") + "\r\n";
}

/** Columns of the petitions CSV, in order. */
export const PETITION_CSV_COLUMNS = [
  "number",
  "title",
  "state",
  "addressee_slug",
  "addressee_name_kk",
  "addressee_name_ru",
  "addressee_name_en",
  "region_code",
  "signatures",
  "invalidated_signatures",
  "response_threshold",
  "opened_at",
  "closes_on",
  "threshold_reached_at",
  "response_due_on",
  "responded_at",
  "url",
] as const;

const iso = (value: Date | null) => (value ? value.toISOString() : null);

export function petitionsCsv(items: readonly PetitionListItem[]): string {
  const origin = siteUrl();
  return toCsv(
    PETITION_CSV_COLUMNS,
    items.map((p) => [
      p.number,
      p.title,
      p.state,
      p.agency.slug,
      p.agency.nameKk,
      p.agency.nameRu,
      p.agency.nameEn,
      p.region?.code ?? null,
      p.signatures,
      p.invalidated,
      p.responseThreshold,
      iso(p.openedAt),
      p.closesOn,
      iso(p.thresholdReachedAt),
      p.responseDueOn,
      iso(p.respondedAt),
      `${origin}/petitions/${p.number}`,
    ]),
  );
}
