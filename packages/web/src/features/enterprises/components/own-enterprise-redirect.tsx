import { Navigate } from "react-router-dom";
import { ForbiddenResult, PageLoading } from "../../../shared/components/status-results";
import { useCurrentUser } from "../../auth";

/** 本企业: an enterprise account's own detail page. */
export function OwnEnterpriseRedirect() {
  const currentUser = useCurrentUser();
  if (currentUser.isPending) return <PageLoading />;
  const enterprise = currentUser.data?.enterprise;
  return enterprise ? <Navigate to={`/enterprises/${enterprise.id}`} replace /> : <ForbiddenResult />;
}
