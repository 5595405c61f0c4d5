// Splits a pasted draft into the sections people comment on, pure.

/** One section of a draft: its heading (may be empty) and its text. */
export interface DraftSection {
  heading: string;
  body: string;
}

const MAX_HEADING = 300;

/**
 * A line that starts a new section: a Markdown heading, or an article, chapter, section or
 * paragraph label in English, Russian or Kazakh ("Article 5", "Статья 5.", "5-бап", "Глава 2",
 * "§ 3"), optionally followed by a title on the same line.
 */
const HEADING_LINE =
  /^(#{1,6}\s+\S.*|(article|chapter|section|part|статья|глава|раздел|часть|бап|бөлім|тарау)\s+\d+[\d.]*\b.*|\d+[\d.]*\s*-\s*(бап|бөлім|тарау)(?=[\s.:,)]|$).*|§\s*\d+.*)$/iu;

export function isHeadingLine(line: string): boolean {
  const trimmed = line.trim();
  return trimmed.length > 0 && trimmed.length <= MAX_HEADING && HEADING_LINE.test(trimmed);
}

function cleanHeading(line: string): string {
  return line.trim().replace(/^#{1,6}\s+/, "");
}

/**
 * The sections of a pasted text. When it has heading lines, each heading starts a section and
 * everything up to the next heading is its body (text before the first heading becomes a
 * section without a heading). Otherwise each paragraph (split on blank lines) is a section.
 * Empty sections are dropped; a heading with no text under it keeps its own line as body.
 */
export function splitDraftText(text: string): DraftSection[] {
  const lines = text.replace(/\r\n?/g, "\n").split("\n");
  const sections: DraftSection[] = [];
  if (lines.some(isHeadingLine)) {
    let current: { heading: string; lines: string[] } = { heading: "", lines: [] };
    const flush = () => {
      const body = current.lines.join("\n").replace(/\n{3,}/g, "\n\n").trim();
      if (body || current.heading) sections.push({ heading: current.heading, body: body || current.heading });
    };
    for (const line of lines) {
      if (isHeadingLine(line)) {
        flush();
        current = { heading: cleanHeading(line), lines: [] };
      } else {
        current.lines.push(line);
      }
    }
    flush();
    return sections;
  }
  for (const paragraph of text.replace(/\r\n?/g, "\n").split(/\n\s*\n/)) {
    const body = paragraph.trim();
    if (body) sections.push({ heading: "", body });
  }
  return sections;
}
