import { cx } from "./cx";

type ProgressBarProps = {
  value: number;
  max: number;
  /** Accessible name, e.g. "Signatures towards the response threshold". */
  label?: string;
  /** Id of a visible element that names the bar, instead of `label`. */
  labelledBy?: string;
  /** What a screen reader says, e.g. "1,240 of 2,500 signatures". */
  valueText: string;
  className?: string;
};

/**
 * A progress bar (signatures towards a threshold, days used of a deadline). Values past max
 * fill the bar; the words in valueText still tell the real number.
 */
export function ProgressBar({ value, max, label, labelledBy, valueText, className }: ProgressBarProps) {
  const safeMax = max > 0 ? max : 1;
  const clamped = Math.min(Math.max(value, 0), safeMax);
  const percent = (clamped / safeMax) * 100;
  return (
    <div
      role="progressbar"
      aria-label={labelledBy ? undefined : label}
      aria-labelledby={labelledBy}
      aria-valuemin={0}
      aria-valuemax={safeMax}
      aria-valuenow={clamped}
      aria-valuetext={valueText}
      className={cx("ds-block h-4 w-full overflow-hidden border border-ink bg-surface", className)}
    >
      <div className="h-full bg-brand-700" style={{ width: `${percent}%` }} />
    </div>
  );
}
