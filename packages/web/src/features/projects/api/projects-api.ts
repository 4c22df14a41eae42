import { useQuery } from "@tanstack/react-query";
import { api, toPage } from "../../../shared/api/client";

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
  leadUnitName?: string | null;
  location?: string;
  stage: string;
  introducedYear?: number | null;
  productionYear?: number | null;
  isDemo?: boolean;
}

export function useProjects() {
  return useQuery({
    queryKey: ["projects"],
    queryFn: async () => toPage(await api.get<Project[] | { items: Project[]; total?: number }>("/api/projects")),
  });
}
