import { useId, type ReactNode } from "react";
import { cx } from "./cx";

type TableProps = {
  /** Says what the table lists; every table needs one. */
  caption: ReactNode;
  /** Keep the caption for screen readers only, when a heading just above says the same. */
  captionHidden?: boolean;
  /** Name of the scrollable region; defaults to the caption. */
  scrollLabel?: string;
  /** Column headings, in order. */
  headers: readonly ReactNode[];
  /** Indexes of numeric columns: their headings align right, like their cells should. */
  numericColumns?: readonly number[];
  /** The body rows: <tr><td>…</td></tr> (a <th scope="row"> first is welcome). */
  children: ReactNode;
  className?: string;
};

/**
 * A data table. On a narrow screen it scrolls sideways inside a region that keyboard users can
 * focus (tabIndex 0) and scroll with the arrow keys.
 */
export function Table({ caption, captionHidden, scrollLabel, headers, numericColumns = [], children, className }: TableProps) {
  const captionId = useId();
  return (
    <div
      role="region"
      aria-label={scrollLabel}
      aria-labelledby={scrollLabel ? undefined : captionId}
      tabIndex={0}
      className={cx("ds-block max-w-full overflow-x-auto", className)}
    >
      <table
        className={cx(
          "w-full border-collapse text-left align-top",
          "[&_td]:border-b [&_td]:border-line [&_td]:px-3 [&_td]:py-3 [&_td]:align-top",
          "[&_tbody_th]:border-b [&_tbody_th]:border-line [&_tbody_th]:px-3 [&_tbody_th]:py-3 [&_tbody_th]:text-left [&_tbody_th]:align-top [&_tbody_th]:font-semibold",
          "[&_td:first-child]:pl-0 [&_th:first-child]:pl-0",
        )}
      >
        <caption id={captionId} className={captionHidden ? "sr-only" : "mb-3 caption-top text-left text-xl font-bold text-ink"}>
          {caption}
        </caption>
        <thead>
          <tr>
            {headers.map((header, index) => (
              <th
                key={index}
                scope="col"
                className={cx(
                  "border-b-2 border-ink px-3 py-2 align-bottom font-bold",
                  numericColumns.includes(index) ? "text-right" : "text-left",
                )}
              >
                {header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}
