import { optionsOf } from "@/lib/vocabulary";

/**
 * The `<option>`s of a select over an API enum, labelled for people; `blank`
 * adds a first empty choice, `only` keeps some values (in the labels' order).
 */
export function LabelledOptions<T extends string>({
  labels,
  blank,
  only,
}: {
  labels: Record<T, string>;
  blank?: string;
  only?: readonly T[];
}) {
  return (
    <>
      {blank !== undefined && <option value="">{blank}</option>}
      {optionsOf(labels)
        .filter((option) => !only || only.includes(option.value))
        .map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
    </>
  );
}
