import { lazy, Suspense, useEffect, type ComponentType } from 'react';
import { createBrowserRouter, type RouteObject } from 'react-router';
import { useQueryClient } from '@tanstack/react-query';
import type { Me } from '@wj/domain/schemas';
import { LoginPage } from '@/features/auth/pages/login-page';
import { useMe } from '@/lib/auth';
import { RouteFallback } from './route-fallback';

/**
 * Every page but the login page, and the app shell itself, is a module loaded
 * on first visit (react-router's route `lazy`): the login page does not
 * download the dashboard, the roster or echarts. Route `lazy` starts a route's
 * module as soon as the URL matches, so the shell and the page load side by
 * side rather than one after the other.
 * https://reactrouter.com/start/data/route-object#lazy
 *
 * The eager part is what every screen needs (the query provider, this table,
 * a plain fallback) and the login page, drawn without antd (~3 kB gzip): a
 * visitor who is not signed in sees it with the first scripts, without a
 * skeleton or a second round trip. antd's providers load with the shell and
 * the error page, which render every antd component (issue 11, item 8).
 */
const lazyRoute = (load: () => Promise<ComponentType>): Pick<RouteObject, 'lazy' | 'hydrateFallbackElement'> => ({
  lazy: async () => ({ Component: await load() }),
  // Shown on a first load while the route's module arrives.
  hydrateFallbackElement: <RouteFallback />,
});

/**
 * The error page (antd Result with its illustrations) loads only when a route
 * fails. The likeliest failure is a page chunk that no longer loads (offline,
 * or replaced by a new release); if the error page cannot load either, a
 * plain notice still offers the reload.
 */
const RouteErrorPage = lazy(() =>
  Promise.all([import('./route-error'), import('./antd-providers')]).then(
    // The outer error element renders outside the shell, so it brings antd's providers itself.
    ([{ RouteErrorPage: Page }, { AntdProviders }]) => ({ default: () => <AntdProviders><Page /></AntdProviders> }),
    () => ({ default: ReloadNotice }),
  ),
);
function ReloadNotice() {
  return (
    <div role="alert" style={{ padding: 48, textAlign: 'center' }}>
      页面加载失败，请<a href={window.location.href}>刷新页面</a>重试。
    </div>
  );
}
const routeError = <Suspense fallback={<RouteFallback />}><RouteErrorPage /></Suspense>;

/** The app shell inside antd's providers: every page renders within it. */
const loadShell = async () => {
  const [{ AppLayout }, { AntdProviders }] = await Promise.all([import('./layout/app-layout'), import('./antd-providers')]);
  return function Shell() {
    return <AntdProviders><AppLayout /></AntdProviders>;
  };
};
const loadDashboard = () => import('@/features/dashboard/pages/dashboard-page');

/** A branch secretary's home is rarer than the dashboard: it loads only when their role asks for it. */
const BranchHomeRoute = lazy(async () => {
  const [{ BranchHome }, { renderTodoForm }] = await Promise.all([import('@/features/todos/pages/branch-home'), import('./todo-forms')]);
  return { default: () => <BranchHome renderForm={renderTodoForm} /> };
});

/**
 * Most logins land on 总览: its code (antd with it) downloads while the user types and the
 * server checks the password, not after. From the first keystroke or the submit, whichever
 * comes first, never on load: the login page itself stays light.
 */
function LoginRoute() {
  const queryClient = useQueryClient();
  useEffect(() => {
    const events = ['input', 'submit'] as const;
    const prefetch = () => {
      stop();
      // A prefetch that fails is not an error: the route loads (or reports) the module itself.
      loadShell().catch(() => undefined);
      loadDashboard().catch(() => undefined);
    };
    const stop = () => events.forEach((e) => document.removeEventListener(e, prefetch, { capture: true }));
    events.forEach((e) => document.addEventListener(e, prefetch, { capture: true }));
    return stop;
  }, []);
  // The dashboard's figures are asked for as soon as the password is accepted, while the shell
  // and the page render, rather than once the page has rendered (bench/web.bench.ts).
  const onSignedIn = (user: Me, to: string) => {
    if (to !== '/' || user.role === 'branch_secretary') return;
    import('@/features/dashboard/api/get-dashboard')
      .then(({ dashboardQueryOptions }) => queryClient.prefetchQuery(dashboardQueryOptions(undefined)))
      .catch(() => undefined);
  };
  return <LoginPage onSignedIn={onSignedIn} />;
}

export const router = createBrowserRouter([
  {
    path: '/login',
    errorElement: routeError,
    Component: LoginRoute,
  },
  {
    errorElement: routeError,
    ...lazyRoute(loadShell),
    children: [
      {
        // A page that throws shows an error inside the layout, so navigation stays usable.
        errorElement: routeError,
        children: [
          {
            index: true,
            // 总览: a branch secretary's leads with their 待办 and their own score; everyone else sees the dashboard.
            ...lazyRoute(async () => {
              // The dashboard uses the antd skeleton anyway; inside the shell it is the one to show.
              const [{ DashboardPage }, { PageSkeleton }] = await Promise.all([loadDashboard(), import('@/components/page-skeleton')]);
              return function HomeRoute() {
                const me = useMe();
                if (me.data?.role !== 'branch_secretary') return <DashboardPage />;
                return <Suspense fallback={<PageSkeleton />}><BranchHomeRoute /></Suspense>;
              };
            }),
          },
          {
            path: 'todos',
            ...lazyRoute(async () => {
              const [{ TodosPage }, { renderTodoForm }] = await Promise.all([import('@/features/todos/pages/todos-page'), import('./todo-forms')]);
              return () => <TodosPage renderForm={renderTodoForm} />;
            }),
          },
          { path: 'orgs', ...lazyRoute(async () => (await import('@/features/org/pages/org-tree-page')).OrgTreePage) },
          {
            path: 'orgs/:id',
            // The app layer composes features: the org page gets its sections from the other features here.
            ...lazyRoute(async () => {
              const [{ OrgDetailPage }, { OrgSections }] = await Promise.all([import('@/features/org/pages/org-detail-page'), import('./org-sections')]);
              return () => <OrgDetailPage renderSections={(org, childrenTable) => <OrgSections org={org} childrenTable={childrenTable} />} />;
            }),
          },
          {
            path: 'members',
            ...lazyRoute(async () => {
              const [{ MembersPage }, { RosterActions }] = await Promise.all([
                import('@/features/members/pages/members-page'),
                import('@/features/roster/components/roster-actions'),
              ]);
              return () => <MembersPage renderActions={(org) => <RosterActions orgId={org.id} orgName={org.name} isBranch={org.isBranch} />} />;
            }),
          },
          { path: 'org-life', ...lazyRoute(async () => (await import('@/features/org-life/pages/org-life-page')).OrgLifePage) },
          { path: 'work', ...lazyRoute(async () => (await import('@/features/work/pages/work-page')).WorkPage) },
          { path: 'reports', ...lazyRoute(async () => (await import('@/features/reports/pages/reports-page')).ReportsPage) },
          { path: 'admin', ...lazyRoute(async () => (await import('@/features/admin/pages/admin-page')).AdminPage) },
          { path: '*', ...lazyRoute(async () => (await import('./not-found')).NotFoundPage) },
        ],
      },
    ],
  },
]);
