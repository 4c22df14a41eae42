/**
 * The office's changes of a place written into a copy of the plan: a new town, street or zone, a new name or
 * kind, a place taken out of the plan or put back. Pure: the service stores the result as the next version.
 */
import type { PlanFile, PlanUnit } from "@beizeng/domain/plan/schema";
import { PLACE_UNIT_KINDS, type UnitKind } from "@beizeng/domain/plan/vocabulary";

export interface PlaceFields {
  name: string;
  nameEn: string;
  kind: UnitKind;
}

export interface PlacePatch {
  name?: string;
  nameEn?: string;
  kind?: UnitKind;
}

/** A writable copy of a stored (frozen) plan. */
function copyOf(plan: PlanFile): PlanFile {
  return structuredClone(plan) as PlanFile;
}

export function isPlaceKind(kind: string): kind is UnitKind {
  return PLACE_UNIT_KINDS.includes(kind as UnitKind);
}

/**
 * The first free id of the form place-1, place-2 …: the same plan and the same taken ids always give the same
 * one. `taken` holds the ids of units no longer in the plan too, whose records still name them.
 */
export function nextPlaceCode(plan: PlanFile, taken: Iterable<string>): string {
  const used = new Set([...plan.units.map((unit) => unit.id), ...taken]);
  let n = 1;
  while (used.has(`place-${n}`)) n += 1;
  return `place-${n}`;
}

/** The plan unit, other than `exceptId`, whose name or alias is `name`, if any. */
export function unitNamed(plan: PlanFile, name: string, exceptId?: string): PlanUnit | undefined {
  return plan.units.find((unit) => unit.id !== exceptId && (unit.name === name || unit.aliases.includes(name)));
}

/** A place the office keeps, as the plan lists it. */
function placeEntry(code: string, fields: PlaceFields): PlanUnit {
  return {
    id: code,
    name: fields.name,
    nameEn: fields.nameEn,
    kind: fields.kind,
    duties: [],
    editable: true,
    aliases: [],
  };
}

/** The plan with a new place, listed after the plan's last place so that the places stay together. */
export function withPlace(plan: PlanFile, code: string, fields: PlaceFields): PlanFile {
  const revised = copyOf(plan);
  let at = revised.units.length;
  for (let index = revised.units.length - 1; index >= 0; index -= 1) {
    if (isPlaceKind((revised.units[index] as PlanUnit).kind)) {
      at = index + 1;
      break;
    }
  }
  revised.units.splice(at, 0, placeEntry(code, fields));
  return revised;
}

/** The plan with the place's name, English name or kind changed; undefined when the patch changes nothing. */
export function withPlaceChanged(plan: PlanFile, code: string, patch: PlacePatch): PlanFile | undefined {
  const unit = plan.units.find((candidate) => candidate.id === code);
  if (!unit) return undefined;
  const changes = Object.entries(patch).filter(
    ([field, value]) => value !== undefined && unit[field as keyof PlacePatch] !== value,
  );
  if (changes.length === 0) return undefined;
  const revised = copyOf(plan);
  const target = revised.units.find((candidate) => candidate.id === code) as PlanUnit;
  Object.assign(target, Object.fromEntries(changes));
  return revised;
}

/** The plan without the place. */
export function withoutPlace(plan: PlanFile, code: string): PlanFile {
  const revised = copyOf(plan);
  revised.units = revised.units.filter((unit) => unit.id !== code);
  return revised;
}
