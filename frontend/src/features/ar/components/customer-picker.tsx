import { useQuery } from "@tanstack/react-query";
import { Building2, Search, X } from "lucide-react";
import { useEffect, useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Spinner } from "@/components/ui/spinner";
import { currentLocale } from "@/i18n";
import { formatIDR } from "@/lib/format";
import { cn } from "@/lib/utils";
import { customerSearchQueryOptions, type CustomerOption } from "../api";

/**
 * Search-as-you-type customer picker (combobox + listbox, ↑ ↓ Enter Escape) on GET
 * ar/customers: finance finds every customer, sales their own; each option shows the
 * customer code and what the customer owes today.
 */
export function ArCustomerPicker({
  value,
  onChange,
  label,
  error,
}: {
  value: CustomerOption | null;
  onChange: (customer: CustomerOption | null) => void;
  label: string;
  error?: string | undefined;
}) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const id = useId();
  const listId = `${id}-list`;
  const errorId = `${id}-error`;
  const [text, setText] = useState("");
  const [q, setQ] = useState("");
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  useEffect(() => {
    const handle = setTimeout(() => setQ(text.trim()), 250);
    return () => clearTimeout(handle);
  }, [text]);
  const results = useQuery({
    ...customerSearchQueryOptions(q),
    enabled: open && value === null,
  });
  // Old matches are not offered while typing settles: a quick tap must not pick them.
  const settled = q === text.trim() && !results.isPlaceholderData;
  const options = settled ? (results.data ?? []) : [];

  if (value) {
    return (
      <div className="flex flex-col gap-1.5">
        <span className="text-sm leading-none font-medium text-foreground">{label}</span>
        <div
          className="flex items-center gap-2 rounded-md border border-navy-200 bg-navy-50 px-3 py-2 text-sm"
          data-testid="customer-picked"
        >
          <Building2 aria-hidden className="size-4 text-navy-700" />
          <span className="min-w-0 flex-1 truncate font-medium text-navy-900">
            {value.name}
            {value.code ? <span className="ml-2 text-xs text-muted">{value.code}</span> : null}
          </span>
          <Button
            type="button"
            variant="ghost"
            size="icon-sm"
            aria-label={t("ar.picker.change")}
            onClick={() => {
              onChange(null);
              setOpen(true);
            }}
          >
            <X aria-hidden />
          </Button>
        </div>
      </div>
    );
  }

  const choose = (index: number) => {
    const c = options[index];
    if (!c) return;
    onChange(c);
    setOpen(false);
    setText("");
  };

  return (
    <div className="relative flex flex-col gap-1.5">
      <label htmlFor={id} className="text-sm leading-none font-medium text-foreground">
        {label}
      </label>
      <div className="relative">
        <Search
          aria-hidden
          className="pointer-events-none absolute top-1/2 left-2.5 size-4 -translate-y-1/2 text-slate-500"
        />
        <Input
          id={id}
          role="combobox"
          aria-expanded={open}
          aria-controls={listId}
          aria-autocomplete="list"
          aria-activedescendant={open && options[active] ? `${listId}-${active}` : undefined}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? errorId : undefined}
          autoComplete="off"
          className="pl-8"
          placeholder={t("ar.picker.placeholder")}
          value={text}
          data-testid="customer-search"
          onChange={(e) => {
            setText(e.target.value);
            setOpen(true);
            setActive(0);
          }}
          onFocus={() => setOpen(true)}
          onBlur={() => setTimeout(() => setOpen(false), 150)}
          onKeyDown={(e) => {
            if (e.key === "ArrowDown") {
              e.preventDefault();
              setOpen(true);
              setActive((a) => Math.min(a + 1, Math.max(0, options.length - 1)));
            } else if (e.key === "ArrowUp") {
              e.preventDefault();
              setActive((a) => Math.max(0, a - 1));
            } else if (e.key === "Enter" && open && options.length > 0) {
              e.preventDefault();
              choose(active);
            } else if (e.key === "Escape" && open) {
              e.stopPropagation();
              setOpen(false);
            }
          }}
        />
        {results.isFetching ? (
          <Spinner className="absolute top-1/2 right-2.5 -translate-y-1/2 text-slate-500" />
        ) : null}
      </div>
      {open ? (
        <ul
          id={listId}
          role="listbox"
          aria-label={label}
          className="absolute top-full right-0 left-0 z-50 mt-1 max-h-64 overflow-y-auto rounded-md border border-border bg-surface p-1 shadow-lg"
        >
          {options.length === 0 ? (
            <li className="px-2 py-2 text-sm text-muted" role="presentation">
              {!settled || results.isPending ? t("common.loading") : t("ar.picker.noMatch")}
            </li>
          ) : (
            options.map((c, i) => (
              <li
                key={c.id}
                id={`${listId}-${i}`}
                role="option"
                aria-selected={i === active}
                data-testid="customer-option"
                className={cn(
                  "flex cursor-pointer flex-col rounded-sm px-2 py-1.5 text-sm",
                  i === active && "bg-navy-50",
                )}
                onMouseDown={(e) => e.preventDefault()}
                onMouseEnter={() => setActive(i)}
                onClick={() => choose(i)}
              >
                <span className="font-medium text-foreground">{c.name}</span>
                <span className="flex flex-wrap justify-between gap-x-3 text-xs text-muted">
                  <span data-testid="customer-option-code">
                    {[c.code, c.hint].filter(Boolean).join(" · ")}
                  </span>
                  {c.openAmount !== undefined ? (
                    <span className="tabular" data-testid="customer-option-open">
                      {t("ar.picker.open", { amount: formatIDR(c.openAmount, locale) })}
                    </span>
                  ) : null}
                </span>
              </li>
            ))
          )}
        </ul>
      ) : null}
      {error ? (
        <p id={errorId} className="text-xs font-medium text-danger" data-testid="error-customer_id">
          {error}
        </p>
      ) : null}
    </div>
  );
}
