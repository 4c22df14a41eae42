/**
 * The edit forms' fields: each reads its value from the working copy by its path, writes it back through the
 * editor, shows the form's own check or the server's message for that path, and keeps amounts and rates as
 * decimal strings (typed in 元 or 万元, or as a percentage) without a float on the way.
 */
import { Form, Input, Select, Space } from "antd";
import { type ReactNode, useEffect, useState } from "react";
import { useT } from "../../../../shared/i18n/i18n";
import {
  type AmountUnit,
  amountUnitOf,
  type FieldPath,
  getAt,
  isDecimal,
  normalizeDecimal,
  pathText,
  percentToRate,
  rateToPercent,
  yuanFromInput,
  yuanToInput,
} from "./draft";
import { usePlanEditor } from "./editor-context";

/** The input's id for a path, so its label names it for assistive technology and tests. */
export function fieldId(path: FieldPath): string {
  return `plan-edit-${pathText(path).replace(/[^A-Za-z0-9]+/g, "-")}`;
}

/** A field's value, message and id; the field is announced to the editor while it is shown. */
export function useField(path: FieldPath) {
  const editor = usePlanEditor();
  const key = pathText(path);
  const { register } = editor;
  // biome-ignore lint/correctness/useExhaustiveDependencies: the path's text is its identity
  useEffect(() => register(path), [register, key]);
  return {
    editor,
    id: fieldId(path),
    value: getAt(editor.draft, path),
    error: editor.errorOf(path),
  };
}

/**
 * A field shown empty from the start (a new unit's name, a new milestone) is marked at once, and again when
 * it moves to another path (a row above it removed).
 */
function useInitialCheck(path: FieldPath, message: string | null) {
  const { setInvalid } = usePlanEditor();
  const key = pathText(path);
  // biome-ignore lint/correctness/useExhaustiveDependencies: checked when the field appears at a path
  useEffect(() => {
    if (message) setInvalid(path, message);
  }, [key]);
}

export function FieldItem({
  path,
  label,
  extra,
  required,
  error,
  children,
}: {
  path: FieldPath;
  label?: ReactNode;
  extra?: ReactNode;
  required?: boolean;
  error: string | undefined;
  children: ReactNode;
}) {
  return (
    <Form.Item
      label={label}
      htmlFor={label ? fieldId(path) : undefined}
      required={required}
      validateStatus={error ? "error" : undefined}
      help={error}
      extra={extra}
      // In a table the row gives the spacing; a form's field keeps its own.
      style={{ marginBottom: label ? 12 : 0 }}
    >
      {children}
    </Form.Item>
  );
}

/** Follows the value when it changes elsewhere (a linked field, a reset) and the text shows something else. */
function useTextOf(value: string, toText: (value: string) => string, fromText: (text: string) => string | null) {
  const [text, setText] = useState(() => toText(value));
  const shown = fromText(text);
  // biome-ignore lint/correctness/useExhaustiveDependencies: only a new value from outside resets the text
  useEffect(() => {
    if (shown !== value) setText(toText(value));
  }, [value]);
  return [text, setText] as const;
}

/** An amount in yuan, typed in 元, 万元 or 亿元 (at first the largest the amount is a whole number of). */
export function YuanField({
  path,
  label,
  extra,
  width = 280,
}: {
  path: FieldPath;
  label: ReactNode;
  extra?: ReactNode;
  width?: number;
}) {
  const t = useT();
  const { editor, id, value, error } = useField(path);
  const yuan = typeof value === "string" ? value : "";
  const [unit, setUnit] = useState<AmountUnit>(() => amountUnitOf(yuan));
  const [text, setText] = useTextOf(
    yuan,
    (amount) => yuanToInput(amount, unit),
    (typed) => yuanFromInput(typed, unit),
  );
  useInitialCheck(path, yuan === "" ? t("planEdit.required") : null);

  const change = (next: string) => {
    setText(next);
    const amount = yuanFromInput(next, unit);
    if (amount === null) {
      editor.setInvalid(path, next.trim() === "" ? t("planEdit.required") : t("planEdit.invalidAmount"));
      return;
    }
    editor.setInvalid(path, null);
    if (amount !== yuan) editor.update(path, amount);
  };
  const changeUnit = (next: AmountUnit) => {
    setUnit(next);
    // The amount stays; only how it is written changes. A text being typed is read in the new unit.
    const amount = yuanFromInput(text, next);
    if (amount === null) {
      setText(yuanToInput(yuan, next));
      editor.setInvalid(path, null);
    } else if (amount !== yuan) {
      editor.update(path, amount);
    }
  };

  return (
    <FieldItem path={path} label={label} extra={extra} required error={error}>
      <Space.Compact style={{ width: "100%", maxWidth: width }}>
        <Input id={id} inputMode="decimal" value={text} onChange={(event) => change(event.target.value)} />
        <Select<AmountUnit>
          aria-label={t("planEdit.amountUnit")}
          value={unit}
          onChange={changeUnit}
          style={{ width: 96, flex: "none" }}
          options={[
            { value: "亿元", label: t("money.yi") },
            { value: "万元", label: t("money.wan") },
            { value: "元", label: t("measure.yuan") },
          ]}
        />
      </Space.Compact>
    </FieldItem>
  );
}

/** A rate ("0.05"), typed as a percentage ("5"). */
export function PercentField({ path, label, extra }: { path: FieldPath; label: ReactNode; extra?: ReactNode }) {
  const t = useT();
  const { editor, id, value, error } = useField(path);
  const rate = typeof value === "string" ? value : "";
  const [text, setText] = useTextOf(rate, rateToPercent, percentToRate);
  useInitialCheck(path, rate === "" ? t("planEdit.required") : null);
  const change = (next: string) => {
    setText(next);
    const parsed = percentToRate(next);
    if (parsed === null) {
      editor.setInvalid(path, next.trim() === "" ? t("planEdit.required") : t("planEdit.invalidPercent"));
      return;
    }
    editor.setInvalid(path, null);
    if (parsed !== rate) editor.update(path, parsed);
  };
  return (
    <FieldItem path={path} label={label} extra={extra} required error={error}>
      <Input
        id={id}
        inputMode="decimal"
        value={text}
        onChange={(event) => change(event.target.value)}
        suffix="%"
        style={{ maxWidth: 200 }}
      />
    </FieldItem>
  );
}

/** A decimal quantity kept as a string ("24", "0.5"), with its unit's word. */
export function DecimalField({
  path,
  label,
  suffix,
  extra,
}: {
  path: FieldPath;
  label: ReactNode;
  suffix?: string;
  extra?: ReactNode;
}) {
  const t = useT();
  const { editor, id, value, error } = useField(path);
  const current = typeof value === "string" ? value : "";
  const [text, setText] = useTextOf(
    current,
    (decimal) => decimal,
    (typed) => (isDecimal(typed) ? typed.trim() : null),
  );
  useInitialCheck(path, current === "" ? t("planEdit.required") : null);
  const change = (next: string) => {
    setText(next);
    if (!isDecimal(next)) {
      editor.setInvalid(path, next.trim() === "" ? t("planEdit.required") : t("planEdit.invalidNumber"));
      return;
    }
    editor.setInvalid(path, null);
    const decimal = normalizeDecimal(next.trim());
    if (decimal !== current) editor.update(path, decimal);
  };
  return (
    <FieldItem path={path} label={label} extra={extra} required error={error}>
      <Input
        id={id}
        inputMode="decimal"
        value={text}
        onChange={(event) => change(event.target.value)}
        suffix={suffix || undefined}
        style={{ maxWidth: 200 }}
      />
    </FieldItem>
  );
}

/** A plain number parameter (a count of days, a year), typed as digits. */
export function NumberField({ path, label, extra }: { path: FieldPath; label: ReactNode; extra?: ReactNode }) {
  const t = useT();
  const { editor, id, value, error } = useField(path);
  const current = typeof value === "number" ? String(value) : "";
  const [text, setText] = useTextOf(
    current,
    (number) => number,
    (typed) => (/^-?\d+(\.\d+)?$/.test(typed.trim()) ? String(Number(typed.trim())) : null),
  );
  const change = (next: string) => {
    setText(next);
    if (!/^-?\d+(\.\d+)?$/.test(next.trim())) {
      editor.setInvalid(path, next.trim() === "" ? t("planEdit.required") : t("planEdit.invalidNumber"));
      return;
    }
    editor.setInvalid(path, null);
    const number = Number(next.trim());
    if (number !== value) editor.update(path, number);
  };
  return (
    <FieldItem path={path} label={label} extra={extra} required error={error}>
      <Input
        id={id}
        inputMode="decimal"
        value={text}
        onChange={(event) => change(event.target.value)}
        style={{ maxWidth: 200 }}
      />
    </FieldItem>
  );
}

/** A required text (a unit's name). */
export function TextField({
  path,
  label,
  inline,
  placeholder,
  maxLength = 200,
}: {
  path: FieldPath;
  label: string;
  /** In a table: the column names the field, so the label is only announced. */
  inline?: boolean;
  placeholder?: string;
  maxLength?: number;
}) {
  const t = useT();
  const { editor, id, value, error } = useField(path);
  const text = typeof value === "string" ? value : "";
  useInitialCheck(path, text.trim() === "" ? t("planEdit.required") : null);
  // The text is the value itself; only the check follows it.
  const change = (next: string) => {
    editor.setInvalid(path, next.trim() === "" ? t("planEdit.required") : null);
    editor.update(path, next);
  };
  return (
    <FieldItem path={path} label={inline ? undefined : label} required error={error}>
      <Input
        id={id}
        aria-label={inline ? label : undefined}
        value={text}
        maxLength={maxLength}
        placeholder={placeholder}
        onChange={(event) => change(event.target.value)}
      />
    </FieldItem>
  );
}

/** A choice among given options (a unit's kind, a parameter's reading, a milestone's year). */
export function SelectField<Value extends string | number>({
  path,
  label,
  options,
  extra,
  width,
  inline,
}: {
  path: FieldPath;
  label: string;
  options: { value: Value; label: ReactNode }[];
  extra?: ReactNode;
  width?: number | string;
  inline?: boolean;
}) {
  const { editor, id, value, error } = useField(path);
  return (
    <FieldItem path={path} label={inline ? undefined : label} extra={extra} required error={error}>
      <Select<Value>
        id={id}
        aria-label={inline ? label : undefined}
        value={value as Value}
        onChange={(next) => editor.update(path, next)}
        options={options}
        style={{ width: width ?? "100%", maxWidth: "100%" }}
        popupMatchSelectWidth={false}
      />
    </FieldItem>
  );
}

/** Several choices (a unit's duties). */
export function MultiSelectField<Value extends string>({
  path,
  label,
  options,
  inline,
}: {
  path: FieldPath;
  label: string;
  options: { value: Value; label: ReactNode }[];
  inline?: boolean;
}) {
  const { editor, id, value, error } = useField(path);
  return (
    <FieldItem path={path} label={inline ? undefined : label} error={error}>
      <Select<Value[]>
        id={id}
        aria-label={inline ? label : undefined}
        mode="multiple"
        allowClear
        value={(Array.isArray(value) ? value : []) as Value[]}
        onChange={(next) => editor.update(path, next)}
        options={options}
        style={{ width: "100%" }}
      />
    </FieldItem>
  );
}
