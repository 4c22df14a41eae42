import { Button } from "antd";
import { useMemo } from "react";
import { Navigate, useLocation, useNavigate, useSearchParams } from "react-router-dom";
import { EChart } from "../../../shared/components/echart";
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
  useDashboard,
} from "../../dashboard";
import { useUnitNameByCode } from "../../units";
import { BoardPanel, BoardShell, BoardTile } from "./board-shell";

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
  const navigate = useNavigate();
  const data = dashboard.data;
  const fullscreen = () => {
    void document.documentElement.requestFullscreen?.().catch(() => undefined);
  };
  return (
    <BoardShell
      title={t("board.title")}
      subtitle={
        data
          ? `${localized(data.plan.title, data.plan.titleEn)} · ${t("board.refresh", { year: data.asOf.year, month: data.asOf.month })}`
          : null
      }
      actions={
        <>
          <Button ghost onClick={fullscreen}>
            {t("board.fullscreen")}
          </Button>
          <Button ghost onClick={() => navigate("/")}>
            {t("board.exit")}
          </Button>
        </>
      }
    >
      {data ? <BoardBody data={data} /> : <div style={{ fontSize: 28 }}>{t("common.loading")}…</div>}
    </BoardShell>
  );
}

function BoardBody({ data }: { data: Dashboard }) {
  const t = useT();
  const { language } = useLanguage();
  const localized = useLocalizedText();
  const g1 = data.cards.find((card) => card.metric === "aboveScaleRevenue");
  const years = useMemo(() => revenueYearsOption(data, g1, t, DARK), [data, g1, t]);
  const months = useMemo(() => revenueByMonthOption(data, t, DARK), [data, t]);
  const chains = useMemo(
    () =>
      groupOption(data.byChain, t, DARK, (id) => {
        const chain = data.chains.find((c) => c.id === id);
        return chain ? localized(chain.name, chain.nameEn) : t("chain.other");
      }),
    [data, t, localized],
  );
  const funnel = useMemo(() => funnelOption(data, t, DARK), [data, t]);
  const unitNameByCode = useUnitNameByCode();
  const towns = useMemo(
    () =>
      groupOption(data.byTown.slice(0, 8), t, DARK, (code) =>
        unitNameByCode(code, data.byTown.find((row) => row.key === code)?.name ?? code),
      ),
    [data, t, unitNameByCode],
  );
  const headline = data.cards.filter((card) => HEADLINE.includes(card.metric));
  const others = data.cards.filter((card) => !HEADLINE.includes(card.metric));
  const tile = (card: TargetCard, big: boolean) => {
    const format = (q: TargetCard["target"] | null | undefined) => formatQuantity(q, card.metric, language);
    const forecast =
      card.forecast && card.statusBasis === "forecast"
        ? `${t("dash.forecast", { year: card.deadlineYear })} ${format(card.forecast.estimate)}${t(
            "common.inParentheses",
            {
              text: `${t("dash.interval", { level: Math.round(card.forecast.level * 100) })} ${format(
                card.forecast.low,
              )}—${format(card.forecast.high)}`,
            },
          )}`
        : null;
    return (
      <BoardTile
        key={card.targetId}
        testId={`board-tile-${card.targetId}`}
        big={big}
        name={`${card.targetId} ${localized(card.name, card.nameEn)}`}
        value={format(card.current?.value)}
        target={`${t("dash.target")} ${format(card.target)}`}
        color={STATUS_COLORS[card.status]}
        statusText={t(`dash.status.${card.status}`)}
        progress={card.progress}
        forecast={forecast}
      />
    );
  };
  const { revenueByMonth } = data;
  return (
    <div style={{ display: "grid", gap: 16 }}>
      <div style={{ display: "grid", gridTemplateColumns: `repeat(${Math.max(headline.length, 1)}, 1fr)`, gap: 16 }}>
        {headline.map((card) => tile(card, true))}
      </div>
      <div style={{ display: "grid", gridTemplateColumns: "repeat(auto-fit, minmax(300px, 1fr))", gap: 16 }}>
        {others.map((card) => tile(card, false))}
      </div>
      <div style={{ display: "grid", gridTemplateColumns: "1fr 1fr 1fr", gap: 16 }}>
        <BoardPanel title={t("dash.revenueYears")}>
          <EChart option={years} height={340} label={t("dash.revenueYears")} background="#04122b" />
        </BoardPanel>
        <BoardPanel title={t("dash.revenueByMonth")}>
          <EChart option={months} height={300} label={t("dash.revenueByMonth")} background="#04122b" />
          <div style={{ fontSize: 22, marginTop: 4 }}>
            {t("dash.period", { year: revenueByMonth.year, month: revenueByMonth.throughMonth })}{" "}
            {formatFenForDisplay(revenueByMonth.yearToDate)} ·{" "}
            <span style={{ color: "#ffd666" }}>{formatGrowth(revenueByMonth.growthMillionths)}</span>
          </div>
        </BoardPanel>
        <BoardPanel title={t("dash.byChain")}>
          <EChart option={chains} height={340} label={t("dash.byChain")} background="#04122b" />
        </BoardPanel>
        <BoardPanel title={t("dash.projectFunnel")}>
          <EChart option={funnel} height={320} label={t("dash.projectFunnel")} background="#04122b" />
        </BoardPanel>
        <BoardPanel title={t("dash.byTown")}>
          <EChart option={towns} height={320} label={t("dash.byTown")} background="#04122b" />
        </BoardPanel>
        <BoardPanel title={t("dash.reservePool")}>
          <div style={{ fontSize: 26, marginBottom: 8 }}>
            {data.reservePool.settledYear !== null
              ? t("dash.reserveSettled", { count: data.reservePool.count, year: data.reservePool.settledYear })
              : data.reservePool.top.some((row) => row.probabilityAtDeadline !== null)
                ? t("dash.reserveSummary", {
                    count: data.reservePool.count,
                    likely: data.reservePool.likelyByDeadline,
                  })
                : t("dash.reserveCount", { count: data.reservePool.count })}
          </div>
          <ol style={{ fontSize: 22, margin: 0, paddingLeft: 28, lineHeight: 1.6 }}>
            {data.reservePool.top.slice(0, 6).map((row) => (
              <li key={row.enterpriseId}>
                {row.name}
                <span style={{ color: "#ffd666", marginLeft: 12 }}>
                  {row.probabilityAtDeadline !== null
                    ? `${Math.round(row.probabilityAtDeadline * 100)}%`
                    : data.reservePool.settledYear !== null
                      ? t("dash.settledNotEntered")
                      : "—"}
                </span>
              </li>
            ))}
          </ol>
        </BoardPanel>
      </div>
    </div>
  );
}
