// Customer lifetime value: BG/NBD purchase model and Gamma-Gamma spend model (issue 5, "Worth and churn").
export * from './rfm-summary';
export * from './bgnbd';
export * from './gamma-gamma';
export * from './fit';
export * from './calibration';
export { parseCdnow, CDNOW_CALIBRATION_END, CDNOW_HOLDOUT_END, type CdnowFormat } from './cdnow';
export { lgamma, hyp2f1, bgnbdAliveExpectation } from './special';
