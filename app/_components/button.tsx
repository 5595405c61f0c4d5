import Link from "next/link";
import type { ComponentProps } from "react";
import { cx } from "./cx";

/** How loudly a button speaks: one primary action per form, danger for what cannot be undone. */
export type ButtonVariant = "primary" | "secondary" | "danger" | "link";
export type ButtonSize = "sm" | "md" | "lg";

const base =
  "inline-flex items-center justify-center gap-2 rounded-sm border-2 text-center font-semibold leading-tight no-underline " +
  "transition-colors disabled:cursor-not-allowed disabled:opacity-60 aria-disabled:cursor-not-allowed aria-disabled:opacity-60";

const variants: Record<ButtonVariant, string> = {
  primary:
    "border-transparent bg-brand-700 text-white shadow-[0_2px_0_var(--color-brand-900)] hover:bg-brand-800 hover:text-white active:translate-y-px",
  secondary:
    "border-brand-700 bg-white text-brand-800 hover:bg-brand-50 hover:text-brand-900 active:translate-y-px",
  danger:
    "border-transparent bg-danger-600 text-white shadow-[0_2px_0_var(--color-danger-800)] hover:bg-danger-700 hover:text-white active:translate-y-px",
  link: "border-transparent bg-transparent text-brand-700 underline underline-offset-[0.18em] hover:text-brand-900 hover:decoration-[3px]",
};

const sizes: Record<ButtonSize, string> = {
  sm: "min-h-9 px-3 py-1.5 text-sm",
  md: "min-h-11 px-4 py-2 text-base",
  lg: "min-h-12 px-6 py-3 text-lg",
};

type StyleProps = {
  variant?: ButtonVariant;
  size?: ButtonSize;
  /** Stretch to the container's width on phones (below 640px), natural width above. */
  fullWidthOnMobile?: boolean;
};

/** The classes of a button, for the rare element that must look like one but is neither component. */
export function buttonClasses({
  variant = "primary",
  size = "md",
  fullWidthOnMobile = false,
  className,
}: StyleProps & { className?: string }): string {
  return cx(
    base,
    variants[variant],
    // A link-looking button keeps the text rhythm: no padding, only a comfortable target height.
    variant === "link" ? "min-h-6 p-0 text-base" : sizes[size],
    fullWidthOnMobile && "w-full sm:w-auto",
    className,
  );
}

export type ButtonProps = ComponentProps<"button"> & StyleProps;

/**
 * A real <button>. Every native prop (type, name, value, formAction, disabled, ref…) is passed
 * through; without `type` it is a submit button, as in HTML.
 */
export function Button({ variant, size, fullWidthOnMobile, className, ...rest }: ButtonProps) {
  return <button className={buttonClasses({ variant, size, fullWidthOnMobile, className })} {...rest} />;
}

export type ButtonLinkProps = ComponentProps<typeof Link> & StyleProps;

/** Navigation that looks like a button ("Start a petition"); it is still a link for assistive tech. */
export function ButtonLink({ variant, size, fullWidthOnMobile, className, ...rest }: ButtonLinkProps) {
  return <Link className={buttonClasses({ variant, size, fullWidthOnMobile, className })} {...rest} />;
}
