import { QueryBoundary } from "../../../shared/components/status-results";
import { useLanguage, useLocalizedText, useT } from "../../../shared/i18n/i18n";
import { formatQuantity, STATUS_COLORS, useCoverageTexts } from "../../dashboard";
import { usePublicBoard } from "../api/public-board-api";
import { BoardShell, BoardTile } from "./board-shell";

/** The login-free board at /public/board: the targets' aggregate figures, when the office publishes them. */
export function PublicBoardPage() {
  const t = useT();
  const board = usePublicBoard();
  const { language } = useLanguage();
  const localized = useLocalizedText();
  const data = board.data;
  const coverageTexts = useCoverageTexts();
  const coverage = data ? coverageTexts(data.coverage) : null;
  return (
    <BoardShell
      title={data ? `${data.district.name} · ${t("board.publicTitle")}` : t("board.publicTitle")}
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
    >
      <QueryBoundary isPending={board.isPending} error={board.error}>
        {() =>
          data ? (
            <div style={{ display: "grid", gridTemplateColumns: "repeat(auto-fit, minmax(360px, 1fr))", gap: 16 }}>
              {data.targets.map((target) => {
                const q = (value: string | null | undefined) =>
                  formatQuantity(value ? { unit: target.unit, value } : null, target.metric, language);
                return (
                  <BoardTile
                    key={target.targetId}
                    testId={`public-tile-${target.targetId}`}
                    name={`${target.targetId} ${localized(target.name, target.nameEn)}`}
                    value={q(target.current?.value)}
                    target={`${t("dash.target")} ${q(target.target)}`}
                    color={STATUS_COLORS[target.status]}
                    statusText={t(`dash.status.${target.status}`)}
                    progress={target.progress}
                    forecast={
                      target.forecast && target.statusBasis === "forecast"
                        ? `${t("dash.forecast", { year: target.deadlineYear })} ${q(target.forecast.estimate)}${t(
                            "common.inParentheses",
                            { text: `${q(target.forecast.low)}—${q(target.forecast.high)}` },
                          )}`
                        : null
                    }
                  />
                );
              })}
            </div>
          ) : (
            <div style={{ textAlign: "center", marginTop: "20vh" }}>
              <div style={{ fontSize: 40 }}>{t("board.notPublished")}</div>
              <div style={{ fontSize: 22, marginTop: 12, opacity: 0.8 }}>{t("board.notPublishedHint")}</div>
            </div>
          )
        }
      </QueryBoundary>
    </BoardShell>
  );
}
