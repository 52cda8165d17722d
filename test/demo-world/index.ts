export type { DemoPage, DemoPageId, ExpectedCookie } from './pages';
export { cookieId, DEMO_PAGES, demoPage, expectedCookies } from './pages';
export type { DemoWorld, LoggedRequest } from './world';
export { INDEX_HOST, startDemoWorld } from './world';
