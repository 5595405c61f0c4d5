import { getTranslations } from "next-intl/server";
import { CopyLinkButton, Field, Section, TextInput } from "@/app/_components";

/** Share URLs of the usual services, built here: plain links, no third-party scripts on the page. */
export function shareTargets(url: string, message: string, subject: string) {
  const u = encodeURIComponent(url);
  const m = encodeURIComponent(message);
  return {
    email: `mailto:?subject=${encodeURIComponent(subject)}&body=${encodeURIComponent(`${message}\n\n${url}`)}`,
    telegram: `https://t.me/share/url?url=${u}&text=${m}`,
    whatsapp: `https://wa.me/?text=${encodeURIComponent(`${message} ${url}`)}`,
    facebook: `https://www.facebook.com/sharer/sharer.php?u=${u}`,
    x: `https://x.com/intent/post?url=${u}&text=${m}`,
  } as const;
}

/** The page's address to copy, and links that share it by e-mail and messengers. */
export async function ShareLinks({ url, title }: { url: string; title: string }) {
  const [t, tCopy] = await Promise.all([getTranslations("petitions.share"), getTranslations("sharing.copy")]);
  const targets = shareTargets(url, t("message", { title }), t("emailSubject", { title }));
  return (
    <Section title={t("title")} id="share">
      <Field id="share-url" label={t("linkLabel")} hint={t("linkHint")}>
        <TextInput id="share-url" type="url" readOnly defaultValue={url} />
      </Field>
      <CopyLinkButton targetId="share-url" label={tCopy("button")} copiedLabel={tCopy("copied")} selectedLabel={tCopy("selected")} />
      <ul aria-label={t("listLabel")} className="mt-4 flex list-none flex-wrap gap-x-5 gap-y-2 p-0">
        {(Object.keys(targets) as Array<keyof typeof targets>).map((key) => (
          <li key={key}>
            <a href={targets[key]} rel="noopener noreferrer" className="inline-flex min-h-11 items-center font-semibold">
              {t(key)}
            </a>
          </li>
        ))}
      </ul>
    </Section>
  );
}
