import { useEffect, useState } from 'react';
import type { ReportResponseDto } from '@agm/contracts';
import { get } from '../api';

/** The reports on the order of business, refetched whenever `revision` changes (report and debate events). */
export function useReports(conferenceId: string, revision: string | number): ReportResponseDto[] | null {
  const [reports, setReports] = useState<ReportResponseDto[] | null>(null);
  useEffect(() => {
    let current = true;
    get<ReportResponseDto[]>(`/api/conferences/${conferenceId}/reports`).then(
      (list) => current && setReports(list),
      () => current && setReports([]),
    );
    return () => {
      current = false;
    };
  }, [conferenceId, revision]);
  return reports;
}
