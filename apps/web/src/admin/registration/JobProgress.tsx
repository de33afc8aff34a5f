import { useEffect, useState } from 'react';
import type { RegistrationJobResponseDto } from '@agm/contracts';
import { get } from '../../api';

/**
 * A bulk registration's progress: asked for again a second after each answer until the job ends
 * (the job runs on the server; any instance answers). A progress bar, and its words for screen readers.
 */
export function JobProgress(props: {
  base: string;
  initial: RegistrationJobResponseDto;
  onChange: () => void;
}) {
  const [job, setJob] = useState(props.initial);
  useEffect(() => {
    if (job.state !== 'running') return;
    const timer = setTimeout(() => {
      get<RegistrationJobResponseDto>(`${props.base}/registration-jobs/${job.id}`).then(
        (next) => {
          setJob(next);
          if (next.processed !== job.processed || next.state !== 'running') props.onChange();
        },
        () => setJob({ ...job }), // ask again after the next second
      );
    }, 1000);
    return () => clearTimeout(timer);
  }, [job]);
  return (
    <div className="job" data-testid="bulk-job">
      <p>{job.selection}</p>
      <progress max={job.total} value={job.processed} aria-label="Members registered so far">
        {job.processed} of {job.total}
      </progress>
      <p role="status">
        {job.stateText}.
        {job.state !== 'running' && (
          <>
            {' '}
            {job.registered} registered, {job.alreadyRegistered} already registered; {job.emailed} codes
            emailed
            {job.emailFailed > 0 ? `, ${job.emailFailed} emails failed` : ''}
            {job.lettersDue > 0 ? `, ${job.lettersDue} letters to print` : ''}.
          </>
        )}
      </p>
      {job.failure && (
        <p role="alert" className="alert error">
          {job.failure}
        </p>
      )}
    </div>
  );
}
