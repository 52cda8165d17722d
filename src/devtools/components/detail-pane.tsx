import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import type { CookieRecord } from '../../shared/protocol';
import { categoryName, cookieSize, formatBytes, ifDeletedName, labelBasis, partyName } from '../../ui/format';
import { formatNumber } from '../../ui/i18n';
import { t } from '../../ui/t';
import type { Change } from '../change-tracker';
import { expiresText, partitionText, priorityOf, sameSiteText } from '../columns';
import { durationText } from '../declaration-strings';

interface Props {
  record: CookieRecord | null;
  change: Change | null;
  selectedCount: number;
  busy: boolean;
  onRemove(record: CookieRecord): void;
  copy(text: string): Promise<void>;
}

/** The value URL-decoded, when that shows something different and decoding is valid. */
export function decodedValue(value: string): string | null {
  if (!/%[0-9a-f]{2}/i.test(value)) return null;
  try {
    const decoded = decodeURIComponent(value);
    return decoded === value ? null : decoded;
  } catch {
    return null;
  }
}

function Fact({ term, children }: { term: string; children: ComponentChildren }) {
  return (
    <>
      <dt>{term}</dt>
      <dd>{children}</dd>
    </>
  );
}

/** One cookie in full: the whole value (as text, copyable), its label and why, every attribute. */
export function DetailPane({ record, change, selectedCount, busy, onRemove, copy }: Props) {
  const [copyState, setCopyState] = useState<{ key: string; ok: boolean } | null>(null);
  if (!record) {
    return (
      <aside class="detail" aria-labelledby="detail-title" data-testid="detail">
        <h2 id="detail-title" class="visually-hidden">
          {t('panelDetailTitle')}
        </h2>
        <p class="help">{t('panelDetailNone')}</p>
      </aside>
    );
  }
  const { cookie, label } = record;
  const decoded = decodedValue(cookie.value);
  const yesNo = (on: boolean) => (on ? t('panelYes') : t('panelNo'));
  const copied = copyState?.key === record.key ? copyState : null;
  const onCopy = () =>
    copy(cookie.value).then(
      () => setCopyState({ key: record.key, ok: true }),
      () => setCopyState({ key: record.key, ok: false }),
    );
  return (
    <aside class="detail" aria-labelledby="detail-title" data-testid="detail">
      <h2 id="detail-title" class="detail-name" data-testid="detail-name">
        {cookie.name || t('emptyName')}
      </h2>
      {selectedCount > 1 && <p class="help">{t('panelDetailSelected', formatNumber(selectedCount))}</p>}
      {change === 'removed' && <p class="notice">{t('panelDetailRemoved')}</p>}

      <section>
        <h3 id="detail-value-title">{t('panelDetailValue')}</h3>
        <textarea
          id="detail-value"
          aria-labelledby="detail-value-title"
          class="value-box"
          readOnly
          rows={4}
          value={cookie.value}
          spellcheck={false}
          data-testid="detail-value"
        />
        <div class="detail-actions">
          <button type="button" class="button" onClick={onCopy} data-testid="copy-value">
            {t('panelCopyValue')}
          </button>
          <span role="status" class="help">
            {copied ? (copied.ok ? t('panelCopied') : t('panelCopyFailed')) : ''}
          </span>
        </div>
        {decoded !== null && (
          <>
            <h3>{t('panelDetailDecoded')}</h3>
            <textarea class="value-box" readOnly rows={3} value={decoded} spellcheck={false} />
          </>
        )}
      </section>

      <section>
        <h3>{t('panelDetailLabel')}</h3>
        <dl class="facts">
          <Fact term={t('panelColCategory')}>
            <span class={`swatch cat-${label.category}`} aria-hidden="true" /> {categoryName(label.category)}
          </Fact>
          <Fact term={t('panelColVendor')}>{label.vendor ?? '—'}</Fact>
          <Fact term={t('panelColIfDeleted')}>
            <span data-testid="detail-if-deleted">{ifDeletedName(label.ifDeleted)}</span> ({label.ifDeletedReason})
          </Fact>
          <Fact term={t('panelColPurpose')}>{label.purpose ?? '—'}</Fact>
          <Fact term={t('panelColDuration')}>{durationText(label.lifetime)}</Fact>
          <Fact term={t('panelColParty')}>{partyName(label.party)}</Fact>
          <Fact term={t('panelColSource')}>{labelBasis(label.source, label.confidence)}</Fact>
          {label.entryId && <Fact term={t('panelDetailEntry')}>{label.entryId}</Fact>}
          {label.listedBy && <Fact term={t('panelDetailListedBy')}>{label.listedBy}</Fact>}
          {label.alsoListedBy && <Fact term={t('panelDetailAlsoListedBy')}>{label.alsoListedBy.join(', ')}</Fact>}
          {label.ambiguous && (
            <Fact term={t('panelDetailCandidates')}>
              {label.ambiguous.map((c) => `${c.vendor} (${categoryName(c.category)})`).join(', ')}
            </Fact>
          )}
        </dl>
        <h3>{t('panelDetailWhy')}</h3>
        <p class="reason" data-testid="detail-reason">
          {label.reason}
        </p>
        {label.alsoTracks && <p class="reason">{label.alsoTracks}</p>}
        {label.inferred && <p class="help">{t('panelDetailInferred')}</p>}
      </section>

      <section>
        <h3>{t('panelDetailAttributes')}</h3>
        <dl class="facts">
          <Fact term={t('panelColDomain')}>{cookie.domain}</Fact>
          <Fact term={t('panelDetailHostOnly')}>{yesNo(cookie.hostOnly)}</Fact>
          <Fact term={t('panelColPath')}>{cookie.path}</Fact>
          <Fact term={t('panelColExpires')}>{expiresText(cookie)}</Fact>
          <Fact term={t('panelColSize')}>{formatBytes(cookieSize(cookie))}</Fact>
          <Fact term={t('panelColHttpOnly')}>{yesNo(cookie.httpOnly)}</Fact>
          <Fact term={t('panelColSecure')}>{yesNo(cookie.secure)}</Fact>
          <Fact term={t('panelColSameSite')}>{sameSiteText(cookie) || '—'}</Fact>
          {cookie.partitionKey && <Fact term={t('panelColPartitionKey')}>{partitionText(cookie)}</Fact>}
          {priorityOf(cookie) !== null && <Fact term={t('panelColPriority')}>{priorityOf(cookie)}</Fact>}
          <Fact term={t('panelDetailStore')}>{cookie.storeId}</Fact>
        </dl>
      </section>

      <button
        type="button"
        class="button danger"
        disabled={busy || change === 'removed'}
        onClick={() => onRemove(record)}
        data-testid="detail-remove"
      >
        {t('panelRemoveThis')}
      </button>
    </aside>
  );
}
