export { Badge, type BadgeTone } from "./badge";
export { Button, ButtonLink, buttonClasses, type ButtonProps, type ButtonLinkProps, type ButtonSize, type ButtonVariant } from "./button";
export { type CounterLabel } from "./character-count";
export { CopyLinkButton } from "./copy-link-button";
export { EmptyState } from "./empty-state";
export {
  Checkbox,
  controlA11y,
  ErrorSummary,
  Field,
  Select,
  TextArea,
  TextInput,
  type CheckboxProps,
  type ControlA11yProps,
  type FieldErrorLink,
  type FieldLabelProps,
  type InputWidth,
  type SelectOption,
  type SelectProps,
  type TextAreaProps,
  type TextInputProps,
} from "./field";
export { FormProblems } from "./form-problems";
export { LanguageSwitcher } from "./language-switcher";
export { LinkedText } from "./linked-text";
export { NavLink } from "./nav-link";
export { Notice, type NoticeTone } from "./notice";
export { PageHeading, Section, type Breadcrumb } from "./page-heading";
export { Pagination, pageHref, type SearchParamsInput } from "./pagination";
export { ProgressBar } from "./progress-bar";
export { SiteFooter, type FooterLink } from "./site-footer";
export { SiteHeader, type NavItem } from "./site-header";
export { SkipLink } from "./skip-link";
export { Table } from "./table";
export { useFormMessages, type FormMessagesNamespace, type FormMessagesState } from "./use-form-messages";
export { VisuallyHidden } from "./visually-hidden";
