/**
 * The data a target computation reads: a snapshot of the district's rows as the server holds them,
 * already reduced to the current values (superseded figures left out). Money is bigint fen.
 */
import type { Fen } from "../money";
import type { ListingStage, ScaleStatus } from "../register/vocabulary";

export type { ListingStage, ScaleStatus };

export type ProjectStage = "planning" | "negotiation" | "signed" | "construction" | "production";

export interface SnapshotEnterprise {
  id: number;
  name: string;
  /** The id of one of the plan's chains (plan.chains[].id); outside the listed chains, that of its role-other chain. */
  chainId: string;
  /** The town or street unit (its code) the enterprise belongs to; null when not assigned. */
  town: string | null;
  /** Key enterprise (重点企业) for the help coverage of M10. */
  isKey: boolean;
  /** A district leader is assigned (挂点帮扶). */
  hasLeader: boolean;
  /** The above-scale status history (规上 / 后备库 / other); a year without a row is "not above". */
  scale: readonly { year: number; status: ScaleStatus }[];
}

/**
 * One figure: month 0 is the whole year, 1..12 the month's own value (not cumulative).
 * Money metrics (revenue, tax, output, fixed_asset_investment) are fen; others are counts.
 */
export interface SnapshotFigure {
  enterpriseId: number;
  year: number;
  month: number;
  metric: string;
  value: bigint;
}

/**
 * One enterprise's figures of a metric in a year in one row (the form a district's summary is read in): [0] the whole
 * year, [1..12] the months, undefined where none is in force. A snapshot may hold its figures so or one by one.
 */
export interface SnapshotFigureYear {
  enterpriseId: number;
  metric: string;
  year: number;
  values: readonly (bigint | undefined)[];
}

export interface SnapshotProject {
  id: number;
  name: string;
  chainId: string;
  /** Planned (contracted) total investment: decides the project's category. */
  plannedInvestment: Fen;
  manufacturing: boolean;
  stage: ProjectStage;
  introducedYear: number | null;
  /** Key project (重点项目) for the help coverage of M10. */
  isKey: boolean;
  hasLeader: boolean;
}

/** An enterprise reached a listing stage in a year (挂牌展示, 股改, 新三板, 境内/境外上市). */
export interface ListingEvent {
  enterpriseId: number;
  stage: ListingStage;
  year: number;
}

/** The district's fixed-asset investment (全社会固定资产投资) of a year, and its manufacturing part. */
export interface DistrictInvestment {
  year: number;
  total: Fen;
  manufacturing: Fen;
}

/** An enterprise-related government service item (涉企服务事项), and whether it can be done online. */
export interface OnlineServiceItem {
  id: string;
  name: string;
  online: boolean;
}

/**
 * One value of a fact the plan declares, for an enterprise and one period of a year (0: the year; 1–4 quarters;
 * 1–12 months): money in fen, a quantity in hundredths of its unit, a count as is.
 */
export interface SnapshotDeclaredFact {
  enterpriseId: number;
  factId: string;
  year: number;
  period: number;
  value: bigint;
}

export interface TargetSnapshot {
  /** The latest month the data covers: figures of later months are not expected yet. */
  asOf: { year: number; month: number };
  enterprises: readonly SnapshotEnterprise[];
  figures: readonly SnapshotFigure[];
  /** Figures a row per enterprise, metric and year (read so at province scale: a thirteenth of the objects). */
  figureYears?: readonly SnapshotFigureYear[];
  projects: readonly SnapshotProject[];
  listings: readonly ListingEvent[];
  investment: readonly DistrictInvestment[];
  onlineServices: readonly OnlineServiceItem[];
  /** The declared facts' values the targets aggregate (only those facts; absent when no target reads one). */
  declaredFacts?: readonly SnapshotDeclaredFact[];
}
