import { Search } from "lucide-react";
import { useEffect, useId, useState, type ReactNode } from "react";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";

/** Search box that writes to the URL 300 ms after typing stops. */
export function SearchFilter({
  value,
  onChange,
  label,
  placeholder,
}: {
  value: string | undefined;
  onChange: (value: string | undefined) => void;
  label: string;
  placeholder?: string;
}) {
  const id = useId();
  const [text, setText] = useState(value ?? "");
  const [synced, setSynced] = useState(value);
  if (synced !== value) {
    // The URL changed from elsewhere (back button, clear filters): follow it.
    setSynced(value);
    setText(value ?? "");
  }
  useEffect(() => {
    if ((value ?? "") === text.trim()) return;
    const handle = setTimeout(() => onChange(text.trim() || undefined), 300);
    return () => clearTimeout(handle);
  }, [text, value, onChange]);
  return (
    <div className="flex w-full flex-col gap-1 sm:w-64">
      <label htmlFor={id} className="text-xs font-medium text-slate-700">
        {label}
      </label>
      <div className="relative">
        <Search
          aria-hidden
          className="pointer-events-none absolute top-1/2 left-2.5 size-4 -translate-y-1/2 text-slate-500"
        />
        <Input
          id={id}
          type="search"
          className="pl-8"
          placeholder={placeholder}
          value={text}
          onChange={(e) => setText(e.target.value)}
          data-testid="filter-q"
        />
      </div>
    </div>
  );
}

/** A labelled select filter; the empty option clears the filter. */
export function SelectFilter({
  value,
  onChange,
  label,
  allLabel,
  children,
  testId,
}: {
  value: string | undefined;
  onChange: (value: string | undefined) => void;
  label: string;
  allLabel: string;
  children: ReactNode;
  testId?: string;
}) {
  const id = useId();
  return (
    <div className="flex w-full flex-col gap-1 sm:w-48">
      <label htmlFor={id} className="text-xs font-medium text-slate-700">
        {label}
      </label>
      <Select
        id={id}
        value={value ?? ""}
        onChange={(e) => onChange(e.target.value || undefined)}
        data-testid={testId}
      >
        <option value="">{allLabel}</option>
        {children}
      </Select>
    </div>
  );
}
