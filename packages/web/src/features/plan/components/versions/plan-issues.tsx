import { Alert, Typography } from "antd";
import { ApiError } from "../../../../shared/api/client";
import { useT } from "../../../../shared/i18n/i18n";

/** One problem the server found in a plan: the field's path, its message, and where it is in a YAML file. */
export interface PlanIssue {
  path: string;
  message: string;
  clause?: string;
  line?: number;
}

/** The issues of a plan the server refused as invalid (400 plan_invalid); null for any other failure. */
export function planIssuesOf(error: unknown): PlanIssue[] | null {
  if (!(error instanceof ApiError) || error.status !== 400 || !Array.isArray(error.details)) return null;
  const issues = error.details.filter(
    (detail): detail is PlanIssue =>
      typeof detail === "object" &&
      detail !== null &&
      typeof (detail as PlanIssue).path === "string" &&
      typeof (detail as PlanIssue).message === "string",
  );
  return issues.length > 0 ? issues : null;
}

/**
 * The issues as a list, each with its place: the field's name when the caller can name it (the form's own
 * fields), else its path in the file, with the line when the file was YAML.
 */
export function PlanIssueList({
  issues,
  title,
  nameOf,
}: {
  issues: readonly PlanIssue[];
  title: string;
  nameOf?: (path: string) => string | null;
}) {
  const t = useT();
  return (
    <Alert
      type="error"
      showIcon
      title={title}
      data-testid="plan-issues"
      description={
        issues.length === 0 ? undefined : (
          <ul style={{ margin: 0, paddingInlineStart: 20, maxHeight: 320, overflowY: "auto" }}>
            {issues.map((issue, index) => {
              const name = nameOf?.(issue.path) ?? null;
              return (
                // biome-ignore lint/suspicious/noArrayIndexKey: the same path may carry several messages
                <li key={`${issue.path}:${index}`}>
                  {name ? (
                    <Typography.Text strong>{name}</Typography.Text>
                  ) : issue.path ? (
                    <Typography.Text code>{issue.path}</Typography.Text>
                  ) : null}
                  {issue.line !== undefined ? (
                    <Typography.Text type="secondary">
                      {" "}
                      {t("planVersions.atLine", { line: issue.line })}
                    </Typography.Text>
                  ) : null}
                  {name || issue.path ? t("common.colon") : null}
                  {issue.message}
                </li>
              );
            })}
          </ul>
        )
      }
    />
  );
}
