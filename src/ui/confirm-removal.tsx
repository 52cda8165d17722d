import { t } from './t';

interface Props {
  count: number;
  /** What deleting them does, in words ("would sign you out of Meta"). */
  consequences: string;
  busy: boolean;
  onConfirm(): void;
  onCancel(): void;
  /** A bar of its own (the panel) rather than a line within a notice (the popup's kept cookies). */
  bar?: boolean;
}

/** Removing cookies whose loss has a consequence, asked for on purpose: the consequence is spelt out first. */
export function ConfirmRemoval({ count, consequences, busy, onConfirm, onCancel, bar = false }: Props) {
  const Tag = bar ? 'p' : 'span';
  return (
    <Tag class={bar ? 'confirm-bar' : 'confirm'} role="alert" data-testid="confirm-removal">
      {t.plural('confirmRemoval', count, consequences)}{' '}
      <button type="button" class="button danger" data-testid="confirm-remove" disabled={busy} onClick={onConfirm}>
        {t('confirmRemove')}
      </button>{' '}
      <button type="button" class="button" onClick={onCancel}>
        {t('cancel')}
      </button>
    </Tag>
  );
}
