import { Anchor } from "antd";
import { useLocalizedText, useT } from "../../../shared/i18n/i18n";
import { STATUS_COLORS } from "../../dashboard";
import type { TargetDetail } from "../api/targets-api";

/** The id of a target's section on the page, which its anchor jumps to. */
export function targetSectionId(targetId: string): string {
  return `target-${targetId}`;
}

/**
 * One anchor per target across the top of the targets page, each with its status colour, kept in view while the
 * page scrolls, so a reader jumps to a target instead of scrolling the whole page; it scrolls sideways on a phone.
 */
export function TargetsAnchor({ targets }: { targets: TargetDetail[] }) {
  const t = useT();
  const localized = useLocalizedText();
  return (
    <nav aria-label={t("targets.anchor")} style={{ overflowX: "auto", background: "#f5f5f5" }}>
      <Anchor
        direction="horizontal"
        targetOffset={16}
        items={targets.map((target) => ({
          key: target.targetId,
          href: `#${targetSectionId(target.targetId)}`,
          title: (
            <span title={localized(target.name, target.nameEn)} style={{ whiteSpace: "nowrap" }}>
              <span
                aria-hidden
                style={{
                  display: "inline-block",
                  width: 8,
                  height: 8,
                  borderRadius: "50%",
                  marginRight: 4,
                  background: STATUS_COLORS[target.status],
                }}
              />
              {target.targetId}
            </span>
          ),
        }))}
      />
    </nav>
  );
}
