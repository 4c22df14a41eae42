/**
 * What an import reads from the district's plan: its chains (a file's 产业链 by name, English name or alias,
 * or by GB/T 4754 industry code) and its places (所属乡镇（街道） by name or alias). No chain or place is
 * known to the code: each district's plan names its own.
 */
import { chainForIndustryCode } from "@beizeng/domain/plan/lookup";
import type { Chain, PlanFile } from "@beizeng/domain/plan/schema";
import { PLACE_UNIT_KINDS, type UnitKind } from "@beizeng/domain/plan/vocabulary";
import { type CellInput, cellText, type Parsed } from "./cell-values";
import { normalizeText } from "./columns";

/** How labels are compared: full-width folded, no spaces, Latin letters in upper case. */
function labelKey(text: string): string {
  return normalizeText(text).toUpperCase();
}

/** The plan's chains as a file names them. */
export class PlanChains {
  private readonly byLabel = new Map<string, Chain>();

  constructor(readonly plan: PlanFile) {
    // Names first: an alias never takes a name another chain already has.
    for (const chain of plan.chains) this.byLabel.set(labelKey(chain.name), chain);
    for (const chain of plan.chains) {
      for (const label of [chain.nameEn, ...chain.aliases]) {
        const key = labelKey(label);
        if (!this.byLabel.has(key)) this.byLabel.set(key, chain);
      }
    }
  }

  /** The chain a 产业链 cell names (its name, English name or one of its aliases). */
  byName(text: string): Chain | undefined {
    return this.byLabel.get(labelKey(text));
  }

  /** The chain of a GB/T 4754 code ("C2710" or "2710"): the longest matching prefix, else the plan's "other" chain. */
  byIndustryCode(code: string): Chain | undefined {
    return chainForIndustryCode(this.plan, code.replace(/^[A-Z]/, ""));
  }

  /** The chain of enterprises no other chain takes (role "other"), if the plan has one. */
  get other(): Chain | undefined {
    return this.plan.chains.find((chain) => chain.role === "other");
  }

  /** The chains' names, in plan order (for templates and messages). */
  get names(): string[] {
    return this.plan.chains.map((chain) => chain.name);
  }
}

/** A 产业链 cell read with the plan's chains; refused when the plan has no such chain, naming those it has. */
export function parseChainCell(cell: CellInput, chains: PlanChains | undefined): Parsed<Chain> {
  const text = cellText(cell);
  if (!chains) return { ok: false, message: `本区尚未加载行动方案，无法识别产业链：${text}` };
  const chain = chains.byName(text);
  if (chain) return { ok: true, value: chain };
  return { ok: false, message: `无法识别的产业链：${text}（可填：${chains.names.join("、")}）` };
}

/** A unit of the district as stored (the plan's id is its code). */
export interface StoredUnit {
  id: number;
  code: string;
  name: string;
  kind: string;
}

/** The district's places (towns, streets, zones) by the names a file may give them. */
export class Places {
  private readonly byName = new Map<string, StoredUnit>();

  constructor(units: readonly StoredUnit[], plan: PlanFile | undefined) {
    const places = units.filter((unit) => PLACE_UNIT_KINDS.includes(unit.kind as UnitKind));
    // The stored name first (the office may have renamed a town), then the plan's name and aliases.
    for (const unit of places) this.byName.set(labelKey(unit.name), unit);
    const byCode = new Map(places.map((unit) => [unit.code, unit]));
    for (const planned of plan?.units ?? []) {
      const unit = byCode.get(planned.id);
      if (!unit) continue;
      for (const name of [planned.name, ...planned.aliases]) {
        const key = labelKey(name);
        if (!this.byName.has(key)) this.byName.set(key, unit);
      }
    }
  }

  match(name: string): StoredUnit | undefined {
    return this.byName.get(labelKey(name));
  }
}
