export { CONSENT_READERS, readConsent } from './read-consent';
export { refusedCategories } from './refused';
export * from './types';
