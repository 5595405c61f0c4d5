import { linkify } from "@/lib/text/linkify";

/**
 * Text written by people, with its web and e-mail addresses as links. Only http(s) and mailto
 * targets come out of `linkify`; rel tells search engines the link is the author's, not ours
 * (nofollow ugc), and a link opening elsewhere gets no handle on this page (noopener).
 */
export function LinkedText({ text }: { text: string }) {
  return (
    <>
      {linkify(text).map((part, index) =>
        part.kind === "link" ? (
          <a key={index} href={part.href} rel="nofollow ugc noopener" className="break-all">
            {part.text}
          </a>
        ) : (
          part.text
        ),
      )}
    </>
  );
}
