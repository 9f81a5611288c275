import { Search, X } from "lucide-react";
import { useEffect, useEffectEvent, useId, useState } from "react";

import { FormField } from "@/components/FormField";
import { LabelledOptions } from "@/components/LabelledOptions";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { NativeSelect } from "@/components/ui/native-select";
import { Switch } from "@/components/ui/switch";
import { conditionLabels, gameLabels, languageLabels, marketRegionLabels } from "@/lib/vocabulary";

import { type CollectibleFilters, hasNarrowingFilters } from "./filters";

export const SEARCH_DEBOUNCE_MS = 300;

interface FilterBarProps {
  filters: CollectibleFilters;
  onChange: (change: Partial<CollectibleFilters>) => void;
  onClear: () => void;
}

/** Typing updates the box at once and the URL (and so the query) once typing pauses. */
function SearchBox({ value, onSearch }: { value: string; onSearch: (search: string) => void }) {
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
      <Label htmlFor="collectible-search">Search</Label>
      <div className="relative">
        <Search aria-hidden className="pointer-events-none absolute top-1/2 left-2.5 size-4 -translate-y-1/2 text-muted-foreground" />
        <Input
          id="collectible-search"
          type="search"
          className="pl-8"
          placeholder="Name, set or card number"
          maxLength={100}
          value={text}
          onChange={(event) => setText(event.target.value)}
        />
      </div>
    </div>
  );
}

function SelectFilter<T extends string>({
  label,
  value,
  labels,
  onChange,
}: {
  label: string;
  value: T | "";
  labels: Record<T, string>;
  onChange: (value: T | "") => void;
}) {
  return (
    <FormField id={useId()} label={label}>
      <NativeSelect value={value} onChange={(event) => onChange(event.target.value as T | "")}>
        <LabelledOptions labels={labels} blank="Any" />
      </NativeSelect>
    </FormField>
  );
}

export function FilterBar({ filters, onChange, onClear }: FilterBarProps) {
  return (
    <div role="search" aria-label="Filter collectibles" className="grid gap-3 rounded-lg border bg-card p-4 sm:grid-cols-2 lg:grid-cols-4 xl:grid-cols-6">
      <SearchBox value={filters.search} onSearch={(search) => onChange({ search })} />
      <SelectFilter label="Language" value={filters.language} labels={languageLabels} onChange={(language) => onChange({ language })} />
      <SelectFilter
        label="Market region"
        value={filters.market_region}
        labels={marketRegionLabels}
        onChange={(market_region) => onChange({ market_region })}
      />
      <SelectFilter label="Game" value={filters.game} labels={gameLabels} onChange={(game) => onChange({ game })} />
      <SelectFilter label="Condition" value={filters.condition} labels={conditionLabels} onChange={(condition) => onChange({ condition })} />
      <FormField id="released-after" label="Released from">
        <Input
          type="date"
          value={filters.release_date_after}
          max={filters.release_date_before || undefined}
          onChange={(event) => onChange({ release_date_after: event.target.value })}
        />
      </FormField>
      <FormField id="released-before" label="Released until">
        <Input
          type="date"
          value={filters.release_date_before}
          min={filters.release_date_after || undefined}
          onChange={(event) => onChange({ release_date_before: event.target.value })}
        />
      </FormField>
      <div className="flex items-end gap-2 pb-2">
        <Switch id="in-stock" checked={filters.in_stock} onCheckedChange={(in_stock) => onChange({ in_stock })} />
        <Label htmlFor="in-stock">In stock only</Label>
      </div>
      <div className="flex items-end">
        <Button variant="outline" onClick={onClear} disabled={!hasNarrowingFilters(filters)}>
          <X aria-hidden />
          Clear filters
        </Button>
      </div>
    </div>
  );
}
