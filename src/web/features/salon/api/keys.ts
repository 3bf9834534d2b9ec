export const SALON_KEY = ['salon'] as const;
export const SERVICE_ITEMS_KEY = [...SALON_KEY, 'service-items'] as const;
export const cardsKey = (customerId: string) => [...SALON_KEY, 'cards', customerId] as const;
export const visitsKey = (customerId: string) => [...SALON_KEY, 'visits', customerId] as const;
