// What other modules may call (ADR 0004): applyLoyalty from afterReceipts, getTierBenefits for the care
// rules, recomputeTiers from the full recompute; reviewTiers and expirePoints for the jobs and the CLI.
export { getTierBenefits, recomputeTiers, reviewTiers, type TierBenefits } from './loyalty.service';
export { applyLoyalty, expirePoints } from './points.service';
export { ensureDefaultTiers, DEFAULT_TIERS } from './defaults';
