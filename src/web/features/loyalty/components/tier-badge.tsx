import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useProgramme } from '../api/loyalty';
import { labelOf, TIER_COLOURS } from './tier-text';

/** Her tier by its name in the reader's language (黄金会员, ゴールド会員), coloured by rank. */
export function TierBadge({ tier }: { tier: string | null }) {
  const { i18n } = useTranslation();
  const programme = useProgramme();
  if (!tier) return null;
  const def = programme.data?.tiers.find((x) => x.key === tier);
  return (
    <Badge color={TIER_COLOURS[def?.rank ?? 0] ?? 'blue'} variant="light" data-testid="tier-badge">
      {labelOf(def?.labels, i18n.language, tier)}
    </Badge>
  );
}
