import { type ReactNode, useEffect, useState } from "react";
import { useLanguage } from "../../../shared/i18n/i18n";

export const BOARD_COLORS = {
  background: "radial-gradient(ellipse at top, #0b2a5b 0%, #04122b 60%, #020817 100%)",
  panel: "rgba(10, 40, 90, 0.55)",
  border: "rgba(64, 150, 255, 0.35)",
  text: "#e6f4ff",
  muted: "#91caff",
  accent: "#40a9ff",
};

/** The clock at the top of the board: date, weekday and time, updated every second. */
export function BoardClock() {
  const { language } = useLanguage();
  const locale = language === "en" ? "en-GB" : "zh-CN";
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(new Date()), 1000);
    return () => window.clearInterval(timer);
  }, []);
  const date = now.toLocaleDateString(locale, { year: "numeric", month: "long", day: "numeric", weekday: "long" });
  const time = now.toLocaleTimeString(locale, { hour12: false });
  return (
    <div style={{ textAlign: "right", lineHeight: 1.1 }}>
      <div style={{ fontSize: 44, fontWeight: 700, fontVariantNumeric: "tabular-nums" }} data-testid="board-clock">
        {time}
      </div>
      <div style={{ fontSize: 20, color: BOARD_COLORS.muted }}>{date}</div>
    </div>
  );
}

/** The dark full-screen frame of the 数据大屏: title, subtitle, clock, and the panels. */
export function BoardShell({
  title,
  subtitle,
  actions,
  children,
}: {
  title: string;
  subtitle?: ReactNode;
  actions?: ReactNode;
  children: ReactNode;
}) {
  return (
    <div
      data-testid="board"
      style={{
        minHeight: "100vh",
        background: BOARD_COLORS.background,
        color: BOARD_COLORS.text,
        padding: "20px 32px 32px",
        boxSizing: "border-box",
        fontFamily: '"PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", sans-serif',
      }}
    >
      <header
        style={{ display: "flex", alignItems: "center", justifyContent: "space-between", gap: 24, marginBottom: 20 }}
      >
        <div>
          <h1
            style={{
              margin: 0,
              fontSize: 48,
              letterSpacing: 4,
              color: BOARD_COLORS.text,
              textShadow: "0 0 18px #1677ff",
            }}
          >
            {title}
          </h1>
          {subtitle ? <div style={{ fontSize: 22, color: BOARD_COLORS.muted, marginTop: 6 }}>{subtitle}</div> : null}
        </div>
        <div style={{ display: "flex", alignItems: "center", gap: 24 }}>
          {actions}
          <BoardClock />
        </div>
      </header>
      {children}
    </div>
  );
}

/** A panel of the board: a framed area with a title. */
export function BoardPanel({
  title,
  children,
  style,
}: {
  title: string;
  children: ReactNode;
  style?: React.CSSProperties;
}) {
  return (
    <section
      style={{
        background: BOARD_COLORS.panel,
        border: `1px solid ${BOARD_COLORS.border}`,
        borderRadius: 8,
        padding: "12px 16px",
        boxShadow: "inset 0 0 24px rgba(22,119,255,0.15)",
        ...style,
      }}
    >
      <h2 style={{ margin: "0 0 8px", fontSize: 26, color: BOARD_COLORS.muted, fontWeight: 600 }}>{title}</h2>
      {children}
    </section>
  );
}

/** One target as a big tile: name, current value, status colour, progress, forecast and interval. */
export function BoardTile({
  name,
  value,
  target,
  color,
  statusText,
  progress,
  forecast,
  big,
  testId,
}: {
  name: string;
  value: string;
  target: string;
  color: string;
  statusText: string;
  progress: number | null;
  forecast?: string | null;
  big?: boolean;
  testId?: string;
}) {
  const width = progress === null ? 0 : Math.max(0, Math.min(100, Math.round(progress * 100)));
  return (
    <div
      data-testid={testId}
      style={{
        background: BOARD_COLORS.panel,
        border: `1px solid ${BOARD_COLORS.border}`,
        borderTop: `6px solid ${color}`,
        borderRadius: 8,
        padding: "12px 16px",
        display: "flex",
        flexDirection: "column",
        gap: 6,
      }}
    >
      <div style={{ fontSize: big ? 24 : 20, color: BOARD_COLORS.muted, lineHeight: 1.25 }}>{name}</div>
      <div style={{ fontSize: big ? 56 : 40, fontWeight: 800, lineHeight: 1.05, fontVariantNumeric: "tabular-nums" }}>
        {value}
      </div>
      <div style={{ fontSize: 20, display: "flex", justifyContent: "space-between", gap: 8 }}>
        <span>{target}</span>
        <span style={{ color, fontWeight: 700 }}>{statusText}</span>
      </div>
      <div style={{ height: 10, background: "rgba(255,255,255,0.12)", borderRadius: 5, overflow: "hidden" }}>
        <div style={{ width: `${width}%`, height: "100%", background: color }} />
      </div>
      {forecast ? <div style={{ fontSize: 20, color: "#ffd666" }}>{forecast}</div> : null}
    </div>
  );
}
