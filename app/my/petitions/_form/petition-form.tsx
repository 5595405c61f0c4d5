"use client";

import { useMemo, useState, useTransition } from "react";
import { useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { Button, ErrorSummary, Field, Notice, Select, TextArea, TextInput } from "@/app/_components";
import { PETITION_LIMITS, petitionFormSchema } from "@/lib/petitions/schema";
import type { PetitionFormState } from "../actions";
import { SimilarPetitions } from "./similar-petitions";

export interface AddresseeOption {
  id: string;
  name: string;
  level: string;
  levelLabel: string;
  regional: boolean;
}

type Values = { title: string; request: string; reasons: string; agencyId: string; regionCode: string };

/**
 * Start or edit a petition. The same zod schema checks the fields here, as the person
 * types, and again on the server.
 */
export function PetitionForm(props: {
  action: (state: PetitionFormState, formData: FormData) => Promise<PetitionFormState>;
  addressees: AddresseeOption[];
  regions: { code: string; name: string }[];
  initial?: Partial<Values>;
  submitLabel: string;
}) {
  const t = useTranslations("petitionForm");
  const tv = useTranslations("validation");
  const te = useTranslations("errors");
  const [serverState, setServerState] = useState<PetitionFormState>({});
  const [pending, startTransition] = useTransition();
  const [filter, setFilter] = useState("");
  const {
    register,
    handleSubmit,
    watch,
    formState: { errors },
  } = useForm<Values>({
    resolver: zodResolver(petitionFormSchema) as never,
    defaultValues: { title: "", request: "", reasons: "", agencyId: "", regionCode: "", ...props.initial },
    mode: "onBlur",
  });
  const agencyId = watch("agencyId");
  const title = watch("title");
  const chosen = props.addressees.find((a) => a.id === agencyId);
  const visible = useMemo(() => {
    const needle = filter.trim().toLowerCase();
    return props.addressees.filter((a) => !needle || a.name.toLowerCase().includes(needle) || a.id === agencyId);
  }, [filter, props.addressees, agencyId]);

  const message = (key: string | undefined) => (key ? (tv.has(key as never) ? tv(key as never) : t(`validation.${key}` as never)) : undefined);
  const errorFor = (field: keyof Values) => message(errors[field]?.message) ?? message(serverState.fieldErrors?.[field]?.[0]);
  const fields: (keyof Values)[] = ["title", "request", "reasons", "agencyId", "regionCode"];
  const summary = fields.flatMap((f) => (errorFor(f) ? [{ fieldId: f, message: errorFor(f)! }] : []));

  const onSubmit = handleSubmit((values) => {
    const formData = new FormData();
    for (const [key, value] of Object.entries(values)) formData.set(key, value ?? "");
    startTransition(async () => setServerState(await props.action(serverState, formData)));
  });

  const groups = new Map<string, AddresseeOption[]>();
  for (const a of visible) groups.set(a.levelLabel, [...(groups.get(a.levelLabel) ?? []), a]);

  return (
    <form onSubmit={onSubmit} noValidate className="stack">
      {summary.length ? <ErrorSummary title={t("errorSummary")} errors={summary} /> : null}
      {serverState.message ? <Notice tone="error">{te(serverState.message as never)}</Notice> : null}
      <Field id="title" label={t("titleLabel")} hint={t("titleHint", { max: PETITION_LIMITS.title })} error={errorFor("title")}>
        <TextInput id="title" maxLength={PETITION_LIMITS.title} {...register("title")} />
      </Field>
      <SimilarPetitions title={title ?? ""} />
      <Field id="request" label={t("requestLabel")} hint={t("requestHint", { max: PETITION_LIMITS.request })} error={errorFor("request")}>
        <TextArea id="request" rows={4} maxLength={PETITION_LIMITS.request} counterLabel={t("counter")} {...register("request")} />
      </Field>
      <Field id="reasons" label={t("reasonsLabel")} hint={t("reasonsHint", { max: PETITION_LIMITS.reasons })} error={errorFor("reasons")}>
        <TextArea id="reasons" rows={10} maxLength={PETITION_LIMITS.reasons} counterLabel={t("counter")} {...register("reasons")} />
      </Field>
      <fieldset className="stack">
        <legend className="font-semibold">{t("addresseeLegend")}</legend>
        <p className="text-sm">{t("addresseeHint")}</p>
        <Field id="addressee-filter" label={t("addresseeFilterLabel")}>
          <TextInput id="addressee-filter" type="search" value={filter} onChange={(e) => setFilter(e.target.value)} autoComplete="off" />
        </Field>
        <Field id="agencyId" label={t("addresseeLabel")} error={errorFor("agencyId")}>
          <select id="agencyId" className="select-native" {...register("agencyId")}>
            <option value="">{t("addresseeChoose")}</option>
            {[...groups].map(([label, options]) => (
              <optgroup key={label} label={label}>
                {options.map((a) => (
                  <option key={a.id} value={a.id}>
                    {a.name}
                  </option>
                ))}
              </optgroup>
            ))}
          </select>
        </Field>
        {chosen && !chosen.regional ? (
          <Field id="regionCode" label={t("regionLabel")} hint={t("regionHint")} error={errorFor("regionCode")}>
            <Select id="regionCode" options={[{ value: "", label: t("regionNone") }, ...props.regions.map((r) => ({ value: r.code, label: r.name }))]} {...register("regionCode")} />
          </Field>
        ) : null}
      </fieldset>
      <Button type="submit" disabled={pending}>
        {props.submitLabel}
      </Button>
    </form>
  );
}
