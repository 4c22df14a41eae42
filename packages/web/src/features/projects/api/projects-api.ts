import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api, type Page, toPage } from "../../../shared/api/client";

export const PROJECT_STAGES = ["planning", "negotiation", "signed", "construction", "production"] as const;
export type ProjectStage = (typeof PROJECT_STAGES)[number];
export type ProjectCategory = "50" | "20" | "industrial" | "other";
export type ScheduleStatus = "green" | "yellow" | "red" | "done";

export interface StageDates {
  stage: ProjectStage;
  plannedOn: string | null;
  reachedOn: string | null;
}

/** An investment project; investment in fen as decimal strings. */
export interface Project {
  id: number;
  code: string;
  name: string;
  investor: string;
  chainId: string;
  plannedInvestmentFen: string;
  completedInvestmentFen: string;
  category: ProjectCategory;
  manufacturing: boolean;
  sourceUnit: { id: number; name: string } | null;
  origin: "top500" | "listed" | "other";
  leadUnit: { id: number; name: string } | null;
  leader: { id: number; name: string } | null;
  enterprise: { id: number; name: string } | null;
  location: string;
  stage: ProjectStage;
  stages: StageDates[];
  schedule: { status: ScheduleStatus; lateStage: ProjectStage | null; daysLate: number };
  introducedYear: number | null;
  productionYear: number | null;
  openBlockers: number;
  overdueBlockers: number;
  isDemo: boolean;
}

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

export interface Blocker {
  id: number;
  projectId: number;
  projectCode: string;
  projectName: string;
  category: "land" | "approval" | "utilities" | "financing" | "other";
  description: string;
  unit: { id: number; name: string };
  dueOn: string;
  status: "open" | "answered" | "closed";
  overdue: boolean;
  answer: string | null;
  answeredAt: string | null;
  closedOn: string | null;
  createdAt: string;
}

export interface ProjectDetail {
  project: Project;
  moves: {
    id: number;
    fromStage: ProjectStage | null;
    toStage: ProjectStage;
    reachedOn: string;
    reason: string | null;
    movedBy: string;
    movedAt: string;
  }[];
  blockers: Blocker[];
  decisions: { id: number; decidedOn: string; text: string; author: string; createdAt: string }[];
  canWrite: boolean;
  canDecide: boolean;
}

export interface ProjectOptions {
  canWrite: boolean;
  canEnterInvestment: boolean;
  pipelineUnits: { id: number; code: string; name: string }[];
  units: { id: number; code: string; name: string; kind: string }[];
  leaders: { id: number; name: string }[];
  thresholds: { fifty: string | null; twenty: string | null; industrial: string | null };
}

export interface ProjectStats {
  year: number;
  introducedByYear: { year: number; counts: Record<ProjectCategory, number> }[];
  targets: {
    id: string;
    clause: string;
    name: string;
    nameEn: string;
    metric: string;
    unit: string;
    target: string;
    deadline: string;
    actual: string | null;
    yearlyTarget: string | null;
    thisYear: number | null;
    projectIds: number[];
  }[];
  funnel: { stage: ProjectStage; count: number; plannedInvestmentFen: string }[];
  manufacturing: {
    year: number;
    totalFen: string | null;
    manufacturingFen: string | null;
    share: string | null;
    pipelineCompletedFen: string;
  };
}

export interface InvestmentYears {
  canEdit: boolean;
  items: { year: number; totalFen: string; manufacturingFen: string; share: string | null; updatedAt: string }[];
}

export interface ImportResult {
  ok: boolean;
  dryRun: boolean;
  created: number;
  updated: number;
  moved: number;
  rows: number;
  errors: { row: number; column?: string; columnLetter?: string; message: string; text: string }[];
}

/** What a project form sends: money as fen strings. */
export interface ProjectInput {
  code?: string;
  name: string;
  investor: string;
  chainId: string;
  plannedInvestmentFen: string;
  completedInvestmentFen: string;
  manufacturing: boolean;
  sourceUnitId: number | null;
  origin: "top500" | "listed" | "other";
  leadUnitId: number | null;
  leaderUserId: number | null;
  enterpriseId?: number | null;
  location: string;
  plannedDates?: Partial<Record<ProjectStage, string | null>>;
}

export function useProjects(filters: ProjectFilters) {
  return useQuery({
    queryKey: ["projects", "list", filters],
    queryFn: async (): Promise<Page<Project>> =>
      toPage(await api.get<{ items: Project[]; total: number }>("/api/projects", { ...filters })),
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
    queryFn: () => api.get<{ items: Blocker[]; total: number }>("/api/project-blockers", query),
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
  useProjectMutation(({ id, ...patch }: Partial<ProjectInput> & { id: number }) =>
    api.patch<Project>(`/api/projects/${id}`, patch),
  );

export const useMoveProject = () =>
  useProjectMutation(({ id, ...input }: { id: number; stage: ProjectStage; reachedOn?: string; reason?: string }) =>
    api.post<Project>(`/api/projects/${id}/stage`, input),
  );

export const useAddDecision = () =>
  useProjectMutation(({ id, ...input }: { id: number; text: string; decidedOn?: string }) =>
    api.post(`/api/projects/${id}/decisions`, input),
  );

export const useRaiseBlocker = () =>
  useProjectMutation(
    ({
      id,
      ...input
    }: {
      id: number;
      category: Blocker["category"];
      description: string;
      unitId: number;
      dueOn: string;
    }) => api.post<Blocker>(`/api/projects/${id}/blockers`, input),
  );

export const useHandleBlocker = () =>
  useProjectMutation(({ id, ...input }: { id: number; action: "answer" | "close"; answer?: string }) =>
    api.post<Blocker>(`/api/project-blockers/${id}`, input),
  );

export const useSaveInvestmentYear = () =>
  useProjectMutation(({ year, ...input }: { year: number; totalFen: string; manufacturingFen: string }) =>
    api.put(`/api/fixed-asset-investment/${year}`, input),
  );

export const useImportProjects = () =>
  useProjectMutation((input: { contentBase64: string; fileName?: string; dryRun: boolean }) =>
    api.post<ImportResult>("/api/projects/import", input),
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
