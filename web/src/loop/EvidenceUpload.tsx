import { UploadOutlined } from '@ant-design/icons';
import { Button, Upload } from 'antd';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { type FileRef, uploadEvidence } from './upload.ts';

/**
 * A form control for evidence, attachments and photos: each file is uploaded through POST /api/files as soon
 * as it is picked, and the control's value is the list of stored references the record will name.
 */
export function EvidenceUpload({
  value = [],
  onChange,
  onError,
  accept,
}: {
  value?: FileRef[];
  onChange?: (files: FileRef[]) => void;
  onError?: (error: Error) => void;
  accept?: string;
}) {
  const { t } = useTranslation();
  // Several files may finish uploading before the form re-renders: each adds to the latest list, not the rendered one.
  const latest = useRef(value);
  latest.current = value;
  const change = (files: FileRef[]) => {
    latest.current = files;
    onChange?.(files);
  };
  return (
    <Upload
      accept={accept}
      multiple
      fileList={value.map((file) => ({ uid: file.sha256, name: file.name, status: 'done' as const }))}
      onRemove={(file) => change(value.filter((f) => f.sha256 !== file.uid))}
      customRequest={({ file, onSuccess, onError: failed }) => {
        uploadEvidence(file as File).then(
          (stored) => {
            change([...latest.current.filter((f) => f.sha256 !== stored.sha256), stored]);
            onSuccess?.(stored);
          },
          (error: Error) => {
            onError?.(error);
            failed?.(error);
          },
        );
      }}
    >
      <Button icon={<UploadOutlined />}>{t('loop.report.upload')}</Button>
    </Upload>
  );
}

/** Links to stored files, for reading a record's evidence. */
export function FileLinks({ files }: { files: readonly FileRef[] }) {
  return (
    <>
      {files.map((file) => (
        <div key={file.sha256}>
          <a href={`/api/files/${file.sha256}`}>{file.name}</a>
        </div>
      ))}
    </>
  );
}
