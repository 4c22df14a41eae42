import { Alert, Space, Switch, Table, Typography } from "antd";
import { useCallback } from "react";
import { useCodeLabel, useLocalizedText, useT } from "../../../shared/i18n/i18n";
import { usePlan } from "../../plan";
import { useUnitName } from "../../units";
import type { ImportChange, ImportResult, UnregisteredEnterprise } from "../api/imports-api";

/**
 * The enterprises a figures file names that are not in the register, as the import would register them (name,
 * industry code, the plan's chain, town), and the choice to register them from the file when applying.
 */
export function UnregisteredEnterprises({
  unregistered,
  register,
  onRegisterChange,
  mayRegister,
  office,
  editable,
  registered,
}: {
  unregistered: NonNullable<ImportResult["unregistered"]>;
  register: boolean;
  onRegisterChange: (register: boolean) => void;
  /** Whether the reader may register enterprises (the register is the office's). */
  mayRegister: boolean;
  /** The office's name, for a reader who may not. */
  office: string;
  /** Whether the choice may still be made (a previewed file without errors). */
  editable: boolean;
  /** The file was applied: the list is of the enterprises registered. */
  registered: boolean;
}) {
  const t = useT();
  const localized = useLocalizedText();
  const unitName = useUnitName();
  const shown = unregistered.enterprises.length;
  return (
    <Space orientation="vertical" style={{ width: "100%" }}>
      {editable ? (
        <Alert
          type="warning"
          showIcon
          title={t("imp.unregistered", { count: unregistered.total })}
          description={mayRegister ? t("imp.unregisteredHint") : t("imp.unregisteredNotYours", { office })}
        />
      ) : null}
      <Table<UnregisteredEnterprise>
        size="small"
        rowKey="creditCode"
        dataSource={unregistered.enterprises}
        pagination={shown > 20 ? { pageSize: 20 } : false}
        title={() =>
          registered
            ? t("imp.registeredList", { count: unregistered.total })
            : shown < unregistered.total
              ? t("imp.unregisteredListFirst", { shown, count: unregistered.total })
              : t("imp.unregisteredList")
        }
        columns={[
          { title: t("imp.row"), dataIndex: "row", width: 70 },
          { title: t("enterprises.creditCode"), dataIndex: "creditCode", width: 190 },
          { title: t("enterprises.name"), dataIndex: "name" },
          {
            title: t("enterprises.industryCode"),
            dataIndex: "industryCode",
            width: 110,
            render: (code: string | null) => code ?? "—",
          },
          {
            title: t("enterprises.chain"),
            key: "chain",
            width: 150,
            render: (_, enterprise) => localized(enterprise.chain.name, enterprise.chain.nameEn),
          },
          {
            title: t("enterprises.town"),
            key: "town",
            width: 150,
            render: (_, enterprise) => (enterprise.town ? unitName(enterprise.town) : "—"),
          },
        ]}
      />
      {editable ? (
        <Space>
          <Switch
            checked={register}
            onChange={onRegisterChange}
            disabled={!mayRegister}
            aria-label={t("imp.registerFromFile")}
          />
          <Typography.Text disabled={!mayRegister}>{t("imp.registerFromFile")}</Typography.Text>
        </Space>
      ) : null}
    </Space>
  );
}

type EnterpriseFields = Extract<ImportChange, { entity: "enterprise" }>["after"];

/**
 * An enterprise's fields as a change shows them, in words: labels from the dictionary, the chain by the plan's
 * name, the town by its name, codes translated; never a key or an id.
 */
export function useDescribeEnterpriseFields(): (fields: EnterpriseFields | null) => string {
  const t = useT();
  const codeLabel = useCodeLabel();
  const localized = useLocalizedText();
  const unitName = useUnitName();
  const plan = usePlan();
  return useCallback(
    (fields) => {
      if (!fields) return "—";
      const parts: string[] = [];
      if (fields.name !== undefined) parts.push(`${t("enterprises.name")}：${fields.name}`);
      if (fields.chainId !== undefined) {
        const chain = plan.data?.chains.find((candidate) => candidate.id === fields.chainId);
        parts.push(`${t("enterprises.chain")}：${chain ? localized(chain.name, chain.nameEn) : "—"}`);
      }
      if (fields.industryCode !== undefined)
        parts.push(`${t("enterprises.industryCode")}：${fields.industryCode ?? "—"}`);
      if (fields.townUnitId !== undefined) {
        const town = fields.townUnitId === null ? "—" : unitName({ id: fields.townUnitId, name: "—" });
        parts.push(`${t("enterprises.town")}：${town}`);
      }
      if (fields.isKey !== undefined)
        parts.push(`${t("enterprises.key")}：${t(fields.isKey ? "common.yes" : "common.no")}`);
      if (fields.listingStage !== undefined) {
        parts.push(`${t("enterprises.listingStage")}：${codeLabel("listingStage", fields.listingStage)}`);
      }
      return parts.join("；");
    },
    [t, codeLabel, localized, unitName, plan.data],
  );
}
