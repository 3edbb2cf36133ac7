import { createBrowserRouter } from 'react-router';
import { AdminPage } from '@/features/admin/pages/admin-page';
import { LoginPage } from '@/features/auth/pages/login-page';
import { DashboardPage } from '@/features/dashboard/pages/dashboard-page';
import { MembersPage } from '@/features/members/pages/members-page';
import { RosterActions } from '@/features/roster/components/roster-actions';
import { OrgLifePage } from '@/features/org-life/pages/org-life-page';
import { OrgDetailPage } from '@/features/org/pages/org-detail-page';
import { OrgTreePage } from '@/features/org/pages/org-tree-page';
import { ReportsPage } from '@/features/reports/pages/reports-page';
import { BranchHome } from '@/features/todos/pages/branch-home';
import { TodosPage } from '@/features/todos/pages/todos-page';
import { WorkPage } from '@/features/work/pages/work-page';
import { useMe } from '@/lib/auth';
import { AppLayout } from './layout/app-layout';
import { OrgSections } from './org-sections';
import { NotFoundPage } from './not-found';
import { RouteErrorPage } from './route-error';
import { renderTodoForm } from './todo-forms';

/** The app layer composes features: the org page gets its sections from the other features here. */
function OrgDetailRoute() {
  return <OrgDetailPage renderSections={(org, childrenTable) => <OrgSections org={org} childrenTable={childrenTable} />} />;
}

/** 总览: a branch secretary's leads with their 待办 and their own score; everyone else sees the dashboard. */
function HomeRoute() {
  const me = useMe();
  return me.data?.role === 'branch_secretary' ? <BranchHome renderForm={renderTodoForm} /> : <DashboardPage />;
}

export const router = createBrowserRouter([
  { path: '/login', element: <LoginPage /> },
  {
    element: <AppLayout />,
    children: [
      {
        // A page that throws shows an error inside the layout, so navigation stays usable.
        errorElement: <RouteErrorPage />,
        children: [
          { index: true, element: <HomeRoute /> },
          { path: 'todos', element: <TodosPage renderForm={renderTodoForm} /> },
          { path: 'orgs', element: <OrgTreePage /> },
          { path: 'orgs/:id', element: <OrgDetailRoute /> },
          { path: 'members', element: <MembersPage renderActions={(org) => <RosterActions orgId={org.id} orgName={org.name} isBranch={org.isBranch} />} /> },
          { path: 'org-life', element: <OrgLifePage /> },
          { path: 'work', element: <WorkPage /> },
          { path: 'reports', element: <ReportsPage /> },
          { path: 'admin', element: <AdminPage /> },
          { path: '*', element: <NotFoundPage /> },
        ],
      },
    ],
  },
]);
