/** How a report reached PSD (issue 3's contract; docs/domain.md §4.1). */
export const INTAKE_SOURCES = [
  'line_manager',
  'psd_direct',
  'anonymous',
  'national_reporting_service',
  'proactive_monitoring',
  'criminal_investigation',
  'public_complaint',
  'other_force',
] as const;
export type IntakeSource = (typeof INTAKE_SOURCES)[number];
