import type { ReactNode } from 'react';
import type { ReportResponseDto } from '@agm/contracts';

/**
 * Reports to conference on the order of business, each with what the meeting has done with it in words
 * ("Received, except section 3 (Finance), referred back."). The chair may take one from here; the SOC
 * corrects or removes one from here (`actions`: what follows each report's line).
 */
export function ReportsOnAgenda({
  reports,
  onTake,
  takeWhyNot = null,
  actions,
}: {
  reports: ReportResponseDto[] | null;
  onTake?: (reportId: string) => void;
  takeWhyNot?: string | null;
  actions?: (report: ReportResponseDto) => ReactNode;
}) {
  if (!reports || reports.length === 0) return null;
  return (
    <>
      <h3>Reports</h3>
      <ul className="plain" data-testid="agenda-reports">
        {reports.map((report) => (
          <li key={report.id}>
            <strong>{report.title}</strong> — {report.statusText}
            {onTake && report.status === 'to_come' && (
              <>
                {' '}
                <button
                  type="button"
                  className="small"
                  disabled={!!takeWhyNot}
                  title={takeWhyNot ?? undefined}
                  onClick={() => onTake(report.id)}
                >
                  Take report <span className="visually-hidden">{report.title}</span>
                </button>
              </>
            )}
            {actions?.(report)}
          </li>
        ))}
      </ul>
    </>
  );
}
