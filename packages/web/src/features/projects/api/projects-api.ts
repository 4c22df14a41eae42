import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { api, type Page, toPage } from "../../../shared/api/client";

/** An investment project as the list shows it; investment in fen (string or safe integer). */
export interface Project {
  id: number;
  code: string;
  name: string;
  investor?: string;
  chainId: string;
  plannedInvestmentFen: string | number;
  completedInvestmentFen?: string | number;
  manufacturing?: boolean;
  origin?: string;
  leadUnit?: { id: number; name: string } | null;
  location?: string;
  stage: string;
  introducedYear?: number | null;
  productionYear?: number | null;
  isDemo?: boolean;
}

export interface ProjectFilters {
  q?: string;
  stage?: string;
  chain?: string;
  page: number;
  pageSize: number;
}

export function useProjects(filters: ProjectFilters) {
  return useQuery({
    queryKey: ["projects", filters],
    queryFn: async (): Promise<Page<Project>> =>
      toPage(await api.get<Project[] | { items: Project[]; total?: number }>("/api/projects", { ...filters })),
    placeholderData: keepPreviousData,
  });
}
