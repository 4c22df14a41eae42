import { chainOfEnterprise, otherChainOf } from "@beizeng/domain/register/chains";
import { useMemo } from "react";
import { useLocalizedText } from "../../../shared/i18n/i18n";
import { usePlan } from "../../plan";

export interface PlanChains {
  /** The plan's chains as a Select offers them, in the plan's order and the reader's language. */
  options: { value: string; label: string }[];
  /**
   * A chain's name in the reader's language. An enterprise recorded under a chain the plan does not list is in
   * the plan's other chain; "—" until the plan is read.
   */
  name: (chainId: string | null | undefined) => string;
  /** The chain with role other: where a new enterprise starts. Undefined until the plan is read. */
  otherChainId: string | undefined;
  /** The chain the form shows for an enterprise's stored chain: its own if the plan lists it, else the other chain. */
  formValue: (chainId: string) => string;
}

/** The industry chains of the district's plan, which the register's pages name and offer; none are fixed here. */
export function usePlanChains(): PlanChains {
  const plan = usePlan().data;
  const localized = useLocalizedText();
  return useMemo(() => {
    const chains = plan?.chains ?? [];
    return {
      options: chains.map((chain) => ({ value: chain.id, label: localized(chain.name, chain.nameEn) })),
      name: (chainId) => {
        if (!plan || !chainId) return "—";
        const chain = chainOfEnterprise(plan, chainId);
        return localized(chain.name, chain.nameEn);
      },
      otherChainId: plan ? otherChainOf(plan).id : undefined,
      formValue: (chainId) => (plan ? chainOfEnterprise(plan, chainId).id : chainId),
    };
  }, [plan, localized]);
}
