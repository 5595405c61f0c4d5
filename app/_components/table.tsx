import { Children, cloneElement, isValidElement, useId, type ReactElement, type ReactNode } from "react";
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
  /**
   * On a phone, show each row as a block of "heading: value" lines instead of columns, so no
   * column hides off screen. Needs the headings as plain text (they become each cell's label).
   */
  stackedOnPhone?: { labels: readonly string[] };
  /** Indexes of numeric columns: their headings align right, like their cells should. */
  numericColumns?: readonly number[];
  /** The body rows: <tr><td>…</td></tr> (a <th scope="row"> first is welcome). */
  children: ReactNode;
  className?: string;
};

type CellProps = { role?: string; "data-label"?: string; children?: ReactNode };

/**
 * Gives each cell of a stacked table its column's label (shown before the value on a phone)
 * and every part of the table its ARIA role: a table whose rows are laid out as blocks can lose
 * its table semantics in some browsers, and the explicit roles keep them.
 */
function withLabels(rows: ReactNode, labels: readonly string[]): ReactNode {
  return Children.map(rows, (row) => {
    if (!isValidElement<CellProps>(row)) return row;
    let column = 0;
    const cells = Children.map(row.props.children, (cell) => {
      if (!isValidElement<CellProps>(cell)) return cell;
      const label = labels[column++];
      const role = cell.type === "th" ? "rowheader" : "cell";
      return cloneElement(cell as ReactElement<CellProps>, { role, "data-label": label });
    });
    return cloneElement(row as ReactElement<CellProps>, { role: "row" }, cells);
  });
}

/**
 * A data table. On a narrow screen it scrolls sideways inside a region that keyboard users can
 * focus (tabIndex 0) and scroll with the arrow keys — or, with `stackedOnPhone`, shows each row
 * as a block of labelled lines (below 40rem), so key columns never leave the screen.
 */
export function Table({ caption, captionHidden, scrollLabel, headers, stackedOnPhone, numericColumns = [], children, className }: TableProps) {
  const captionId = useId();
  const stacked = !!stackedOnPhone;
  return (
    <div
      role="region"
      aria-label={scrollLabel}
      aria-labelledby={scrollLabel ? undefined : captionId}
      tabIndex={0}
      className={cx("ds-block max-w-full overflow-x-auto", stacked && "table-stacked", className)}
    >
      <table
        role={stacked ? "table" : undefined}
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
        <thead role={stacked ? "rowgroup" : undefined}>
          <tr role={stacked ? "row" : undefined}>
            {headers.map((header, index) => (
              <th
                key={index}
                scope="col"
                role={stacked ? "columnheader" : undefined}
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
        <tbody role={stacked ? "rowgroup" : undefined}>{stacked ? withLabels(children, stackedOnPhone.labels) : children}</tbody>
      </table>
    </div>
  );
}
