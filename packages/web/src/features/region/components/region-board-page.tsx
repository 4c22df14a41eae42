import { type ReactNode, useMemo } from "react";
import { Navigate, useLocation } from "react-router-dom";
import { type ChartOption, EChart } from "../../../shared/components/echart";
import { ForbiddenResult, PageLoading } from "../../../shared/components/status-results";
import { type Translate, useLanguage, useLocalizedText, useT } from "../../../shared/i18n/i18n";
import { useCurrentUser } from "../../auth";
import { BOARD_COLORS, BoardPanel, BoardScreenActions, BoardShell, BoardTile, useBoardLayout } from "../../board";
import { DARK, STATUS_COLORS, type TargetStatus, type YearMonth } from "../../dashboard";
import { type RegionDistrictOverview, type RegionOverview, type RegionSum, useRegionOverview } from "../api/region-api";
import {
  coveragePercent,
  hasFigures,
  type Language,
  onTrackCount,
  onTrackPercent,
  quantityText,
} from "./region-figures";

/** The region's 数据大屏 at /region/board: a region's accounts only, refreshed every 60 seconds like the district's. */
export function RegionBoardPage() {
  const currentUser = useCurrentUser();
  const location = useLocation();
  if (currentUser.isPending) return <PageLoading />;
  const user = currentUser.data;
  if (!user) return <Navigate to={`/login?next=${encodeURIComponent(location.pathname)}`} replace />;
  if (user.role !== "region") return <ForbiddenResult />;
  return <RegionBoard />;
}

const monthIndex = (month: YearMonth) => month.year * 12 + month.month;

/** The month each district's figures stand at; a district without figures has none. */
function asOfMonths(overview: RegionOverview): YearMonth[] {
  return overview.districts
    .filter(hasFigures)
    .map((district) => district.asOf ?? district.latest)
    .filter((month): month is YearMonth => month !== null);
}

function RegionBoard() {
  const t = useT();
  const localized = useLocalizedText();
  const overview = useRegionOverview({ refetchInterval: 60_000 }).data;
  const subtitle = overview
    ? [
        asOfText(overview, t),
        t("region.board.districtCount", { count: overview.districts.length }),
        t("board.autoRefresh"),
      ].join(" · ")
    : null;
  return (
    <BoardShell
      fitScreen
      title={
        overview
          ? t("region.board.title", { name: localized(overview.region.name, overview.region.nameEn) })
          : t("board.title")
      }
      subtitle={subtitle ? <span data-testid="region-board-as-of">{subtitle}</span> : null}
      actions={<BoardScreenActions />}
    >
      {overview ? <RegionBoardBody overview={overview} /> : <div style={{ fontSize: 28 }}>{t("common.loading")}…</div>}
    </BoardShell>
  );
}

function asOfText(overview: RegionOverview, t: Translate): string {
  const months = asOfMonths(overview).sort((a, b) => monthIndex(a) - monthIndex(b));
  const first = months[0];
  const last = months[months.length - 1];
  if (!first || !last) return t("region.board.noFigures");
  if (monthIndex(first) === monthIndex(last)) return t("region.board.asOf", { month: t("region.month", last) });
  return t("region.board.asOfRange", { from: t("region.month", first), to: t("region.month", last) });
}

/** The order the targets' states are stacked in. */
const STATUS_ORDER: TargetStatus[] = ["green", "yellow", "red", "aspiration-behind", "no-data"];

/** How large the districts' names and rows are drawn: many districts take smaller type, so that all of them fit. */
function density(count: number) {
  if (count <= 10) return { row: 20, padding: 8, axis: 18 };
  if (count <= 16) return { row: 17, padding: 5, axis: 15 };
  return { row: 15, padding: 3, axis: 12 };
}

/** How many comparable sums fit under the districts' list on the stage; the home page lists them all. */
function sumsOnStage(districts: number): number {
  if (districts <= 10) return 8;
  if (districts <= 16) return 6;
  return 4;
}

interface ChartLook {
  fontSize: number;
  axisFontSize: number;
  /** About how wide the chart is drawn, to know whether its legend takes one line or two. */
  width: number;
}

/** A legend's lines at the chart's width: Chinese characters are about as wide as the type is high, Latin half. */
function legendLines(labels: string[], look: ChartLook): number {
  const textWidth = (label: string) =>
    Array.from(label).reduce((sum, char) => sum + (char.charCodeAt(0) > 0x2e80 ? 1 : 0.55), 0) * look.fontSize;
  const width = labels.reduce((sum, label) => sum + textWidth(label) + 25 + 20, 0);
  return width > look.width ? 2 : 1;
}

function axes(names: string[], look: ChartLook, valueAxis: Record<string, unknown>, legend: string[]) {
  const top = legendLines(legend, look) * Math.round(look.fontSize * 1.6) + 12;
  return {
    legend: { top: 0, itemGap: 20, textStyle: { color: DARK.text, fontSize: look.fontSize } },
    grid: { left: 8, right: 24, top, bottom: 8, containLabel: true },
    xAxis: {
      type: "value",
      axisLabel: { color: DARK.axis, fontSize: look.fontSize },
      splitLine: { lineStyle: { color: DARK.split } },
      ...valueAxis,
    },
    // The first district at the top, as in the list beside.
    yAxis: {
      type: "category",
      inverse: true,
      data: names,
      axisLabel: { color: DARK.text, fontSize: look.axisFontSize, interval: 0, width: 150, overflow: "truncate" },
      axisLine: { lineStyle: { color: DARK.axis } },
    },
  };
}

/** Each district's targets stacked by state; the tooltip counts targets (项). */
function statusOption(overview: RegionOverview, names: string[], t: Translate, look: ChartLook): ChartOption {
  const legend = STATUS_ORDER.map((status) => t(`dash.status.${status}`));
  return {
    textStyle: { color: DARK.text, fontSize: look.fontSize },
    color: STATUS_ORDER.map((status) => STATUS_COLORS[status]),
    tooltip: {
      trigger: "axis",
      axisPointer: { type: "shadow" },
      valueFormatter: (value: unknown) =>
        typeof value === "number" ? t("region.board.targetCount", { count: value }) : "—",
    },
    ...axes(names, look, { minInterval: 1 }, legend),
    series: STATUS_ORDER.map((status, index) => ({
      name: legend[index],
      type: "bar",
      stack: "targets",
      barMaxWidth: 28,
      data: overview.districts.map((district) => district.targets.filter((target) => target.status === status).length),
    })),
  };
}

/** Each district's data completeness and share of targets on track, in percent: figures every district has. */
function shareOption(overview: RegionOverview, names: string[], t: Translate, look: ChartLook): ChartOption {
  const legend = [t("region.chart.coverage"), t("region.chart.onTrack")];
  return {
    textStyle: { color: DARK.text, fontSize: look.fontSize },
    color: ["#40a9ff", "#52c41a"],
    tooltip: {
      trigger: "axis",
      axisPointer: { type: "shadow" },
      valueFormatter: (value: unknown) => (typeof value === "number" ? `${value}%` : "—"),
    },
    ...axes(
      names,
      look,
      {
        min: 0,
        max: 100,
        axisLabel: { color: DARK.axis, fontSize: look.fontSize, formatter: "{value}%" },
      },
      legend,
    ),
    series: [
      { name: legend[0], type: "bar", barMaxWidth: 14, data: overview.districts.map(coveragePercent) },
      { name: legend[1], type: "bar", barMaxWidth: 14, data: overview.districts.map(onTrackPercent) },
    ],
  };
}

function RegionBoardBody({ overview }: { overview: RegionOverview }) {
  const t = useT();
  const { language } = useLanguage();
  const localized = useLocalizedText();
  const layout = useBoardLayout();
  const { size } = layout;
  const staged = layout.mode === "stage";
  const pixelRatio = staged ? Math.max(1, layout.scale * (window.devicePixelRatio || 1)) : undefined;
  const { districts } = overview;
  const dense = density(districts.length);
  const names = useMemo(
    () => districts.map((district) => localized(district.name, district.nameEn)),
    [districts, localized],
  );
  const look = useMemo<ChartLook>(
    () =>
      staged
        ? { fontSize: 16, axisFontSize: dense.axis, width: 500 }
        : { fontSize: 12, axisFontSize: 12, width: Math.min(window.innerWidth, 1000) - 60 },
    [staged, dense.axis],
  );
  const status = useMemo(() => statusOption(overview, names, t, look), [overview, names, t, look]);
  const shares = useMemo(() => shareOption(overview, names, t, look), [overview, names, t, look]);

  const withFigures = districts.filter(hasFigures);
  const complete = withFigures.filter((district) => district.coverage?.reached).length;
  const targets = districts.flatMap((district) => district.targets);
  const onTrack = districts.reduce((sum, district) => sum + onTrackCount(district), 0);
  const onTrackShare = targets.length === 0 ? null : onTrack / targets.length;

  // Charts fill their panels on the stage; flowing, each is as tall as its districts need.
  const chart = (option: ChartOption, label: string) => (
    <div style={staged ? { flex: 1, minHeight: 0 } : { height: Math.max(260, 70 + districts.length * 30) }}>
      <EChart option={option} height="100%" label={label} background="#04122b" pixelRatio={pixelRatio} />
    </div>
  );
  const area = (name: string) => (staged ? name : undefined);

  return (
    <div
      data-testid="region-board-body"
      style={
        staged
          ? {
              display: "grid",
              height: "100%",
              gap: 14,
              gridTemplateColumns: "minmax(0, 1fr) minmax(0, 1fr) 760px",
              gridTemplateRows: "auto minmax(0, 1fr) auto",
              gridTemplateAreas: '"tiles tiles list" "status shares list" "status shares sums"',
            }
          : { display: "grid", gap: 12, gridTemplateColumns: "minmax(0, 1fr)" }
      }
    >
      <div
        style={{
          gridArea: area("tiles"),
          display: "grid",
          gridTemplateColumns: staged ? "repeat(3, minmax(0, 1fr))" : "minmax(0, 1fr)",
          gap: staged ? 14 : 12,
        }}
      >
        <BoardTile
          testId="region-board-tile-districts"
          name={t("region.board.tile.districts")}
          value={String(districts.length)}
          target={t("region.board.tile.withFigures", { count: withFigures.length })}
          color={BOARD_COLORS.accent}
          statusText=""
          progress={districts.length === 0 ? null : withFigures.length / districts.length}
        />
        <BoardTile
          testId="region-board-tile-on-track"
          name={t("region.board.tile.onTrack")}
          value={`${onTrack} / ${targets.length}`}
          target={
            onTrackShare === null
              ? t("region.board.tile.noTargets")
              : t("region.board.tile.onTrackShare", { percent: Math.round(onTrackShare * 100) })
          }
          color={STATUS_COLORS.green}
          statusText=""
          progress={onTrackShare}
        />
        <BoardTile
          testId="region-board-tile-coverage"
          name={t("region.board.tile.coverage")}
          value={`${complete} / ${withFigures.length}`}
          target={t("region.board.tile.coverageOf", { count: withFigures.length })}
          color={BOARD_COLORS.accent}
          statusText=""
          progress={withFigures.length === 0 ? null : complete / withFigures.length}
        />
      </div>
      <BoardPanel title={t("region.board.list")} style={{ gridArea: area("list") }}>
        <DistrictList districts={districts} fontSize={size(staged ? dense.row : 20)} padding={size(dense.padding)} />
      </BoardPanel>
      <BoardPanel title={t("region.board.statusChart")} style={{ gridArea: area("status") }}>
        {chart(status, t("region.board.statusChart"))}
      </BoardPanel>
      <BoardPanel title={t("region.board.shareChart")} style={{ gridArea: area("shares") }}>
        {chart(shares, t("region.board.shareChart"))}
      </BoardPanel>
      <BoardPanel title={t("region.sums")} style={{ gridArea: area("sums") }}>
        <SumList overview={overview} limit={staged ? sumsOnStage(districts.length) : null} language={language} />
      </BoardPanel>
    </div>
  );
}

/** A row of the boards' tables: columns that keep their width, text that never wraps. */
function Row({
  children,
  columns,
  fontSize,
  padding,
  head,
  testId,
}: {
  children: ReactNode;
  columns: string;
  fontSize: number;
  padding: number;
  head?: boolean;
  testId?: string;
}) {
  return (
    <div
      data-testid={testId}
      style={{
        display: "grid",
        gridTemplateColumns: columns,
        columnGap: 12,
        alignItems: "baseline",
        fontSize,
        lineHeight: 1.3,
        padding: `${padding}px 0`,
        borderBottom: `1px solid ${BOARD_COLORS.border}`,
        color: head ? BOARD_COLORS.muted : BOARD_COLORS.text,
        whiteSpace: "nowrap",
      }}
    >
      {children}
    </div>
  );
}

const ellipsis = { overflow: "hidden", textOverflow: "ellipsis", minWidth: 0 } as const;
const figure = { textAlign: "right", fontVariantNumeric: "tabular-nums" } as const;

/** Each district: the month its figures stand at, how many of its above-scale enterprises reported it, its targets on track. */
function DistrictList({
  districts,
  fontSize,
  padding,
}: {
  districts: RegionDistrictOverview[];
  fontSize: number;
  padding: number;
}) {
  const t = useT();
  const localized = useLocalizedText();
  const columns = "minmax(0, 1.3fr) minmax(0, 1fr) minmax(0, 1fr) minmax(0, 1fr)";
  return (
    <div style={{ overflow: "hidden", flex: 1, minHeight: 0 }} data-testid="region-board-districts">
      <Row columns={columns} fontSize={fontSize} padding={padding} head>
        <span style={ellipsis}>{t("region.board.col.district")}</span>
        <span style={{ ...ellipsis, ...figure }}>{t("region.board.col.asOf")}</span>
        <span style={{ ...ellipsis, ...figure }}>{t("region.board.col.reported")}</span>
        <span style={{ ...ellipsis, ...figure }}>{t("region.board.col.onTrack")}</span>
      </Row>
      {districts.map((district) => {
        const name = localized(district.name, district.nameEn);
        const coverage = hasFigures(district) ? district.coverage : null;
        const month = hasFigures(district) ? (district.asOf ?? district.latest) : null;
        const percent = onTrackPercent(district);
        return (
          <Row
            key={district.id}
            columns={columns}
            fontSize={fontSize}
            padding={padding}
            testId={`region-board-district-${district.id}`}
          >
            <span style={{ ...ellipsis, fontWeight: 600 }} title={name}>
              {name}
            </span>
            {district.problem === "no-plan" ? (
              <span style={{ ...ellipsis, gridColumn: "2 / -1", color: BOARD_COLORS.muted, textAlign: "right" }}>
                {t("region.board.noPlan")}
              </span>
            ) : (
              <>
                <span style={{ ...ellipsis, ...figure }}>{month ? t("region.month", month) : "—"}</span>
                <span
                  style={{ ...ellipsis, ...figure, color: coverage && !coverage.reached ? "#ffd666" : undefined }}
                  title={coverage && !coverage.reached ? t("region.board.belowThreshold") : undefined}
                >
                  {coverage ? `${coverage.reported} / ${coverage.total}` : "—"}
                </span>
                <span style={{ ...ellipsis, ...figure }}>
                  {district.targets.length === 0 ? (
                    "—"
                  ) : (
                    <>
                      <span style={{ color: STATUS_COLORS.green, fontWeight: 700 }}>{onTrackCount(district)}</span>
                      {` / ${district.targets.length}`}
                      <span style={{ color: BOARD_COLORS.muted }}>{` · ${percent}%`}</span>
                    </>
                  )}
                </span>
              </>
            )}
          </Row>
        );
      })}
    </div>
  );
}

/**
 * The targets the overview sums (same metric, definition, unit and deadline year, a quantity that adds up), with the
 * current sum or why there is none. The stage shows those with a current sum first, as many as fit.
 */
function SumList({
  overview,
  limit,
  language,
}: {
  overview: RegionOverview;
  limit: number | null;
  language: Language;
}) {
  const t = useT();
  const { size, mode } = useBoardLayout();
  const localized = useLocalizedText();
  const fontSize = size(18);
  const padding = size(4);
  if (overview.sums.length === 0)
    return (
      <div style={{ fontSize, color: BOARD_COLORS.muted }} data-testid="region-board-sums">
        {t("region.noSums")}
      </div>
    );
  const ordered = [...overview.sums].sort((a, b) => Number(b.current !== null) - Number(a.current !== null));
  const shown = limit === null ? ordered : ordered.slice(0, limit);
  const columns = "minmax(0, 2fr) minmax(0, 1.4fr) minmax(0, 1.4fr)";
  const goal = (sum: RegionSum) =>
    `${quantityText(sum.target, sum.planUnit, sum.metric, language)}${t("common.inParentheses", {
      text: String(sum.deadlineYear),
    })}`;
  const gap = (sum: RegionSum, short: boolean) =>
    sum.currentGap === "years-differ"
      ? t(short ? "region.board.gap.yearsDiffer" : "region.gap.yearsDiffer")
      : t(short ? "region.board.gap.missing" : "region.gap.missing");
  const current = (sum: RegionSum, short: boolean) =>
    sum.current
      ? `${quantityText(sum.current.value, sum.planUnit, sum.metric, language)}${t("common.inParentheses", {
          text: String(sum.current.year),
        })}`
      : gap(sum, short);
  const more =
    shown.length < ordered.length ? (
      <div style={{ fontSize: size(16), color: BOARD_COLORS.muted, marginTop: size(4) }}>
        {t("region.board.sumsMore", { count: ordered.length - shown.length })}
      </div>
    ) : null;
  // On a phone each sum takes two lines: its name whole, then its figures.
  if (mode === "flowing")
    return (
      <div data-testid="region-board-sums">
        {shown.map((sum) => (
          <div
            key={sum.key}
            style={{
              fontSize,
              lineHeight: 1.4,
              padding: `${padding}px 0`,
              borderBottom: `1px solid ${BOARD_COLORS.border}`,
            }}
          >
            <div>
              {localized(sum.name, sum.nameEn)}
              <span style={{ color: BOARD_COLORS.muted }}>
                {` · ${t("region.board.districtCount", { count: sum.districtIds.length })}`}
              </span>
            </div>
            <div style={{ display: "flex", flexWrap: "wrap", columnGap: size(16) }}>
              <span>
                <span style={{ color: BOARD_COLORS.muted }}>{t("region.goalSum")} </span>
                {goal(sum)}
              </span>
              <span>
                <span style={{ color: BOARD_COLORS.muted }}>{t("region.currentSum")} </span>
                {current(sum, false)}
              </span>
            </div>
          </div>
        ))}
        {more}
      </div>
    );
  return (
    <div style={{ overflow: "hidden" }} data-testid="region-board-sums">
      <Row columns={columns} fontSize={fontSize} padding={padding} head>
        <span style={ellipsis}>{t("region.target")}</span>
        <span style={{ ...ellipsis, ...figure }}>{t("region.goalSum")}</span>
        <span style={{ ...ellipsis, ...figure }}>{t("region.currentSum")}</span>
      </Row>
      {shown.map((sum) => (
        <Row key={sum.key} columns={columns} fontSize={fontSize} padding={padding}>
          <span style={{ display: "flex", minWidth: 0 }} title={localized(sum.name, sum.nameEn)}>
            <span style={ellipsis}>{localized(sum.name, sum.nameEn)}</span>
            <span style={{ flex: "none", color: BOARD_COLORS.muted }}>
              {` · ${t("region.board.districtCount", { count: sum.districtIds.length })}`}
            </span>
          </span>
          <span style={{ ...ellipsis, ...figure }}>{goal(sum)}</span>
          <span
            style={{ ...ellipsis, ...figure, color: sum.current ? undefined : BOARD_COLORS.muted }}
            title={current(sum, false)}
          >
            {current(sum, true)}
          </span>
        </Row>
      ))}
      {more}
    </div>
  );
}
