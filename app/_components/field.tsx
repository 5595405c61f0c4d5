import { cloneElement, isValidElement, type ComponentProps, type ReactElement, type ReactNode } from "react";
import { CharacterCount, type CounterLabel } from "./character-count";
import { cx } from "./cx";

/** What a control needs to be tied to its label, hint and error. Spread it onto the control. */
export type ControlA11yProps = {
  id: string;
  "aria-describedby"?: string;
  "aria-invalid"?: true;
};

/** The label, hint and error shared by every form control. */
export type FieldLabelProps = {
  /** The control's id; also the anchor ErrorSummary links to (`#id`). */
  id: string;
  label: ReactNode;
  /** Help shown under the label, read out with the control. */
  hint?: ReactNode;
  /** The message for this field; makes the control aria-invalid and is read out with it. */
  error?: string;
  /** Visually hidden, translated prefix read before the error, e.g. "Error:". */
  errorPrefix?: string;
  /** Keep the label for screen readers only (e.g. a search box beside a visible heading). */
  labelHidden?: boolean;
};

export const hintId = (id: string) => `${id}-hint`;
export const errorId = (id: string) => `${id}-error`;

const joinIds = (...ids: Array<string | false | null | undefined>) => ids.filter(Boolean).join(" ") || undefined;

/** The aria attributes that link a control to its hint and error. */
export function controlA11y(id: string, { hint, error }: { hint?: ReactNode; error?: string }): ControlA11yProps {
  return { id, "aria-describedby": joinIds(hint ? hintId(id) : null, error ? errorId(id) : null), "aria-invalid": error ? true : undefined };
}

type AriaCarrier = { id?: string; "aria-describedby"?: string; "aria-invalid"?: unknown };

type FieldProps = FieldLabelProps & {
  className?: string;
  /**
   * The control. A single element (`<TextInput id="email" name="email" />`, a plain <input>)
   * receives id, aria-describedby and aria-invalid automatically; a function receives them
   * to spread where they belong.
   */
  children: ReactNode | ((control: ControlA11yProps) => ReactNode);
};

/**
 * Label, hint, error and control in the GOV.UK order:
 *   <Field id="email" label={t("email")} hint={t("emailHint")} error={errors.email}>
 *     <TextInput id="email" type="email" autoComplete="email" />
 *   </Field>
 */
export function Field({ id, label, hint, error, errorPrefix, labelHidden, className, children }: FieldProps) {
  const a11y = controlA11y(id, { hint, error });
  let control: ReactNode;
  if (typeof children === "function") {
    control = children(a11y);
  } else if (isValidElement<AriaCarrier>(children)) {
    const own = children.props;
    control = cloneElement(children as ReactElement<AriaCarrier>, {
      id,
      "aria-describedby": joinIds(a11y["aria-describedby"], own["aria-describedby"]),
      "aria-invalid": a11y["aria-invalid"] ?? own["aria-invalid"],
    });
  } else {
    control = children;
  }
  return (
    <div className={cx("ds-block flex flex-col gap-1.5", error && "border-l-4 border-danger-600 pl-3 sm:pl-4", className)}>
      <label htmlFor={id} className={cx("font-semibold text-ink", labelHidden && "sr-only")}>
        {label}
      </label>
      {hint ? (
        <div id={hintId(id)} className="text-muted">
          {hint}
        </div>
      ) : null}
      {error ? <FieldError id={errorId(id)} prefix={errorPrefix} message={error} /> : null}
      {control}
    </div>
  );
}

function FieldError({ id, prefix, message }: { id: string; prefix?: string; message: string }) {
  return (
    <p id={id} className="font-semibold text-danger-600">
      {prefix ? <span className="sr-only">{prefix} </span> : null}
      {message}
    </p>
  );
}

const controlBase =
  "block rounded-none border-2 border-ink bg-white px-2.5 py-2 text-base text-ink placeholder:text-muted " +
  "aria-invalid:border-danger-600 disabled:bg-surface disabled:text-muted";

/** Widths for inputs whose answer has a known size (a 12-digit IIN, a year). */
export type InputWidth = "full" | "medium" | "short";
const widths: Record<InputWidth, string> = {
  full: "w-full",
  medium: "w-full max-w-80",
  short: "w-full max-w-40",
};

/**
 * Props every control shares. With `label` the control renders its own Field; without it,
 * it is the bare control, to be wrapped in <Field> (which then supplies the aria wiring).
 */
type ControlProps = Omit<FieldLabelProps, "label"> & {
  label?: ReactNode;
  /** Classes for the Field wrapper when `label` is given; `className` styles the control itself. */
  fieldClassName?: string;
};

function fieldPropsOf(props: ControlProps): FieldLabelProps & { className?: string } {
  return {
    id: props.id,
    label: props.label,
    hint: props.hint,
    error: props.error,
    errorPrefix: props.errorPrefix,
    labelHidden: props.labelHidden,
    className: props.fieldClassName,
  };
}

export type TextInputProps = ControlProps &
  Omit<ComponentProps<"input">, "id"> & {
    width?: InputWidth;
  };

/**
 * A single-line input. Works uncontrolled in <form action={…}> (name defaults to id) and with
 * react-hook-form: `<TextInput id="title" label={t("title")} {...register("title")} />`.
 */
export function TextInput(props: TextInputProps) {
  const { label, hint, error, errorPrefix, labelHidden, fieldClassName, width = "full", className, name, type = "text", ...input } = props;
  const render = (a11y: Partial<ControlA11yProps>) => (
    <input
      type={type}
      name={name ?? input.id}
      className={cx(controlBase, "min-h-11", widths[width], className)}
      {...input}
      {...a11y}
      aria-invalid={a11y["aria-invalid"] ?? input["aria-invalid"] ?? (error ? true : undefined)}
    />
  );
  if (label === undefined) return render({});
  return <Field {...fieldPropsOf(props)}>{render}</Field>;
}

export type TextAreaProps = ControlProps &
  Omit<ComponentProps<"textarea">, "id"> & {
    /** Also shows a live "n / max" counter under the box and stops input at max. */
    maxLength?: number;
    /**
     * The counter's words. From a server component pass a template such as
     * "{count} of {max} characters" (functions cannot cross to the browser); a client
     * component may pass `(count, max) => t("counter", { count, max })`. Default: "n / max".
     */
    counterLabel?: CounterLabel;
  };

/** A multi-line input, optionally with a character counter; used like TextInput. */
export function TextArea(props: TextAreaProps) {
  const { label, hint, error, errorPrefix, labelHidden, fieldClassName, maxLength, counterLabel, className, name, rows = 6, ...textarea } = props;
  const counterId = `${textarea.id}-counter`;
  const render = (a11y: Partial<ControlA11yProps>) => (
    <>
      <textarea
        name={name ?? textarea.id}
        rows={rows}
        maxLength={maxLength}
        className={cx(controlBase, "w-full resize-y", className)}
        {...textarea}
        {...a11y}
        aria-describedby={joinIds(a11y["aria-describedby"] ?? textarea["aria-describedby"], maxLength ? counterId : null)}
        aria-invalid={a11y["aria-invalid"] ?? textarea["aria-invalid"] ?? (error ? true : undefined)}
      />
      {maxLength ? (
        <CharacterCount
          id={counterId}
          targetId={textarea.id}
          max={maxLength}
          initialCount={String(textarea.value ?? textarea.defaultValue ?? "").length}
          label={counterLabel}
        />
      ) : null}
    </>
  );
  if (label === undefined) return render({});
  return <Field {...fieldPropsOf(props)}>{render}</Field>;
}

/** One choice in a Select. */
export type SelectOption = { value: string; label: string; disabled?: boolean };

export type SelectProps = ControlProps &
  Omit<ComponentProps<"select">, "id" | "children"> & {
    options: readonly SelectOption[];
    /** Text of an empty first option ("Choose a region"); submitted as "". */
    placeholder?: string;
    width?: InputWidth;
  };

/** A native <select>: keyboard- and phone-friendly without any script. */
export function Select(props: SelectProps) {
  const { label, hint, error, errorPrefix, labelHidden, fieldClassName, options, placeholder, width = "medium", className, name, ...select } = props;
  const render = (a11y: Partial<ControlA11yProps>) => (
    <select
      name={name ?? select.id}
      className={cx(controlBase, "min-h-11", widths[width], className)}
      {...select}
      {...a11y}
      aria-invalid={a11y["aria-invalid"] ?? select["aria-invalid"] ?? (error ? true : undefined)}
    >
      {placeholder !== undefined ? <option value="">{placeholder}</option> : null}
      {options.map((option) => (
        <option key={option.value} value={option.value} disabled={option.disabled}>
          {option.label}
        </option>
      ))}
    </select>
  );
  if (label === undefined) return render({});
  return <Field {...fieldPropsOf(props)}>{render}</Field>;
}

export type CheckboxProps = FieldLabelProps &
  Omit<ComponentProps<"input">, "id" | "type"> & {
    fieldClassName?: string;
  };

/**
 * A single checkbox with its label beside it ("E-mail me when the agency answers"). It labels
 * itself, so it is not wrapped in Field. Submits "on" when ticked unless `value` is given.
 */
export function Checkbox({ id, label, hint, error, errorPrefix, labelHidden, fieldClassName, className, name, ...rest }: CheckboxProps) {
  const a11y = controlA11y(id, { hint, error });
  return (
    <div className={cx("ds-block", error && "border-l-4 border-danger-600 pl-3 sm:pl-4", fieldClassName)}>
      {error ? <FieldError id={errorId(id)} prefix={errorPrefix} message={error} /> : null}
      <div className="flex items-start gap-3">
        <input
          type="checkbox"
          name={name ?? id}
          className={cx("mt-0.5 size-6 shrink-0 accent-brand-700", className)}
          {...rest}
          {...a11y}
        />
        <div className="flex flex-col gap-1">
          <label htmlFor={id} className={cx("text-ink", labelHidden && "sr-only")}>
            {label}
          </label>
          {hint ? (
            <div id={hintId(id)} className="text-muted">
              {hint}
            </div>
          ) : null}
        </div>
      </div>
    </div>
  );
}

/** One line of the error summary: the message and the id of the field it belongs to. */
export type FieldErrorLink = { fieldId: string; message: string };

type ErrorSummaryProps = {
  /** Translated heading, e.g. "There is a problem". */
  title?: string;
  /** Same as `title`. */
  heading?: string;
  errors: readonly FieldErrorLink[];
  /** Optional text under the heading (a form-level message from the action). */
  description?: ReactNode;
  id?: string;
  className?: string;
};

/**
 * The box at the top of a form that failed: announced at once (role="alert") and each error
 * links to its field. Renders nothing when there is neither an error nor a description.
 */
export function ErrorSummary({ title, heading, errors, description, id = "error-summary", className }: ErrorSummaryProps) {
  if (errors.length === 0 && !description) return null;
  const headingId = `${id}-heading`;
  return (
    <div
      id={id}
      role="alert"
      aria-labelledby={headingId}
      tabIndex={-1}
      className={cx("ds-block border-4 border-danger-600 bg-white p-4 sm:p-5", className)}
    >
      <h2 id={headingId} className="text-xl font-bold text-ink">
        {title ?? heading}
      </h2>
      {description ? <div className="mt-2 text-ink">{description}</div> : null}
      {errors.length > 0 ? (
        <ul className="mt-3 flex flex-col gap-2">
          {errors.map((error) => (
            <li key={`${error.fieldId}:${error.message}`}>
              <a href={`#${error.fieldId}`} className="font-semibold text-danger-600 hover:text-danger-800">
                {error.message}
              </a>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
