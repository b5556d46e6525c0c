import { type UploadProgressBody, uploadFraction } from './uploadWithProgress';
import { useT } from '../i18n/language';

/** The server's progress through an upload: a bar of bytes read, with rows read and stored beside it. */
export function UploadProgressBar({ progress }: { progress: UploadProgressBody | null }) {
  const t = useT();
  const importing = t('datasets.progressImporting');
  const fraction = progress ? uploadFraction(progress) : 0;
  const percent = fraction === null ? null : Math.round(fraction * 100);
  return (
    <div className="upload-progress">
      <progress
        aria-label={t('datasets.progress')}
        max={100}
        value={percent ?? undefined}
        aria-valuetext={percent === null ? importing : `${percent}%`}
      />{' '}
      <span>
        {percent === null ? importing : `${percent}%`}
        {progress &&
          t('datasets.progressRows', { read: progress.rowsRead, stored: progress.rowsAccepted }) +
            (progress.filesStarted > 1 ? t('datasets.progressFile', { n: progress.filesStarted }) : '')}
        {progress?.done && t(progress.failed ? 'datasets.progressFailed' : 'datasets.progressDone')}
      </span>
    </div>
  );
}
