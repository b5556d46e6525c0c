import { type UploadProgressBody, uploadFraction } from './uploadWithProgress';

const n = (v: number) => v.toLocaleString('en-GB');

/** The server's progress through an upload: a bar of bytes read, with rows read and stored beside it. */
export function UploadProgressBar({ progress }: { progress: UploadProgressBody | null }) {
  const fraction = progress ? uploadFraction(progress) : 0;
  const percent = fraction === null ? null : Math.round(fraction * 100);
  return (
    <div className="upload-progress">
      <progress
        aria-label="Import progress"
        max={100}
        value={percent ?? undefined}
        aria-valuetext={percent === null ? 'importing' : `${percent}%`}
      />{' '}
      <span>
        {percent === null ? 'importing' : `${percent}%`}
        {progress &&
          ` · ${n(progress.rowsRead)} rows read, ${n(progress.rowsAccepted)} stored` +
            (progress.filesStarted > 1 ? ` · file ${progress.filesStarted}` : '')}
        {progress?.done && (progress.failed ? ' · failed' : ' · done')}
      </span>
    </div>
  );
}
