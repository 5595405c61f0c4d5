import type { ReactNode } from "react";
import { cx } from "./cx";

export type NoticeTone = "info" | "success" | "warning" | "error";

const tones: Record<NoticeTone, string> = {
  info: "border-info-600 bg-info-50",
  success: "border-success-600 bg-success-50",
  warning: "border-warning-500 bg-warning-50",
  error: "border-danger-600 bg-danger-50",
};

type NoticeProps = {
  tone?: NoticeTone;
  /** Optional bold first line. */
  title?: string;
  children?: ReactNode;
  /**
   * Whether screen readers announce it when it appears: errors as role="alert", the rest as
   * role="status". Turn off for a notice that is simply part of the page ("This petition is closed").
   */
  announce?: boolean;
  className?: string;
};

/** A message in a coloured box with a thick left edge; the words, not the colour, carry the meaning. */
export function Notice({ tone = "info", title, children, announce = true, className }: NoticeProps) {
  const role = announce ? (tone === "error" ? "alert" : "status") : undefined;
  return (
    <div role={role} className={cx("ds-block border-l-[6px] px-4 py-3 text-ink sm:px-5 sm:py-4", tones[tone], className)}>
      {title ? <p className="mb-1 text-lg font-bold">{title}</p> : null}
      {children ? <div className="[&_a]:font-semibold [&_a]:text-ink">{children}</div> : null}
    </div>
  );
}
