import { useCallback } from "react";
import { useLocalizedText } from "../../../shared/i18n/i18n";
import { useUnits } from "../../units/api/units-api";

/** A unit's name in the chosen language (the task API gives the Chinese name; the unit list has the English one). */
export function useUnitName(): (unit: { id: number; name: string }) => string {
  const units = useUnits();
  const localized = useLocalizedText();
  return useCallback(
    (unit) => {
      const known = units.data?.find((candidate) => candidate.id === unit.id);
      return known ? localized(known.name, known.nameEn) : unit.name;
    },
    [units.data, localized],
  );
}
