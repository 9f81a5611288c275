import { Search, X } from "lucide-react";
import { useEffect, useEffectEvent, useState } from "react";

import { FormField } from "@/components/FormField";
import { LabelledOptions } from "@/components/LabelledOptions";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { NativeSelect } from "@/components/ui/native-select";
import { Switch } from "@/components/ui/switch";

import { type AnyFilterSpec, FILTER_SPECS, SEARCH_MAX_LENGTH } from "./filterTable";
import { type CollectibleFilters, hasNarrowingFilters } from "./filters";

export const SEARCH_DEBOUNCE_MS = 300;

interface FilterBarProps {
  filters: CollectibleFilters;
  onChange: (change: Partial<CollectibleFilters>) => void;
  onClear: () => void;
}

/** Typing updates the box at once and the URL (and so the query) once typing pauses. */
function SearchBox({ id, label, placeholder, value, onSearch }: { id: string; label: string; placeholder: string; value: string; onSearch: (search: string) => void }) {
  const [text, setText] = useState(value);
  const [lastValue, setLastValue] = useState(value);
  if (value !== lastValue) {
    // The URL changed under us (Back, Clear): show what it says now.
    setLastValue(value);
    setText(value);
  }
  const search = useEffectEvent((term: string) => onSearch(term));
  useEffect(() => {
    if (text.trim() === value.trim()) return undefined;
    const timer = window.setTimeout(() => search(text), SEARCH_DEBOUNCE_MS);
    return () => window.clearTimeout(timer);
  }, [text, value]);

  return (
    <div className="grid gap-1.5 sm:col-span-2">
      <Label htmlFor={id}>{label}</Label>
      <div className="relative">
        <Search aria-hidden className="pointer-events-none absolute top-1/2 left-2.5 size-4 -translate-y-1/2 text-muted-foreground" />
        <Input
          id={id}
          type="search"
          className="pl-8"
          placeholder={placeholder}
          maxLength={SEARCH_MAX_LENGTH}
          value={text}
          onChange={(event) => setText(event.target.value)}
        />
      </div>
    </div>
  );
}

/**
 * One filter's widget, as its row in the filter table describes it. Widgets
 * show the value as the URL writes it and hand back text for the row to parse.
 */
function FilterWidget({ spec, filters, onChange }: { spec: AnyFilterSpec; filters: CollectibleFilters; onChange: FilterBarProps["onChange"] }) {
  const id = `filter-${spec.key}`;
  const text = spec.serialise(filters[spec.key]);
  const set = (raw: string) => onChange({ [spec.key]: spec.parse(raw) });
  // The other end of a range limits what the browser's picker offers.
  const bound = (key: string | undefined) => {
    const other = FILTER_SPECS.find((candidate) => candidate.key === key);
    return other ? other.serialise(filters[other.key]) || undefined : undefined;
  };
  const { widget } = spec;
  switch (widget.kind) {
    case "search":
      return <SearchBox id={id} label={widget.label} placeholder={widget.placeholder} value={text} onSearch={set} />;
    case "select":
      return (
        <FormField id={id} label={widget.label}>
          <NativeSelect value={text} onChange={(event) => set(event.target.value)}>
            <LabelledOptions labels={widget.options} blank="Any" />
          </NativeSelect>
        </FormField>
      );
    case "date":
      return (
        <FormField id={id} label={widget.label}>
          <Input
            type="date"
            value={text}
            min={bound(widget.atLeast)}
            max={bound(widget.atMost)}
            onChange={(event) => set(event.target.value)}
          />
        </FormField>
      );
    case "switch":
      return (
        <div className="flex items-end gap-2 pb-2">
          <Switch id={id} checked={text !== ""} onCheckedChange={(on) => set(on ? "true" : "")} />
          <Label htmlFor={id}>{widget.label}</Label>
        </div>
      );
    case "none":
      return null;
  }
}

export function FilterBar({ filters, onChange, onClear }: FilterBarProps) {
  return (
    <div role="search" aria-label="Filter collectibles" className="grid gap-3 rounded-lg border bg-card p-4 sm:grid-cols-2 lg:grid-cols-4 xl:grid-cols-6">
      {FILTER_SPECS.map((spec) => (
        <FilterWidget key={spec.key} spec={spec} filters={filters} onChange={onChange} />
      ))}
      <div className="flex items-end">
        <Button variant="outline" onClick={onClear} disabled={!hasNarrowingFilters(filters)}>
          <X aria-hidden />
          Clear filters
        </Button>
      </div>
    </div>
  );
}
