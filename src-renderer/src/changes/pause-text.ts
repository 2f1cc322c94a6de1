// What pause does, said plainly wherever it is offered: AtScale has no per-job pause.
export const PAUSE_EXPLANATION =
  'AtScale has no pause for one schedule (its only pause is an org-wide server setting). Pausing here deletes the job on the server and keeps the schedule in this app, which creates it again when you resume. While paused it does not run; event-triggered maintenance of the org still runs.';

export const RESUME_EXPLANATION = 'Resuming creates the schedule on the server again, as a new job; it leaves the paused list once the server has accepted it.';
