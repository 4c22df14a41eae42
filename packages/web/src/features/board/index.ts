/** The dark full-screen frame every 数据大屏 shares: the stage scaled to the screen, its clock, panels and tiles. */
export {
  BOARD_COLORS,
  BoardPanel,
  BoardScreenActions,
  BoardShell,
  BoardTile,
  useBoardLayout,
} from "./components/board-shell";
