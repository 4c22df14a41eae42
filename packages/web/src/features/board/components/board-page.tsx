import { useMemo } from "react";
import { Navigate, useLocation, useSearchParams } from "react-router-dom";
import { type ChartOption, EChart } from "../../../shared/components/echart";
import { ForbiddenResult, PageLoading } from "../../../shared/components/status-results";
import { formatFenForDisplay } from "../../../shared/format/numbers";
import { useLanguage, useLocalizedText, useT } from "../../../shared/i18n/i18n";
import { useCurrentUser } from "../../auth";
import {
  DARK,
  type Dashboard,
  formatGrowth,
  formatQuantity,
  funnelOption,
  groupOption,
  revenueByMonthOption,
  revenueYearsOption,
  STATUS_COLORS,
  type TargetCard,
  type TargetStatus,
  useCoverageTexts,
  useDashboard,
} from "../../dashboard";
import { useChainLeaders } from "../../enterprises";
import { useUnitNameByCode } from "../../units";
import { BOARD_COLORS, BoardPanel, BoardScreenActions, BoardShell, BoardTile, useBoardLayout } from "./board-shell";

const HEADLINE = ["aboveScaleRevenue", "aboveScaleCount", "aboveScaleNetIncrease"];

/** The 数据大屏 at /board: signed-in staff only, refreshed every 60 seconds. */
export function BoardPage() {
  const currentUser = useCurrentUser();
  const location = useLocation();
  if (currentUser.isPending) return <PageLoading />;
  const user = currentUser.data;
  if (!user)
    return <Navigate to={`/login?next=${encodeURIComponent(`${location.pathname}${location.search}`)}`} replace />;
  if (user.role === "enterprise") return <ForbiddenResult />;
  return <Board />;
}

function Board() {
  const t = useT();
  const localized = useLocalizedText();
  const [search] = useSearchParams();
  const asOf = search.get("asOf") ?? undefined;
  const dashboard = useDashboard(asOf, { refetchInterval: 60_000 });
  const data = dashboard.data;
  const coverageTexts = useCoverageTexts();
  const coverage = data ? coverageTexts(data.coverage) : null;
  return (
    <BoardShell
      fitScreen
      title={t("board.title")}
      subtitle={
        data
          ? [
              localized(data.plan.title, data.plan.titleEn),
              t("board.autoRefresh"),
              coverage?.line,
              coverage?.partialShort,
            ]
              .filter(Boolean)
              .join(" · ")
          : null
      }
      actions={<BoardScreenActions />}
    >
      {data ? <BoardBody data={data} /> : <div style={{ fontSize: 28 }}>{t("common.loading")}…</div>}
    </BoardShell>
  );
}

/** The dark charts at a phone's type. */
const FLOWING_DARK = { ...DARK, fontSize: 12 };

/** Up to this many other targets, each takes two lines (name, then figures) and the list still fits the stage. */
const ROWS_WITH_TWO_LINES = 12;

/** The order the overview counts the targets' states in. */
const STATUS_ORDER: TargetStatus[] = ["green", "yellow", "red", "aspiration-behind", "no-data"];

function BoardBody({ data }: { data: Dashboard }) {
  const t = useT();
  const layout = useBoardLayout();
  const { size } = layout;
  // Charts on a scaled stage draw at the stage's scale, so a 4K screen gets sharp lines rather than stretched ones.
  const pixelRatio = layout.mode === "stage" ? Math.max(1, layout.scale * (window.devicePixelRatio || 1)) : undefined;
  const { language } = useLanguage();
  const localized = useLocalizedText();
  const g1 = data.cards.find((card) => card.metric === "aboveScaleRevenue");
  const theme = layout.mode === "stage" ? DARK : FLOWING_DARK;
  const years = useMemo(() => revenueYearsOption(data, g1, t, theme), [data, g1, t, theme]);
  const months = useMemo(() => revenueByMonthOption(data, t, theme), [data, t, theme]);
  const chains = useMemo(
    () =>
      groupOption(data.byChain, t, theme, (id) => {
        const chain = data.chains.find((c) => c.id === id);
        return chain ? localized(chain.name, chain.nameEn) : t("chain.other");
      }),
    [data, t, localized, theme],
  );
  const funnel = useMemo(() => funnelOption(data, t, theme), [data, t, theme]);
  const unitNameByCode = useUnitNameByCode();
  const towns = useMemo(
    () =>
      groupOption(data.byTown.slice(0, 8), t, theme, (code) =>
        unitNameByCode(code, data.byTown.find((row) => row.key === code)?.name ?? code),
      ),
    [data, t, unitNameByCode, theme],
  );
  const headline = data.cards.filter((card) => HEADLINE.includes(card.metric));
  const others = data.cards.filter((card) => !HEADLINE.includes(card.metric));
  const format = (card: TargetCard, q: TargetCard["target"] | null | undefined) =>
    formatQuantity(q, card.metric, language);
  const tile = (card: TargetCard) => {
    const forecast =
      card.forecast && card.statusBasis === "forecast"
        ? `${t("dash.forecast", { year: card.deadlineYear })} ${format(card, card.forecast.estimate)}${t(
            "common.inParentheses",
            {
              text: `${t("dash.interval", { level: Math.round(card.forecast.level * 100) })} ${format(
                card,
                card.forecast.low,
              )}—${format(card, card.forecast.high)}`,
            },
          )}`
        : null;
    return (
      <BoardTile
        key={card.targetId}
        testId={`board-tile-${card.targetId}`}
        big
        name={`${card.targetId} ${localized(card.name, card.nameEn)}`}
        value={format(card, card.current?.value)}
        target={`${t("dash.target")} ${format(card, card.target)}`}
        color={STATUS_COLORS[card.status]}
        statusText={t(`dash.status.${card.status}`)}
        progress={card.progress}
        forecast={forecast}
      />
    );
  };
  const { revenueByMonth } = data;
  const staged = layout.mode === "stage";
  // Charts fill their panels on the stage; flowing, each has a fixed height.
  const chart = (option: ChartOption, label: string) => (
    <div style={staged ? { flex: 1, minHeight: 0 } : { height: 260 }}>
      <EChart option={option} height="100%" label={label} background="#04122b" pixelRatio={pixelRatio} />
    </div>
  );
  const statusCounts = STATUS_ORDER.map((status) => ({
    status,
    count: others.filter((card) => card.status === status).length,
  })).filter((entry) => entry.count > 0);
  const overview = (
    <BoardPanel
      title={t("board.otherTargets", { count: others.length })}
      style={{ gridArea: staged ? "overview" : undefined }}
    >
      <div
        data-testid="board-status-counts"
        style={{ display: "flex", flexWrap: "wrap", gap: size(16), fontSize: size(22), marginBottom: size(8) }}
      >
        {statusCounts.map(({ status, count }) => (
          <span key={status} style={{ color: STATUS_COLORS[status], fontWeight: 700 }}>
            {t(`dash.status.${status}`)} {count}
          </span>
        ))}
      </div>
      <ul style={{ listStyle: "none", margin: 0, padding: 0, overflow: "hidden", flex: 1, minHeight: 0 }}>
        {others.map((card) => {
          const name = (
            <span
              title={localized(card.name, card.nameEn)}
              style={{ flex: 1, minWidth: 0, overflow: "hidden", textOverflow: "ellipsis", whiteSpace: "nowrap" }}
            >
              <span
                aria-hidden
                style={{
                  display: "inline-block",
                  width: size(12),
                  height: size(12),
                  marginRight: size(8),
                  borderRadius: "50%",
                  background: STATUS_COLORS[card.status],
                }}
              />
              {card.targetId} {localized(card.name, card.nameEn)}
            </span>
          );
          const figures = (
            <span style={{ display: "flex", gap: size(10), justifyContent: "flex-end", whiteSpace: "nowrap" }}>
              <span style={{ fontWeight: 700, fontVariantNumeric: "tabular-nums" }}>
                {format(card, card.current?.value)}
                <span style={{ color: BOARD_COLORS.muted, fontWeight: 400 }}> / {format(card, card.target)}</span>
              </span>
              <span style={{ color: STATUS_COLORS[card.status] }}>{t(`dash.status.${card.status}`)}</span>
            </span>
          );
          // While the list fits, each target takes two lines (its name whole, then its figures); a long list one.
          const twoLines = others.length <= ROWS_WITH_TWO_LINES;
          return (
            <li
              key={card.targetId}
              data-testid={`board-tile-${card.targetId}`}
              style={{
                display: "flex",
                flexDirection: twoLines ? "column" : "row",
                alignItems: twoLines ? "stretch" : "baseline",
                gap: twoLines ? 0 : size(10),
                fontSize: size(19),
                lineHeight: 1.3,
                padding: `${size(5)}px 0`,
                borderBottom: `1px solid ${BOARD_COLORS.border}`,
              }}
            >
              {name}
              {figures}
            </li>
          );
        })}
      </ul>
    </BoardPanel>
  );
  return (
    <div
      data-testid="board-body"
      style={
        staged
          ? {
              display: "grid",
              height: "100%",
              gap: 14,
              gridTemplateColumns: "1fr 1fr 1fr 500px",
              gridTemplateRows: "auto minmax(0, 1fr) minmax(0, 1fr)",
              gridTemplateAreas: '"headline headline headline overview" "c1 c2 c3 overview" "c4 c5 c6 overview"',
            }
          : { display: "grid", gap: 12, gridTemplateColumns: "minmax(0, 1fr)" }
      }
    >
      <div
        style={{
          gridArea: staged ? "headline" : undefined,
          display: "grid",
          gridTemplateColumns: staged ? `repeat(${Math.max(headline.length, 1)}, minmax(0, 1fr))` : "minmax(0, 1fr)",
          gap: staged ? 14 : 12,
        }}
      >
        {headline.map(tile)}
      </div>
      {overview}
      <BoardPanel title={t("dash.revenueYears")} style={{ gridArea: staged ? "c1" : undefined }}>
        {chart(years, t("dash.revenueYears"))}
      </BoardPanel>
      <BoardPanel title={t("dash.revenueByMonth")} style={{ gridArea: staged ? "c2" : undefined }}>
        {chart(months, t("dash.revenueByMonth"))}
        <div style={{ fontSize: size(20), marginTop: size(4) }}>
          {t("dash.period", { year: revenueByMonth.year, month: revenueByMonth.throughMonth })}{" "}
          {formatFenForDisplay(revenueByMonth.yearToDate)} ·{" "}
          <span style={{ color: "#ffd666" }}>{formatGrowth(revenueByMonth.growthMillionths)}</span>
        </div>
      </BoardPanel>
      <BoardPanel title={t("dash.byChain")} style={{ gridArea: staged ? "c3" : undefined }}>
        {chart(chains, t("dash.byChain"))}
        <ChainLeaderLines size={size} />
      </BoardPanel>
      <BoardPanel title={t("dash.projectFunnel")} style={{ gridArea: staged ? "c4" : undefined }}>
        {chart(funnel, t("dash.projectFunnel"))}
      </BoardPanel>
      <BoardPanel title={t("dash.byTown")} style={{ gridArea: staged ? "c5" : undefined }}>
        {chart(towns, t("dash.byTown"))}
      </BoardPanel>
      <BoardPanel title={t("dash.reservePool")} style={{ gridArea: staged ? "c6" : undefined }}>
        <div style={{ fontSize: size(22), marginBottom: size(6) }}>
          {data.reservePool.settledYear !== null
            ? t("dash.reserveSettled", { count: data.reservePool.count, year: data.reservePool.settledYear })
            : data.reservePool.top.some((row) => row.probabilityAtDeadline !== null)
              ? t("dash.reserveSummary", {
                  count: data.reservePool.count,
                  likely: data.reservePool.likelyByDeadline,
                })
              : t("dash.reserveCount", { count: data.reservePool.count })}
        </div>
        <ol style={{ fontSize: size(19), margin: 0, paddingLeft: size(28), lineHeight: 1.5, overflow: "hidden" }}>
          {data.reservePool.top.slice(0, 5).map((row) => (
            <li key={row.enterpriseId}>
              <span style={{ display: "flex", gap: 12, minWidth: 0 }}>
                <span
                  style={{ flex: 1, minWidth: 0, overflow: "hidden", textOverflow: "ellipsis", whiteSpace: "nowrap" }}
                >
                  {row.name}
                </span>
                <span style={{ color: "#ffd666", flex: "none" }}>
                  {row.probabilityAtDeadline !== null
                    ? `${Math.round(row.probabilityAtDeadline * 100)}%`
                    : data.reservePool.settledYear !== null
                      ? t("dash.settledNotEntered")
                      : "—"}
                </span>
              </span>
            </li>
          ))}
        </ol>
      </BoardPanel>
    </div>
  );
}

/** Under the chains' chart: each chain's leader (链主型) enterprises of the latest year designated. */
function ChainLeaderLines({ size }: { size: (px: number) => number }) {
  const t = useT();
  const localized = useLocalizedText();
  const leaders = useChainLeaders().data;
  if (!leaders || leaders.year === null) return null;
  const named = leaders.chains.filter((chain) => chain.leaders.length > 0);
  return (
    // Two chains a line, so that the chart above keeps its height on a 1080-line screen.
    <div
      data-testid="board-chain-leaders"
      style={{
        fontSize: size(15),
        lineHeight: 1.35,
        marginTop: size(4),
        display: "grid",
        gridTemplateColumns: "minmax(0, 1fr) minmax(0, 1fr)",
        columnGap: size(12),
      }}
    >
      <span style={{ color: BOARD_COLORS.muted, gridColumn: "1 / -1" }}>
        {t("board.chainLeaders", { year: leaders.year })}
      </span>
      {named.length === 0
        ? ` ${t("board.noChainLeaders")}`
        : named.map((chain) => (
            <div
              key={chain.id}
              style={{ overflow: "hidden", textOverflow: "ellipsis", whiteSpace: "nowrap" }}
              title={chain.leaders.map((leader) => leader.name).join("、")}
            >
              <span style={{ color: "#ffd666" }}>{localized(chain.name, chain.nameEn)}</span>{" "}
              {chain.leaders.map((leader) => leader.name).join(t("common.comma"))}
            </div>
          ))}
    </div>
  );
}
