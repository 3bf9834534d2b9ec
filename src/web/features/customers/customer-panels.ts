// Extension point: other features add tabs to the customer page here (purchases, salon, after-sales).
// Add an entry { key, labelKey (an i18n key), Component, order }; the page renders them sorted by order.
import type { ComponentType } from 'react';
import { PurchasesPanel } from '../purchases/components/purchases-panel';
import { AfterSalesPanel } from '../after-sales/components/after-sales-panel';
import { SalonPanel } from '../salon/components/salon-panel';
import { ContactsPanel } from '../messaging/components/contacts-panel';

export type CustomerPanel = {
  key: string;
  labelKey: string;
  Component: ComponentType<{ customerId: string; storeId: string }>;
  order: number;
};

export const customerPanels: CustomerPanel[] = [
  { key: 'purchases', labelKey: 'purchases.panel.tab', Component: PurchasesPanel, order: 10 },
  { key: 'salon', labelKey: 'salon.panel.tab', Component: SalonPanel, order: 20 },
  { key: 'after-sales', labelKey: 'afterSales.panel.tab', Component: AfterSalesPanel, order: 30 },
  { key: 'contacts', labelKey: 'messaging.panel.tab', Component: ContactsPanel, order: 5 },
];
