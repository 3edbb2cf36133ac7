import { App, Form, Input, Modal, Radio } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { REVIEW_GRADE_LABELS, REVIEW_GRADES, type ReviewGrade } from '@wj/domain';
import { SecretaryReviewInputSchema, type SecretaryReview } from '@wj/domain/schemas';
import { useSaveError } from '@/components/use-save-error';
import { clearChangedErrors, validateWith } from '@/lib/form-errors';
import { unitKeys } from '../api/keys';
import { useSaveReview } from '../api/reviews';

interface ReviewValues {
  secretaryName?: string;
  grade?: ReviewGrade;
  comment?: string | null;
}

const gradeOptions = REVIEW_GRADES.map((g) => ({ value: g, label: REVIEW_GRADE_LABELS[g] }));

interface ReviewFormModalProps {
  unitId: number;
  year: number;
  review: SecretaryReview | undefined;
  onClose: () => void;
}

/** The commission grades one year's 述职评议 (admin only; the route refuses everyone else). */
export function ReviewFormModal({ unitId, year, review, onClose }: ReviewFormModalProps) {
  const [form] = Form.useForm<ReviewValues>();
  const save = useSaveReview(unitId);
  const onSaveError = useSaveError();
  const queryClient = useQueryClient();
  const { message } = App.useApp();

  const submit = (values: ReviewValues) => {
    const checked = validateWith(form, SecretaryReviewInputSchema, { ...values, version: review?.version });
    if (!checked.data) {
      checked.other.forEach((m) => void message.error(m));
      return;
    }
    save.mutate({ year, body: checked.data }, {
      onSuccess: () => {
        void message.success(`${year}年度述职评议已保存`);
        onClose();
      },
      onError: (error) => onSaveError(error, {
        form,
        onReload: () => {
          void queryClient.invalidateQueries({ queryKey: unitKeys.reviews(unitId) });
          onClose();
        },
      }),
    });
  };

  return (
    <Modal title={`${year}年度书记抓党建述职评议`} open onCancel={onClose} onOk={() => form.submit()} okText="保存" confirmLoading={save.isPending}>
      <Form
        name="review"
        form={form}
        layout="vertical"
        onFinish={submit}
        onValuesChange={(changed) => clearChangedErrors(form, changed)}
        initialValues={review ?? {}}
      >
        <Form.Item name="secretaryName" label="书记姓名" required>
          <Input maxLength={30} />
        </Form.Item>
        <Form.Item name="grade" label="评议等次" required>
          <Radio.Group options={gradeOptions} optionType="button" />
        </Form.Item>
        <Form.Item name="comment" label="评议意见">
          <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} maxLength={2000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
