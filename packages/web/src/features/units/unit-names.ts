import { useCallback } from "react";
import { useLocalizedText } from "../../shared/i18n/i18n";
import { useUnits } from "./api/units-api";

/**
 * A unit's name in the chosen language. Other APIs give a unit's Chinese name only; the unit list has the
 * English one. Falls back to the name given while the list loads or for a unit it does not hold.
 */
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

/** The same by unit code (towns and streets are keyed by code in figures and charts). */
export function useUnitNameByCode(): (code: string, fallback: string) => string {
  const units = useUnits();
  const localized = useLocalizedText();
  return useCallback(
    (code, fallback) => {
      const known = units.data?.find((candidate) => candidate.code === code);
      return known ? localized(known.name, known.nameEn) : fallback;
    },
    [units.data, localized],
  );
}
