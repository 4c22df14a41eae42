/** Terminal output helpers: a box that stays aligned with Chinese (double-width) characters. */

/** Columns a string takes in a terminal: East Asian wide and full-width characters take two. */
export function displayWidth(text: string): number {
  let width = 0;
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0;
    const wide =
      (code >= 0x1100 && code <= 0x115f) ||
      (code >= 0x2e80 && code <= 0xa4cf) ||
      (code >= 0xac00 && code <= 0xd7a3) ||
      (code >= 0xf900 && code <= 0xfaff) ||
      (code >= 0xfe30 && code <= 0xfe4f) ||
      (code >= 0xff00 && code <= 0xff60) ||
      (code >= 0xffe0 && code <= 0xffe6) ||
      (code >= 0x20000 && code <= 0x3fffd);
    width += wide ? 2 : 1;
  }
  return width;
}

export function padEnd(text: string, width: number): string {
  return text + " ".repeat(Math.max(0, width - displayWidth(text)));
}

/** Draws lines in a box; rows given as cells are laid out in aligned columns. */
export function box(title: string, rows: (string | string[])[]): string {
  const tables = rows.filter((row): row is string[] => Array.isArray(row));
  const columnWidths: number[] = [];
  for (const row of tables) {
    row.forEach((cell, index) => {
      columnWidths[index] = Math.max(columnWidths[index] ?? 0, displayWidth(cell));
    });
  }
  const lines = rows.map((row) =>
    Array.isArray(row)
      ? row
          .map((cell, index) => padEnd(cell, columnWidths[index] ?? 0))
          .join("  ")
          .trimEnd()
      : row,
  );
  const inner = Math.max(displayWidth(title), ...lines.map(displayWidth));
  const horizontal = "─".repeat(inner + 2);
  return [
    `┌${horizontal}┐`,
    `│ ${padEnd(title, inner)} │`,
    `├${horizontal}┤`,
    ...lines.map((line) => `│ ${padEnd(line, inner)} │`),
    `└${horizontal}┘`,
  ].join("\n");
}
