/** The texts of the command board (数据大屏), in Chinese first and English second; shared/i18n/dictionary.ts gathers them. */
export const zhCN = {
  "board.title": "工业倍增数据大屏",
  "board.chainLeaders": "{year} 年链主企业：",
  "board.noChainLeaders": "尚未认定",
  "board.autoRefresh": "每 60 秒自动刷新",
  "board.exit": "返回",
  "board.fullscreen": "全屏",
  "board.otherTargets": "其他目标（{count} 项）",
  "board.publicTitle": "目标完成情况",
  "board.notPublished": "目标看板尚未公开发布",
  "board.notPublishedHint": "公开后，无需登录即可查看各项目标的完成情况。",
} satisfies Record<string, string>;

export const en: Record<keyof typeof zhCN, string> = {
  "board.title": "Industrial growth command board",
  "board.chainLeaders": "Chain leaders, {year}:",
  "board.noChainLeaders": "none designated yet",
  "board.autoRefresh": "Refreshes every 60 s",
  "board.exit": "Back",
  "board.fullscreen": "Full screen",
  "board.otherTargets": "Other targets ({count})",
  "board.publicTitle": "Target progress",
  "board.notPublished": "The target board has not been published",
  "board.notPublishedHint": "Once published, anyone can see the targets' progress without logging in.",
};
