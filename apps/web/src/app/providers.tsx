import type { ReactNode } from 'react';
import { useState } from 'react';
import { QueryClientProvider } from '@tanstack/react-query';
import { createQueryClient } from './query-client';

/**
 * What every screen needs, loaded with the first page. antd's providers are
 * not here: they come with the app shell (antd-providers.tsx, router.tsx), so
 * the login page downloads no antd at all.
 */
export function AppProviders({ children }: { children: ReactNode }) {
  const [queryClient] = useState(createQueryClient);
  return <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>;
}
