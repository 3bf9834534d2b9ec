import { lazy, Suspense, type ReactNode } from 'react';
import { Route, Routes } from 'react-router-dom';
import { PageLoader } from '../components/query-state';
import { LoginPage } from '../features/auth/pages/login-page';
import { HomePage } from '../features/home/pages/home-page';
import type { Capability } from '../lib/permissions';
import { RequireAuth, RequireCapability } from './guards';
import { NotFoundPage } from './pages/not-found-page';
import { AppLayout } from './shell/app-layout';

// Log-in and home load with the shell; the admin pages only when someone opens them.
const StoresPage = lazy(() => import('../features/stores/pages/stores-page').then((m) => ({ default: m.StoresPage })));
const UsersPage = lazy(() => import('../features/users/pages/users-page').then((m) => ({ default: m.UsersPage })));
const TokensPage = lazy(() => import('../features/tokens/pages/tokens-page').then((m) => ({ default: m.TokensPage })));
const AuditPage = lazy(() => import('../features/audit/pages/audit-page').then((m) => ({ default: m.AuditPage })));
const AccountPage = lazy(() =>
  import('../features/account/pages/account-page').then((m) => ({ default: m.AccountPage })),
);
const ImportPage = lazy(() => import('../features/imports/pages/import-page').then((m) => ({ default: m.ImportPage })));

// The customer file.
const CustomersPage = lazy(() =>
  import('../features/customers/pages/customers-page').then((m) => ({ default: m.CustomersPage })),
);
const NewCustomerPage = lazy(() =>
  import('../features/customers/pages/new-customer-page').then((m) => ({ default: m.NewCustomerPage })),
);
const CustomerPage = lazy(() =>
  import('../features/customers/pages/customer-page').then((m) => ({ default: m.CustomerPage })),
);
const MergePage = lazy(() => import('../features/customers/pages/merge-page').then((m) => ({ default: m.MergePage })));
const FileContestPage = lazy(() =>
  import('../features/customers/pages/file-contest-page').then((m) => ({ default: m.FileContestPage })),
);
const QuestionBankPage = lazy(() =>
  import('../features/question-bank/pages/question-bank-page').then((m) => ({ default: m.QuestionBankPage })),
);
const PrintCardPage = lazy(() =>
  import('../features/customers/pages/print-card-page').then((m) => ({ default: m.PrintCardPage })),
);

// Purchases, salon and after-sales.
const SellPage = lazy(() => import('../features/purchases/pages/sell-page').then((m) => ({ default: m.SellPage })));
const RepairPage = lazy(() =>
  import('../features/after-sales/pages/repair-page').then((m) => ({ default: m.RepairPage })),
);
const GoodsReceiptPage = lazy(() =>
  import('../features/after-sales/pages/goods-receipt-page').then((m) => ({ default: m.GoodsReceiptPage })),
);
const RegistersPage = lazy(() =>
  import('../features/after-sales/pages/registers-page').then((m) => ({ default: m.RegistersPage })),
);
const CategoriesPage = lazy(() =>
  import('../features/after-sales/pages/categories-page').then((m) => ({ default: m.CategoriesPage })),
);
const ServicesPage = lazy(() =>
  import('../features/salon/pages/services-page').then((m) => ({ default: m.ServicesPage })),
);

// Contacts and messages: staff statistics, the outbox, the contact log.
const WorthPage = lazy(() => import('../features/metrics/pages/worth-page').then((m) => ({ default: m.WorthPage })));
const ClassSettingsPage = lazy(() =>
  import('../features/metrics/pages/class-settings-page').then((m) => ({ default: m.ClassSettingsPage })),
);
const ContactsPage = lazy(() =>
  import('../features/messaging/pages/contacts-page').then((m) => ({ default: m.ContactsPage })),
);

// Segments and the manager dashboard.
const SegmentsPage = lazy(() =>
  import('../features/segments/pages/segments-page').then((m) => ({ default: m.SegmentsPage })),
);
const DashboardPage = lazy(() =>
  import('../features/analytics/pages/dashboard-page').then((m) => ({ default: m.DashboardPage })),
);
const TagsPage = lazy(() => import('../features/segments/pages/tags-page').then((m) => ({ default: m.TagsPage })));
const SegmentPage = lazy(() =>
  import('../features/segments/pages/segment-page').then((m) => ({ default: m.SegmentPage })),
);
// The VIP programme: the requirements shown to customers, the settings head office edits.
const MembershipPage = lazy(() =>
  import('../features/loyalty/pages/membership-page').then((m) => ({ default: m.MembershipPage })),
);
const TiersSettingsPage = lazy(() =>
  import('../features/loyalty/pages/tiers-settings-page').then((m) => ({ default: m.TiersSettingsPage })),
);
// Care tasks (issue 6): today's list, complaints opened from a task, the settings hub and the message library.
const TodayPage = lazy(() => import('../features/care-tasks/pages/today-page').then((m) => ({ default: m.TodayPage })));
const ComplaintPage = lazy(() =>
  import('../features/care-tasks/pages/complaint-page').then((m) => ({ default: m.ComplaintPage })),
);
const SettingsPage = lazy(() =>
  import('../features/care-tasks/pages/settings-page').then((m) => ({ default: m.SettingsPage })),
);
const TemplatesPage = lazy(() =>
  import('../features/care-tasks/pages/templates-page').then((m) => ({ default: m.TemplatesPage })),
);

function page(node: ReactNode, capability?: Capability) {
  const content = <Suspense fallback={<PageLoader />}>{node}</Suspense>;
  return capability ? <RequireCapability capability={capability}>{content}</RequireCapability> : content;
}

export function AppRoutes() {
  return (
    <Routes>
      <Route path="/login" element={<LoginPage />} />
      {/* The printable goods receipt: signed in, but without the app's navigation. */}
      <Route path="/repairs/:id/receipt" element={<RequireAuth>{page(<GoodsReceiptPage />)}</RequireAuth>} />
      <Route path="/customers/:id/print" element={<RequireAuth>{page(<PrintCardPage />)}</RequireAuth>} />
      <Route
        element={
          <RequireAuth>
            <AppLayout />
          </RequireAuth>
        }
      >
        <Route index element={<HomePage />} />
        <Route path="stores" element={page(<StoresPage />, 'stores')} />
        <Route path="staff" element={page(<UsersPage />, 'staff')} />
        <Route path="tokens" element={page(<TokensPage />, 'tokens')} />
        <Route path="audit" element={page(<AuditPage />, 'audit')} />
        <Route path="customers" element={page(<CustomersPage />)} />
        <Route path="customers/new" element={page(<NewCustomerPage />)} />
        <Route path="customers/import" element={page(<ImportPage />, 'staff')} />
        <Route path="customers/:id" element={page(<CustomerPage />)} />
        <Route path="customers/:id/merge" element={page(<MergePage />, 'staff')} />
        <Route path="file-contest" element={page(<FileContestPage />, 'fileContest')} />
        <Route path="settings/questions" element={page(<QuestionBankPage />, 'questionBank')} />
        <Route path="customers/:id/sell" element={page(<SellPage />)} />
        <Route path="repairs/:id" element={page(<RepairPage />)} />
        <Route path="registers" element={page(<RegistersPage />, 'registers')} />
        <Route path="contacts" element={page(<ContactsPage />, 'contactStats')} />
        <Route path="worth" element={page(<WorthPage />)} />
        <Route path="settings/classes" element={page(<ClassSettingsPage />, 'classSettings')} />
        <Route path="settings/services" element={page(<ServicesPage />, 'serviceMenu')} />
        <Route path="settings/categories" element={page(<CategoriesPage />, 'afterSalesPolicy')} />
        <Route path="segments" element={page(<SegmentsPage />)} />
        <Route path="segments/:id" element={page(<SegmentPage />)} />
        <Route path="settings/tags" element={page(<TagsPage />, 'tags')} />
        <Route path="dashboard" element={page(<DashboardPage />, 'dashboard')} />
        <Route path="vip" element={page(<MembershipPage />)} />
        <Route path="settings/tiers" element={page(<TiersSettingsPage />, 'vipProgramme')} />
        <Route path="today" element={page(<TodayPage />)} />
        <Route path="complaints/:id" element={page(<ComplaintPage />)} />
        <Route path="settings" element={page(<SettingsPage />)} />
        <Route path="settings/templates" element={page(<TemplatesPage />)} />
        <Route path="account" element={page(<AccountPage />)} />
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
