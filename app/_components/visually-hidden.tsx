import type { ComponentProps, ElementType, ReactNode } from "react";

type VisuallyHiddenProps = {
  children: ReactNode;
  /** The element to render; a span unless a heading or legend is needed. */
  as?: ElementType;
} & Omit<ComponentProps<"span">, "children">;

/** Text for screen readers only: it is read aloud and copied, but takes no space on screen. */
export function VisuallyHidden({ as: Tag = "span", className, children, ...rest }: VisuallyHiddenProps) {
  return (
    <Tag className={className ? `sr-only ${className}` : "sr-only"} {...rest}>
      {children}
    </Tag>
  );
}
