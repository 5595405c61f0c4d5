"use client";

import { usePathname } from "next/navigation";
import { useEffect, useId, useRef, useState, type KeyboardEvent } from "react";
import { cx } from "./cx";
import { NavLink } from "./nav-link";

type MainMenuProps = {
  items: readonly { href: string; label: string }[];
  /** Name of the navigation landmark, e.g. "Main". */
  navLabel: string;
  /** Words on the phone's menu button, e.g. "Menu". */
  buttonLabel: string;
};

/**
 * The main navigation. On a wide screen, a row of links. On a phone (below 40rem), a "Menu"
 * button (a disclosure: aria-expanded, Escape closes it) shows and hides the list. The button
 * appears only once the script runs: until then, and without JavaScript, the links are simply
 * listed, so no one is left with a button that does nothing.
 */
export function MainMenu({ items, navLabel, buttonLabel }: MainMenuProps) {
  const listId = useId();
  const [scripted, setScripted] = useState(false);
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const pathname = usePathname();
  useEffect(() => setScripted(true), []);
  // A followed link closes the menu: the next page starts with it folded.
  useEffect(() => setOpen(false), [pathname]);

  function closeOnEscape(event: KeyboardEvent) {
    if (event.key === "Escape" && open) {
      setOpen(false);
      button.current?.focus();
    }
  }

  return (
    <nav aria-label={navLabel} className="border-t border-line-soft" onKeyDown={closeOnEscape}>
      <div className="page-width">
        <button
          ref={button}
          type="button"
          hidden={!scripted}
          aria-expanded={open}
          aria-controls={listId}
          onClick={() => setOpen((value) => !value)}
          className="inline-flex min-h-11 items-center gap-2 font-semibold text-brand-800 underline underline-offset-[0.18em] sm:hidden"
        >
          <span aria-hidden="true" className="text-lg leading-none">
            {open ? "×" : "☰"}
          </span>
          {buttonLabel}
        </button>
        <ul id={listId} className={cx("flex flex-col pb-2 sm:flex-row sm:flex-wrap sm:gap-x-6 sm:pb-0", scripted && !open && "max-sm:hidden")}>
          {items.map((item) => (
            <li key={item.href}>
              <NavLink
                href={item.href}
                className="inline-flex min-h-11 items-center border-b-4 border-transparent pt-1 font-semibold text-ink no-underline hover:border-line hover:text-ink aria-[current=page]:border-brand-700 aria-[current=page]:text-brand-800"
              >
                {item.label}
              </NavLink>
            </li>
          ))}
        </ul>
      </div>
    </nav>
  );
}
