import { Descriptions, Typography } from 'antd';
import { ABSENCE_REASON_LABELS, type Meeting } from '@wj/domain/schemas';
import { AttachmentLinks } from './evidence-files';

const dash = <Typography.Text type="secondary">—</Typography.Text>;

/** A record's evidence under its row: who led and wrote it, who was absent and why, the minutes and the files. */
export function MeetingEvidence({ meeting: m }: { meeting: Meeting }) {
  const absent = m.attendees.filter((a) => !a.present);
  return (
    <Descriptions size="small" column={{ xs: 1, sm: 2 }} data-testid="meeting-evidence">
      <Descriptions.Item label="主持人">{m.hostName ?? dash}</Descriptions.Item>
      <Descriptions.Item label="记录人">{m.recorderName ?? dash}</Descriptions.Item>
      <Descriptions.Item label="应到/实到">
        {m.expected} / {m.present}{m.attendees.length ? '（按参会名单）' : '（填报人数）'}
      </Descriptions.Item>
      <Descriptions.Item label="缺席">
        {m.attendees.length === 0 ? dash : absent.length === 0 ? '无' : absent.map((a) => `${a.name}（${a.absenceReason ? ABSENCE_REASON_LABELS[a.absenceReason] : '未注明'}${a.absenceNote ? `：${a.absenceNote}` : ''}）`).join('、')}
      </Descriptions.Item>
      <Descriptions.Item label="会议记录" span={2}>
        {m.minutes ? <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>{m.minutes}</Typography.Paragraph> : dash}
      </Descriptions.Item>
      <Descriptions.Item label="附件" span={2}><AttachmentLinks items={m.attachments} /></Descriptions.Item>
    </Descriptions>
  );
}
