import type { ReactNode } from "react";
import { cx } from "./cx";

export type BadgeTone = "neutral" | "info" | "success" | "warning" | "danger";

const tones: Record<BadgeTone, string> = {
  neutral: "border-neutral-800/30 bg-neutral-50 text-neutral-800",
  info: "border-info-800/30 bg-info-50 text-info-800",
  success: "border-success-800/30 bg-success-50 text-success-800",
  warning: "border-warning-800/30 bg-warning-50 text-warning-800",
  danger: "border-danger-800/30 bg-danger-50 text-danger-800",
};

type BadgeProps = {
  tone?: BadgeTone;
  children: ReactNode;
  className?: string;
};

/** A short status label ("Open", "Overdue"). Colour is never the only signal: the words carry it. */
export function Badge({ tone = "neutral", children, className }: BadgeProps) {
  return (
    <span
      className={cx(
        "inline-flex items-center rounded-sm border px-2 py-0.5 text-sm font-semibold leading-snug",
        tones[tone],
        className,
      )}
    >
      {children}
    </span>
  );
}
