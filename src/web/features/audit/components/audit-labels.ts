// Words for audit events: action names, categories, targets and the details the server records.
import type { TFunction } from 'i18next';
import { AUDIT_ACTIONS, type AuditEvent } from '../../../../contracts/audit';
import { formatList } from '../../../lib/format';

export const AUDIT_CATEGORIES = [...new Set(AUDIT_ACTIONS.map((a) => a.split('.')[0]!))];

export function actionLabel(t: TFunction, action: string): string {
  return t(`audit.actions.${action}`, { defaultValue: action });
}

export function actionOptions(t: TFunction) {
  return [
    { value: '', label: t('audit.allActions') },
    ...AUDIT_CATEGORIES.map((c) => {
      const category = t(`audit.categories.${c}`);
      return {
        group: category,
        items: [
          { value: `${c}.`, label: t('audit.allInCategory', { category }) },
          ...AUDIT_ACTIONS.filter((a) => a.startsWith(`${c}.`)).map((a) => ({ value: a, label: actionLabel(t, a) })),
        ],
      };
    }),
  ];
}

/** Names for ids the page already knows (staff, stores, regions); a short id otherwise. */
export type NameBook = Map<string, string>;

export function actorLabel(t: TFunction, e: AuditEvent): string {
  if (e.actorName) return e.actorName;
  if (e.actorTokenId) return t('audit.actorToken');
  // A failed log-in has no actor: whoever typed the password was not signed in.
  if (e.action.startsWith('auth.')) return t('audit.actorAnonymous');
  return t('audit.actorSystem');
}

export function targetLabel(t: TFunction, e: AuditEvent, names: NameBook): string {
  if (!e.entityType) return '';
  const type = t(`audit.entities.${e.entityType}`, { defaultValue: e.entityType });
  if (e.entityType === 'organization' || !e.entityId) return type;
  const name =
    names.get(e.entityId) ??
    (typeof e.details.name === 'string' ? e.details.name : undefined) ??
    e.entityId.slice(0, 8);
  return `${type} · ${name}`;
}

// Raw ids mean nothing to a reader; the store id is the one the page can name.
const isHiddenDetail = (key: string, value: unknown) => value === null || (key.endsWith('Id') && key !== 'storeId');

export function detailsText(t: TFunction, e: AuditEvent, names: NameBook, lng: string): string {
  const parts: string[] = [];
  for (const [key, value] of Object.entries(e.details)) {
    if (isHiddenDetail(key, value) || (key === 'name' && e.entityId && !names.has(e.entityId))) continue;
    const label = t(`audit.details.${key}`, { defaultValue: key });
    parts.push(`${label}: ${detailValue(t, key, value, names, lng)}`);
  }
  return parts.join(' · ');
}

function detailValue(t: TFunction, key: string, value: unknown, names: NameBook, lng: string): string {
  if (key === 'fields' && Array.isArray(value)) {
    return formatList(
      value.map((f) => t(`audit.fields.${String(f)}`, { defaultValue: String(f) })),
      lng,
    );
  }
  if (key === 'storeIds' && Array.isArray(value)) {
    return (
      formatList(
        value.map((id) => names.get(String(id)) ?? String(id).slice(0, 8)),
        lng,
      ) || t('common.none')
    );
  }
  if (key === 'storeId' && typeof value === 'string') return names.get(value) ?? value.slice(0, 8);
  if ((key === 'role' || key === 'roleFrom' || key === 'roleTo') && typeof value === 'string')
    return t(`roles.${value}`);
  if (key === 'reason' && typeof value === 'string') return t(`audit.reasons.${value}`, { defaultValue: value });
  if (key === 'via' && typeof value === 'string') return t(`audit.via.${value}`, { defaultValue: value });
  if (typeof value === 'boolean') return t(value ? 'common.yes' : 'common.no');
  if (typeof value === 'string' || typeof value === 'number') return String(value);
  return JSON.stringify(value);
}
