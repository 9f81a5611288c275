import { Search, SlidersHorizontal, X } from "lucide-react";
import { type ReactNode, useEffect, useEffectEvent, useState } from "react";

import { FormField } from "@/components/FormField";
import { LabelledOptions } from "@/components/LabelledOptions";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Badge } from "@/components/ui/badge";
import { Label } from "@/components/ui/label";
import { NativeSelect } from "@/components/ui/native-select";
import { Sheet, SheetClose, SheetContent, SheetDescription, SheetHeader, SheetTitle, SheetTrigger } from "@/components/ui/sheet";
import { Switch } from "@/components/ui/switch";
import { useFlags } from "@/lib/flags";
import { useIsNarrowScreen } from "@/lib/useMediaQuery";

import { type AnyFilterSpec, FILTER_SPECS, SEARCH_MAX_LENGTH } from "./filterTable";
import { type CollectibleFilters, hasNarrowingFilters } from "./filters";

export const SEARCH_DEBOUNCE_MS = 300;

interface FilterBarProps {
  filters: CollectibleFilters;
  onChange: (change: Partial<CollectibleFilters>) => void;
  onClear: () => void;
}

/**
 * A typed filter (the search, a price): the box updates at once, the URL (and
 * so the query) once typing pauses and the text reads as a value of the filter.
 */
function DebouncedText({
  spec,
  value,
  onCommit,
  children,
}: {
  spec: AnyFilterSpec;
  value: string;
  onCommit: (text: string) => void;
  children: (props: { value: string; invalid: boolean; onChange: (text: string) => void }) => ReactNode;
}) {
  const [text, setText] = useState(value);
  const [lastValue, setLastValue] = useState(value);
  const [invalid, setInvalid] = useState(false);
  if (value !== lastValue) {
    // The URL changed under us (Back, Clear): show what it says now.
    setLastValue(value);
    setText(value);
    setInvalid(false);
  }
  const commit = useEffectEvent((typed: string) => {
    const readable = spec.serialise(spec.parse(typed)) === typed.trim();
    setInvalid(!readable);
    if (readable) onCommit(typed);
  });
  useEffect(() => {
    if (text.trim() === value.trim()) return undefined;
    const timer = window.setTimeout(() => commit(text), SEARCH_DEBOUNCE_MS);
    return () => window.clearTimeout(timer);
  }, [text, value]);

  return children({
    value: text,
    invalid,
    onChange: (typed) => {
      setText(typed);
      setInvalid(false);
    },
  });
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
      return (
        <DebouncedText spec={spec} value={text} onCommit={set}>
          {(box) => (
            <div className="grid gap-1.5 sm:col-span-2">
              <Label htmlFor={id}>{widget.label}</Label>
              <div className="relative">
                <Search aria-hidden className="pointer-events-none absolute top-1/2 left-2.5 size-4 -translate-y-1/2 text-muted-foreground" />
                <Input
                  id={id}
                  type="search"
                  className="pl-8"
                  placeholder={widget.placeholder}
                  maxLength={SEARCH_MAX_LENGTH}
                  value={box.value}
                  onChange={(event) => box.onChange(event.target.value)}
                />
              </div>
            </div>
          )}
        </DebouncedText>
      );
    case "price":
      return (
        <DebouncedText spec={spec} value={text} onCommit={set}>
          {(box) => (
            <FormField id={id} label={widget.label} error={box.invalid ? "Enter a price such as 12.50." : undefined}>
              <Input inputMode="decimal" autoComplete="off" placeholder="0.00" value={box.value} onChange={(event) => box.onChange(event.target.value)} />
            </FormField>
          )}
        </DebouncedText>
      );
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

const isSearch = (spec: AnyFilterSpec) => spec.widget.kind === "search";

/** The filters the bar shows: a row guarded by a feature flag only while the flag is on. */
function useShownFilters(): readonly AnyFilterSpec[] {
  const flagIsOn = useFlags();
  return FILTER_SPECS.filter((spec) => !spec.flag || flagIsOn(spec.flag));
}

/** How many filters other than the search narrow the list now (the phone's Filters button says it). */
export function activeFilterCount(filters: CollectibleFilters): number {
  return FILTER_SPECS.filter((spec) => !isSearch(spec) && spec.widget.kind !== "none" && spec.serialise(filters[spec.key]) !== "").length;
}

function ClearFilters({ filters, onClear }: Pick<FilterBarProps, "filters" | "onClear">) {
  return (
    <Button variant="outline" onClick={onClear} disabled={!hasNarrowingFilters(filters)}>
      <X aria-hidden />
      Clear filters
    </Button>
  );
}

/**
 * On a phone the search stays in view and the other filters wait in a sheet
 * from the bottom edge, within a thumb's reach; each change applies at once,
 * as on a desk, so the list behind the sheet is already filtered when it closes.
 */
function PhoneFilterBar({ filters, onChange, onClear }: FilterBarProps) {
  const active = activeFilterCount(filters);
  const shown = useShownFilters();
  return (
    <div role="search" aria-label="Filter collectibles" className="grid gap-2">
      {shown.filter(isSearch).map((spec) => (
        <FilterWidget key={spec.key} spec={spec} filters={filters} onChange={onChange} />
      ))}
      <Sheet>
        <SheetTrigger asChild>
          <Button variant="outline" className="h-11 justify-between">
            <span className="inline-flex items-center gap-2">
              <SlidersHorizontal aria-hidden />
              Filters
            </span>
            {active > 0 && (
              <Badge aria-label={`${active} active`} variant="secondary">
                {active}
              </Badge>
            )}
          </Button>
        </SheetTrigger>
        <SheetContent side="bottom">
          <SheetHeader>
            <SheetTitle>Filters</SheetTitle>
            <SheetDescription className="sr-only">Each change applies to the list at once.</SheetDescription>
          </SheetHeader>
          <div className="grid gap-3">
            {shown.filter((spec) => !isSearch(spec)).map((spec) => (
              <FilterWidget key={spec.key} spec={spec} filters={filters} onChange={onChange} />
            ))}
          </div>
          <div className="sticky bottom-0 grid grid-cols-2 gap-2 bg-background pt-2">
            <ClearFilters filters={filters} onClear={onClear} />
            <SheetClose asChild>
              <Button>Show results</Button>
            </SheetClose>
          </div>
        </SheetContent>
      </Sheet>
    </div>
  );
}

export function FilterBar({ filters, onChange, onClear }: FilterBarProps) {
  const narrow = useIsNarrowScreen();
  const shown = useShownFilters();
  if (narrow) return <PhoneFilterBar filters={filters} onChange={onChange} onClear={onClear} />;
  return (
    <div role="search" aria-label="Filter collectibles" className="grid gap-3 rounded-lg border bg-card p-4 sm:grid-cols-2 lg:grid-cols-4 xl:grid-cols-6">
      {shown.map((spec) => (
        <FilterWidget key={spec.key} spec={spec} filters={filters} onChange={onChange} />
      ))}
      <div className="flex items-end">
        <ClearFilters filters={filters} onClear={onClear} />
      </div>
    </div>
  );
}
