import { useState } from 'preact/hooks';
import type { CookieRecord } from '../shared/protocol';
import {
  consequenceText,
  cookieFlags,
  cookieSize,
  formatBytes,
  formatExpiry,
  formatLifetime,
  ifDeletedName,
  labelBasis,
  partyName,
} from './format';
import { onRowKeyDown } from './row-keys';
import { t } from './t';

export interface RowActions {
  remove(record: CookieRecord): void;
  /** Absent where there is no site to keep exceptions for. */
  allowCookie?(record: CookieRecord): void;
  allowVendor?(vendor: string): void;
}

interface Props {
  record: CookieRecord;
  expanded: boolean;
  onToggle(key: string): void;
  /** Seconds since the epoch, for remaining lifetimes. */
  now: number;
  actions: RowActions;
  busy: boolean;
  cookieAllowed: boolean;
  vendorAllowed: boolean;
  /** Unique per row, for aria-controls. */
  id: string;
}

/** One cookie: a summary that toggles its details. Every cookie field is rendered as a text node. */
export function CookieRow({ record, expanded, onToggle, now, actions, busy, cookieAllowed, vendorAllowed, id }: Props) {
  const { cookie, label } = record;
  const flags = cookieFlags(cookie);
  const detailsId = `${id}-details`;
  // A cookie removed on purpose is the person's choice, but never a surprise: the consequence first.
  const [confirming, setConfirming] = useState(false);
  const warning = consequenceText(label.ifDeleted, label.vendor ?? t('unidentifiedSite'));
  return (
    <div class={expanded ? 'row is-open' : 'row'} data-category={label.category}>
      <button
        type="button"
        class="row-toggle"
        data-row-toggle=""
        aria-expanded={expanded}
        aria-controls={detailsId}
        onClick={() => onToggle(record.key)}
        onKeyDown={onRowKeyDown}
      >
        <span class="row-head">
          <span class="row-name" data-testid="cookie-name">
            {cookie.name || t('emptyName')}
          </span>
          <span class={label.party === 'third' ? 'pill pill-third' : 'pill'}>{partyName(label.party)}</span>
        </span>
        <span class="row-vendor">
          {label.vendor ?? t('vendorUnknown')}
          {label.purpose ? ` · ${label.purpose}` : ''}
        </span>
        <span class="row-meta">
          {[
            formatLifetime(cookie, now),
            ...flags,
            labelBasis(label.source, label.confidence),
            t('metaIfDeleted', ifDeletedName(label.ifDeleted)),
          ].join(' · ')}
        </span>
      </button>
      {expanded && (
        <div class="row-details" id={detailsId}>
          <p class="row-reason">
            <span class="reason-label">{t('detailWhy')}</span> {label.reason}
          </p>
          {label.alsoTracks && <p class="row-consequence">{label.alsoTracks}</p>}
          <p class="row-consequence" data-testid="if-deleted">
            <span class="reason-label">{t('detailIfDeleted')}</span> {ifDeletedName(label.ifDeleted)} (
            {label.ifDeletedReason})
          </p>
          <dl class="facts">
            <dt>{t('detailDomain')}</dt>
            <dd>{cookie.domain}</dd>
            <dt>{t('detailPath')}</dt>
            <dd>{cookie.path}</dd>
            <dt>{t('detailExpires')}</dt>
            <dd>{formatExpiry(cookie)}</dd>
            <dt>{t('detailSize')}</dt>
            <dd>{formatBytes(cookieSize(cookie))}</dd>
            <dt>{t('detailStore')}</dt>
            <dd>{cookie.storeId}</dd>
            {cookie.partitionKey?.topLevelSite && (
              <>
                <dt>{t('detailPartition')}</dt>
                <dd>{cookie.partitionKey.topLevelSite}</dd>
              </>
            )}
            <dt>{t('detailValue')}</dt>
            <dd>
              <CookieValue value={cookie.value} />
            </dd>
          </dl>
          {confirming && warning && (
            <p class="confirm" role="alert" data-testid="confirm-removal">
              {t.plural('confirmRemoval', 1, warning)}{' '}
              <button
                type="button"
                class="button danger"
                disabled={busy}
                onClick={() => {
                  setConfirming(false);
                  actions.remove(record);
                }}
              >
                {t('confirmRemove')}
              </button>{' '}
              <button type="button" class="button" onClick={() => setConfirming(false)}>
                {t('cancel')}
              </button>
            </p>
          )}
          <div class="row-actions">
            <button
              type="button"
              class="button danger"
              disabled={busy || confirming}
              onClick={() => (warning ? setConfirming(true) : actions.remove(record))}
            >
              {t('removeThisCookie')}
            </button>
            {actions.allowCookie && (
              <button
                type="button"
                class="button"
                disabled={busy || cookieAllowed}
                onClick={() => actions.allowCookie?.(record)}
              >
                {cookieAllowed ? t('cookieIsAllowed') : t('allowCookie')}
              </button>
            )}
            {actions.allowVendor && label.vendor && (
              <button
                type="button"
                class="button"
                disabled={busy || vendorAllowed}
                onClick={() => label.vendor && actions.allowVendor?.(label.vendor)}
              >
                {vendorAllowed ? t('vendorIsAllowed', label.vendor) : t('allowVendor', label.vendor)}
              </button>
            )}
          </div>
        </div>
      )}
    </div>
  );
}

/** Hidden until asked: values often hold identifiers people would rather not show on screen. */
function CookieValue({ value }: { value: string }) {
  const [shown, setShown] = useState(false);
  return (
    <span class="value">
      {shown && (
        <code class="value-text" data-testid="cookie-value">
          {value === '' ? t('emptyValue') : value}
        </code>
      )}
      <button type="button" class="link-button" aria-pressed={shown} onClick={() => setShown(!shown)}>
        {shown ? t('hideValue') : t('showValue')}
      </button>
    </span>
  );
}
