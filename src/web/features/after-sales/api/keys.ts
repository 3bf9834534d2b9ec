export const AFTER_SALES_KEY = ['after-sales'] as const;
export const customerRepairsKey = (customerId: string) => [...AFTER_SALES_KEY, 'repairs', customerId] as const;
export const repairKey = (id: string) => [...AFTER_SALES_KEY, 'repair', id] as const;
export const entitlementsKey = (customerId: string) => [...AFTER_SALES_KEY, 'entitlements', customerId] as const;
export const REGISTERS_KEY = ['registers'] as const;
