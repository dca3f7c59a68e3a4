import { dayForInput } from "@/lib/day-input";

/** A date field that reads and shows dd/mm/yyyy whatever the browser's language (see lib/day-input). */
export function DayInput({
  name,
  defaultValue,
  className,
  hint,
}: {
  name: string;
  defaultValue?: string;
  className?: string;
  hint: string;
}) {
  return (
    <input
      type="text"
      name={name}
      inputMode="numeric"
      autoComplete="off"
      placeholder={hint}
      title={hint}
      defaultValue={dayForInput(defaultValue)}
      className={className}
    />
  );
}
