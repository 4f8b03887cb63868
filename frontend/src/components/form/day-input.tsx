import { CalendarDays } from "lucide-react";
import { useRef, useState, type ComponentProps } from "react";
import { useTranslation } from "react-i18next";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { formatDate } from "@/lib/format";
import { cn } from "@/lib/utils";
import { isDay, parseDayText } from "@/lib/day";

type InputProps = Omit<ComponentProps<"input">, "value" | "onChange" | "type" | "min" | "max">;

/** What the field shows for a value: dd/mm/yyyy for a day, the text itself otherwise. */
function shown(value: string): string {
  return isDay(value) ? formatDate(value) : value;
}

/**
 * A calendar day typed as dd/mm/yyyy whatever the browser's locale (a native date
 * input follows the browser: mm/dd/yyyy in an American one), with the browser's own
 * calendar behind a button. `onChange` gets `YYYY-MM-DD`, "" when emptied, or the
 * text as typed when it is not a day (so the form's rules can say so); it fires when
 * the field is left, on Enter, or when a day is picked from the calendar.
 */
export function DayInput({
  value,
  onChange,
  min,
  max,
  className,
  ...props
}: InputProps & {
  value: string;
  onChange: (value: string) => void;
  min?: string | undefined;
  max?: string | undefined;
}) {
  const { t } = useTranslation();
  const picker = useRef<HTMLInputElement>(null);
  const [text, setText] = useState(shown(value));
  const [synced, setSynced] = useState(value);
  if (synced !== value) {
    // The value changed from outside (URL, form reset, the calendar): follow it.
    setSynced(value);
    setText(shown(value));
  }
  const commit = () => {
    const typed = text.trim();
    const next = typed === "" ? "" : (parseDayText(typed) ?? typed);
    if (isDay(next)) setText(shown(next));
    if (next !== value) onChange(next);
  };
  return (
    <div className={cn("relative flex items-center gap-1", className)}>
      <Input
        {...props}
        inputMode="numeric"
        autoComplete="off"
        placeholder="dd/mm/yyyy"
        className="w-36 tabular"
        value={text}
        onChange={(e) => setText(e.target.value)}
        onBlur={(e) => {
          commit();
          props.onBlur?.(e);
        }}
        onKeyDown={(e) => {
          if (e.key === "Enter") {
            e.preventDefault();
            commit();
          }
          props.onKeyDown?.(e);
        }}
      />
      <Button
        type="button"
        variant="outline"
        size="icon"
        aria-label={t("common.pickDay")}
        title={t("common.pickDay")}
        disabled={props.disabled === true || props.readOnly === true}
        onClick={() => picker.current?.showPicker()}
      >
        <CalendarDays aria-hidden />
      </Button>
      <input
        ref={picker}
        type="date"
        tabIndex={-1}
        aria-hidden
        aria-label={t("common.pickDay")}
        className="pointer-events-none absolute bottom-0 left-0 h-px w-px opacity-0"
        value={isDay(value) ? value : ""}
        min={min}
        max={max}
        onChange={(e) => {
          if (isDay(e.target.value) && e.target.value !== value) onChange(e.target.value);
        }}
      />
    </div>
  );
}
