/**
 * Ranking of responsible units on one indicator, and who is summoned for it (S16: 单项指标排名最后的
 * 责任部门及乡镇街道，由区主要领导对其主要负责人进行约谈).
 *
 * Readings, each explained in the result:
 * - A unit with nothing to measure on the indicator (value null) is excluded from that ranking.
 * - Equal values share a rank (competition ranking: 1, 2, 2, 4).
 * - Every unit tied on the worst value is listed for a summons.
 * - When fewer than two units are ranked, or every ranked unit has the same value, there is no last
 *   place distinct from the rest and nobody is summoned on that indicator.
 */
import { compareRatio, type Ratio } from "./ratio";

/** "higher": a higher value is better (a completion rate); "lower": lower is better (handling time). */
export type IndicatorDirection = "higher" | "lower";

export interface UnitValue<UnitId> {
  unitId: UnitId;
  /** null: the unit has nothing to measure on this indicator. */
  value: Ratio | null;
  /** Why the value is null, shown with the exclusion (e.g. "本期无到期任务"). */
  missingReason?: string;
}

export interface RankedUnit<UnitId> {
  unitId: UnitId;
  value: Ratio;
  /** 1 is best; tied values share the rank. */
  rank: number;
  tied: boolean;
}

export interface IndicatorRanking<UnitId> {
  ranked: RankedUnit<UnitId>[];
  excluded: { unitId: UnitId; reason: string }[];
  /** The units listed for a summons on this indicator (all tied on the worst value), or none. */
  last: UnitId[];
  /** Why the last list is what it is, in Chinese. */
  explanation: string;
}

/** Best first for the direction. */
function better(direction: IndicatorDirection, a: Ratio, b: Ratio): number {
  const order = compareRatio(a, b);
  return direction === "higher" ? -order : order;
}

/**
 * Ranks the units on one indicator and names the last-placed units.
 * @param values one entry per unit; a null value excludes the unit, with its reason.
 * @param direction whether higher or lower values are better.
 */
export function rankUnits<UnitId>(
  values: UnitValue<UnitId>[],
  direction: IndicatorDirection,
): IndicatorRanking<UnitId> {
  const excluded = values
    .filter((entry) => entry.value === null)
    .map((entry) => ({ unitId: entry.unitId, reason: entry.missingReason ?? "无可计量的数据" }));
  const present = values
    .filter((entry): entry is UnitValue<UnitId> & { value: Ratio } => entry.value !== null)
    .sort((a, b) => better(direction, a.value, b.value));

  const ranked: RankedUnit<UnitId>[] = [];
  present.forEach((entry, index) => {
    const previous = ranked[index - 1];
    const tiedWithPrevious = previous !== undefined && compareRatio(previous.value, entry.value) === 0;
    const rank = tiedWithPrevious && previous ? previous.rank : index + 1;
    if (tiedWithPrevious && previous) previous.tied = true;
    ranked.push({ unitId: entry.unitId, value: entry.value, rank, tied: tiedWithPrevious });
  });

  const excludedNote = excluded.length > 0 ? `；${excluded.length} 个单位无可计量数据，不参与排名` : "";
  if (ranked.length < 2) {
    return {
      ranked,
      excluded,
      last: [],
      explanation: `参与排名的单位不足 2 个，无末位${excludedNote}`,
    };
  }
  const worst = ranked[ranked.length - 1] as RankedUnit<UnitId>;
  const best = ranked[0] as RankedUnit<UnitId>;
  if (compareRatio(best.value, worst.value) === 0) {
    return {
      ranked,
      excluded,
      last: [],
      explanation: `全部 ${ranked.length} 个单位数值相同、并列第 1，无末位${excludedNote}`,
    };
  }
  const last = ranked.filter((entry) => compareRatio(entry.value, worst.value) === 0).map((entry) => entry.unitId);
  const explanation =
    last.length > 1
      ? `${last.length} 个单位并列末位（第 ${worst.rank} 名），均列入约谈名单${excludedNote}`
      : `排名末位（第 ${worst.rank} 名，共 ${ranked.length} 个单位）${excludedNote}`;
  return { ranked, excluded, last, explanation };
}
