import type {
  BlockerActionReq,
  BlockerList,
  BlockerReq,
  BlockerView,
  CreateProjectReq,
  DecisionReq,
  DecisionView,
  InvestmentYearReq,
  InvestmentYearSaved,
  InvestmentYears,
  MoveProjectReq,
  ProjectDetail,
  ProjectImportForm,
  ProjectImportResult,
  ProjectList,
  ProjectOptions,
  ProjectStats,
  ProjectView,
  UpdateProjectReq,
} from "@beizeng/contract/projects";
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api, type Page, toPage } from "../../../shared/api/client";
import { uploadForm } from "../../../shared/api/uploads";

export type {
  InvestmentYears,
  ProjectCategory,
  ProjectDetail,
  ProjectOptions,
  ProjectStage,
  ProjectStats,
  ScheduleStatus,
  StageDates,
} from "@beizeng/contract/projects";
// Values from the domain, where each list is declared once (the contract's schemas stay out of the bundle).
export { PROJECT_STAGES, SCHEDULE_STATUSES } from "@beizeng/domain/projects/lifecycle";
export { BLOCKER_CATEGORIES, PROJECT_ORIGINS } from "@beizeng/domain/projects/vocabulary";

/** An investment project; investment in fen as decimal strings. */
export type Project = ProjectView;
export type Blocker = BlockerView;
export type ImportResult = ProjectImportResult;
/** What a project form sends: money as fen strings. */
export type ProjectInput = CreateProjectReq;

export interface ProjectFilters {
  q?: string;
  stage?: string;
  chain?: string;
  category?: string;
  status?: string;
  leader?: number;
  leadUnit?: number;
  mine?: boolean;
  page: number;
  pageSize: number;
}

export function useProjects(filters: ProjectFilters) {
  return useQuery({
    queryKey: ["projects", "list", filters],
    queryFn: async (): Promise<Page<Project>> => toPage(await api.get<ProjectList>("/api/projects", { ...filters })),
    placeholderData: keepPreviousData,
  });
}

export function useProject(id: number) {
  return useQuery({
    queryKey: ["projects", "detail", id],
    queryFn: () => api.get<ProjectDetail>(`/api/projects/${id}`),
  });
}

export function useProjectOptions() {
  return useQuery({
    queryKey: ["projects", "options"],
    queryFn: () => api.get<ProjectOptions>("/api/projects/options"),
    staleTime: 60_000,
  });
}

export function useProjectStats(year?: number) {
  return useQuery({
    queryKey: ["projects", "stats", year ?? null],
    queryFn: () => api.get<ProjectStats>("/api/projects/stats", { year }),
  });
}

export function useBlockers(query: { status?: string; mine?: boolean; overdue?: boolean }) {
  return useQuery({
    queryKey: ["projects", "blockers", query],
    queryFn: () => api.get<BlockerList>("/api/project-blockers", query),
  });
}

export function useInvestmentYears() {
  return useQuery({
    queryKey: ["projects", "investment"],
    queryFn: () => api.get<InvestmentYears>("/api/fixed-asset-investment"),
  });
}

/** Every mutation of the pipeline refreshes everything under ["projects"]. */
function useProjectMutation<Input, Output>(mutationFn: (input: Input) => Promise<Output>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ["projects"] }),
  });
}

export const useCreateProject = () =>
  useProjectMutation((input: ProjectInput) => api.post<Project>("/api/projects", input));

export const useUpdateProject = () =>
  useProjectMutation(({ id, ...patch }: UpdateProjectReq & { id: number }) =>
    api.patch<Project>(`/api/projects/${id}`, patch),
  );

export const useMoveProject = () =>
  useProjectMutation(({ id, ...input }: MoveProjectReq & { id: number }) =>
    api.post<Project>(`/api/projects/${id}/stage`, input),
  );

export const useAddDecision = () =>
  useProjectMutation(({ id, ...input }: DecisionReq & { id: number }) =>
    api.post<DecisionView>(`/api/projects/${id}/decisions`, input),
  );

export const useRaiseBlocker = () =>
  useProjectMutation(({ id, ...input }: BlockerReq & { id: number }) =>
    api.post<Blocker>(`/api/projects/${id}/blockers`, input),
  );

export const useHandleBlocker = () =>
  // The answer is checked by the server for the action that needs it (the table passes either action).
  useProjectMutation(({ id, ...input }: { id: number; action: BlockerActionReq["action"]; answer?: string }) =>
    api.post<Blocker>(`/api/project-blockers/${id}`, input),
  );

export const useSaveInvestmentYear = () =>
  useProjectMutation(({ year, ...input }: InvestmentYearReq & { year: number }) =>
    api.put<InvestmentYearSaved>(`/api/fixed-asset-investment/${year}`, input),
  );

export const useImportProjects = () =>
  useProjectMutation(({ file, dryRun }: ProjectImportForm) =>
    api.upload<ImportResult>("/api/projects/import", uploadForm({ file, dryRun })),
  );

/** The export URL of the current filters (downloaded by the browser with the session cookie). */
export function exportUrl(filters: Omit<ProjectFilters, "page" | "pageSize">): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(filters)) {
    if (value !== undefined && value !== null && value !== "") search.set(key, String(value));
  }
  const text = search.toString();
  return `/api/projects/export${text ? `?${text}` : ""}`;
}
