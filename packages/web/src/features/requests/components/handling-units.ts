import { PLACE_UNIT_KINDS, type UnitKind } from "@beizeng/domain/plan/vocabulary";

/**
 * The units a request can be assigned to or a service day can gather: the active departments and places
 * (towns, streets, development zones), as the server accepts them.
 */
export function handlingUnits<U extends { active: boolean; kind: UnitKind }>(units: readonly U[] | undefined): U[] {
  return (units ?? []).filter(
    (unit) => unit.active && (unit.kind === "department" || PLACE_UNIT_KINDS.includes(unit.kind)),
  );
}
