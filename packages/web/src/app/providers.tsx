import { QueryCache, QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { App as AntApp, ConfigProvider } from "antd";
import enUS from "antd/locale/en_US";
import zhCN from "antd/locale/zh_CN";
import { type ReactNode, useState } from "react";
import { currentUserKey } from "../features/auth";
import { ApiError } from "../shared/api/client";
import { LanguageProvider, useLanguage } from "../shared/i18n/i18n";

function createQueryClient(): QueryClient {
  const client: QueryClient = new QueryClient({
    queryCache: new QueryCache({
      onError: (error, query) => {
        // A session that expired mid-use: ask who is signed in again, which sends the user to the login page.
        if (
          error instanceof ApiError &&
          error.status === 401 &&
          !(query.queryKey[0] === currentUserKey[0] && query.queryKey[1] === currentUserKey[1])
        ) {
          client.setQueryData(currentUserKey, null);
        }
      },
    }),
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        refetchOnWindowFocus: false,
        // A refusal or a missing record will not change on retry.
        retry: (failureCount, error) =>
          !(error instanceof ApiError && error.status >= 400 && error.status < 500) && failureCount < 2,
      },
    },
  });
  return client;
}

function LocalizedAntd({ children }: { children: ReactNode }) {
  const { language } = useLanguage();
  return (
    <ConfigProvider
      locale={language === "en" ? enUS : zhCN}
      // Keeps two-character Chinese labels such as 登录 intact for people and for tests.
      button={{ autoInsertSpace: false }}
      theme={{ token: { colorPrimary: "#1668dc", borderRadius: 6 } }}
    >
      <AntApp>{children}</AntApp>
    </ConfigProvider>
  );
}

export function AppProviders({ children }: { children: ReactNode }) {
  const [queryClient] = useState(createQueryClient);
  return (
    <QueryClientProvider client={queryClient}>
      <LanguageProvider>
        <LocalizedAntd>{children}</LocalizedAntd>
      </LanguageProvider>
    </QueryClientProvider>
  );
}
