import { Button } from "antd";
import { type CSSProperties, createContext, type ReactNode, useContext, useEffect, useState } from "react";
import { useNavigate } from "react-router-dom";
import { useLanguage, useT } from "../../../shared/i18n/i18n";

export const BOARD_COLORS = {
  background: "radial-gradient(ellipse at top, #0b2a5b 0%, #04122b 60%, #020817 100%)",
  panel: "rgba(10, 40, 90, 0.55)",
  border: "rgba(64, 150, 255, 0.35)",
  text: "#e6f4ff",
  muted: "#91caff",
  accent: "#40a9ff",
};

/** The board is drawn for a 1920×1080 screen and scaled to the one it is on. */
export const STAGE = { width: 1920, height: 1080 };
/** Narrower than this (a phone, a tablet held upright), the board flows in one column at a smaller type. */
const STAGE_MIN_WIDTH = 1000;
/** On a phone the board's type is this share of the big screen's. */
const FLOWING_TYPE = 0.55;

/** How the board is laid out: a fixed stage scaled to the screen, or one flowing column. */
export interface BoardLayout {
  mode: "stage" | "flowing";
  /** The stage's scale on the screen (1 at 1920×1080, 2 at 3840×2160); 1 when flowing. */
  scale: number;
  /** A size of the big screen's design, in the current layout's pixels. */
  size: (pixels: number) => number;
}

function layoutFor(width: number, height: number): BoardLayout {
  if (width < STAGE_MIN_WIDTH || width < height) {
    return { mode: "flowing", scale: 1, size: (pixels) => Math.round(pixels * FLOWING_TYPE) };
  }
  return { mode: "stage", scale: Math.min(width / STAGE.width, height / STAGE.height), size: (pixels) => pixels };
}

const BoardLayoutContext = createContext<BoardLayout>(layoutFor(STAGE.width, STAGE.height));

export function useBoardLayout(): BoardLayout {
  return useContext(BoardLayoutContext);
}

function useWindowSize() {
  const [size, setSize] = useState(() => ({ width: window.innerWidth, height: window.innerHeight }));
  useEffect(() => {
    const update = () => setSize({ width: window.innerWidth, height: window.innerHeight });
    window.addEventListener("resize", update);
    return () => window.removeEventListener("resize", update);
  }, []);
  return size;
}

/** The clock at the top of the board: date, weekday and time, updated every second. */
export function BoardClock() {
  const { language } = useLanguage();
  const { size } = useBoardLayout();
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
      <div
        style={{ fontSize: size(40), fontWeight: 700, fontVariantNumeric: "tabular-nums" }}
        data-testid="board-clock"
      >
        {time}
      </div>
      <div style={{ fontSize: size(20), color: BOARD_COLORS.muted }}>{date}</div>
    </div>
  );
}

/** The board's two buttons: the browser's full screen, and back to the page it was opened from. */
export function BoardScreenActions({ backTo = "/" }: { backTo?: string }) {
  const t = useT();
  const navigate = useNavigate();
  const fullscreen = () => {
    void document.documentElement.requestFullscreen?.().catch(() => undefined);
  };
  return (
    <>
      <Button ghost onClick={fullscreen}>
        {t("board.fullscreen")}
      </Button>
      <Button ghost onClick={() => navigate(backTo)}>
        {t("board.exit")}
      </Button>
    </>
  );
}

const FONT_FAMILY = '"PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", sans-serif';

/**
 * The dark full-screen frame of the boards: title, subtitle, clock, and the panels. With `fitScreen` (the 数据大屏)
 * a wide screen shows the whole board without scrolling: it is laid out on a 1920×1080 stage scaled to the screen
 * (a 4K screen doubles it, a 1366×768 one shrinks it); a narrow screen flows in one column.
 */
export function BoardShell({
  title,
  subtitle,
  actions,
  children,
  fitScreen = false,
}: {
  title: string;
  subtitle?: ReactNode;
  actions?: ReactNode;
  children: ReactNode;
  fitScreen?: boolean;
}) {
  const viewport = useWindowSize();
  const measured = layoutFor(viewport.width, viewport.height);
  // A board that scrolls (the public one) only takes the narrow screen's smaller type.
  const layout = fitScreen || measured.mode === "flowing" ? measured : layoutFor(STAGE.width, STAGE.height);
  const { size } = layout;
  const staged = fitScreen && layout.mode === "stage";
  const header = (
    <header
      style={{
        display: "flex",
        flexWrap: layout.mode === "flowing" ? "wrap" : "nowrap",
        alignItems: "center",
        justifyContent: "space-between",
        gap: size(24),
        marginBottom: size(16),
        flex: "none",
      }}
    >
      <div style={{ minWidth: 0 }}>
        <h1
          style={{
            margin: 0,
            fontSize: size(44),
            letterSpacing: size(4),
            lineHeight: 1.2,
            color: BOARD_COLORS.text,
            textShadow: "0 0 18px #1677ff",
          }}
        >
          {title}
        </h1>
        {subtitle ? (
          <div style={{ fontSize: size(20), color: BOARD_COLORS.muted, marginTop: size(4) }}>{subtitle}</div>
        ) : null}
      </div>
      <div style={{ display: "flex", alignItems: "center", gap: size(24), marginLeft: "auto" }}>
        {actions}
        <BoardClock />
      </div>
    </header>
  );
  const frame: CSSProperties = {
    background: BOARD_COLORS.background,
    color: BOARD_COLORS.text,
    boxSizing: "border-box",
    fontFamily: FONT_FAMILY,
  };
  if (staged) {
    const { scale } = layout;
    return (
      <BoardLayoutContext.Provider value={layout}>
        <div data-testid="board" style={{ ...frame, position: "fixed", inset: 0, overflow: "hidden" }}>
          <div
            data-testid="board-stage"
            style={{
              position: "absolute",
              width: STAGE.width,
              height: STAGE.height,
              left: (viewport.width - STAGE.width * scale) / 2,
              top: (viewport.height - STAGE.height * scale) / 2,
              transform: `scale(${scale})`,
              transformOrigin: "0 0",
              padding: "20px 28px 24px",
              boxSizing: "border-box",
              display: "flex",
              flexDirection: "column",
            }}
          >
            {header}
            <div style={{ flex: 1, minHeight: 0 }}>{children}</div>
          </div>
        </div>
      </BoardLayoutContext.Provider>
    );
  }
  return (
    <BoardLayoutContext.Provider value={layout}>
      <div
        data-testid="board"
        style={{
          ...frame,
          minHeight: "100vh",
          padding: layout.mode === "flowing" ? "12px 12px 24px" : "20px 32px 32px",
        }}
      >
        {header}
        {children}
      </div>
    </BoardLayoutContext.Provider>
  );
}

/** A panel of the board: a framed area with a title. */
export function BoardPanel({ title, children, style }: { title: string; children: ReactNode; style?: CSSProperties }) {
  const { size } = useBoardLayout();
  return (
    <section
      style={{
        background: BOARD_COLORS.panel,
        border: `1px solid ${BOARD_COLORS.border}`,
        borderRadius: 8,
        padding: `${size(10)}px ${size(16)}px`,
        boxShadow: "inset 0 0 24px rgba(22,119,255,0.15)",
        display: "flex",
        flexDirection: "column",
        minWidth: 0,
        minHeight: 0,
        ...style,
      }}
    >
      <h2 style={{ margin: `0 0 ${size(6)}px`, fontSize: size(22), color: BOARD_COLORS.muted, fontWeight: 600 }}>
        {title}
      </h2>
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
  const { size } = useBoardLayout();
  return (
    <div
      data-testid={testId}
      style={{
        background: BOARD_COLORS.panel,
        border: `1px solid ${BOARD_COLORS.border}`,
        borderTop: `6px solid ${color}`,
        borderRadius: 8,
        padding: `${size(10)}px ${size(16)}px`,
        display: "flex",
        flexDirection: "column",
        gap: size(6),
        minWidth: 0,
      }}
    >
      <div style={{ fontSize: size(big ? 22 : 20), color: BOARD_COLORS.muted, lineHeight: 1.25 }}>{name}</div>
      <div
        style={{
          fontSize: size(big ? 52 : 40),
          fontWeight: 800,
          lineHeight: 1.05,
          fontVariantNumeric: "tabular-nums",
          whiteSpace: "nowrap",
        }}
      >
        {value}
      </div>
      <div style={{ fontSize: size(20), display: "flex", justifyContent: "space-between", gap: 8 }}>
        <span>{target}</span>
        <span style={{ color, fontWeight: 700, whiteSpace: "nowrap" }}>{statusText}</span>
      </div>
      <div style={{ height: size(10), background: "rgba(255,255,255,0.12)", borderRadius: 5, overflow: "hidden" }}>
        <div style={{ width: `${width}%`, height: "100%", background: color }} />
      </div>
      {forecast ? <div style={{ fontSize: size(18), color: "#ffd666" }}>{forecast}</div> : null}
    </div>
  );
}
