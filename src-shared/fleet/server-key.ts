// Which engine a profile talks to: one definition for the whole app, in profile-urls.ts. Orgs on one
// engine share its hardware, so this key groups the load views, the overlap checks and the slot search.
export { serverKeyOf } from '../profile-urls';
