import type { ReactNode } from "react";

// A translated sentence may name site pages as "[words](/path)": the words become a link. Only
// same-site paths are recognised, so a catalog cannot smuggle in an outside address.
const PATH_LINK = /\[([^\]]+)\]\((\/[a-z0-9/#-]*)\)/g;

/** A message with its "[words](/path)" parts as links; works in server and client components. */
export function LinkedText({ value }: { value: string }) {
  const parts: ReactNode[] = [];
  let last = 0;
  for (const match of value.matchAll(PATH_LINK)) {
    parts.push(value.slice(last, match.index));
    parts.push(
      <a key={match.index} href={match[2]}>
        {match[1]}
      </a>,
    );
    last = match.index + match[0].length;
  }
  parts.push(value.slice(last));
  return <>{parts}</>;
}
