import type { HomeworkStatus } from './api/client';

export const statusLabel: Record<HomeworkStatus, string> = {
  NOT_STARTED: 'Not started',
  IN_PROGRESS: 'In progress',
  SUBMITTED: 'Submitted',
  CHANGES_REQUESTED: 'Changes requested',
  PASSED: 'Passed',
};

export const statuses = Object.keys(statusLabel) as HomeworkStatus[];
