import { useState } from 'preact/hooks';
import type { BrowserCookie, KeptGroup } from '../shared/protocol';
import { ConfirmRemoval } from './confirm-removal';
import { consequenceText } from './format';
import { t } from './t';

interface Props {
  groups: readonly KeptGroup[];
  /** Who stands for cookies nothing identifies: the site. */
  site: string;
  busy: boolean;
  onRemove(cookies: BrowserCookie[]): void;
}

/**
 * The optional cookies one click kept because deleting them has a consequence: said, with the
 * consequence, and removable on purpose ("Also sign me out of Facebook") after a confirmation that
 * spells it out. Undo follows as for any removal.
 */
export function KeptNotice({ groups, site, busy, onRemove }: Props) {
  const [confirming, setConfirming] = useState<string | null>(null);
  if (groups.length === 0) return null;
  return (
    <ul class="kept" data-testid="kept">
      {groups.map((group) => {
        const who = group.vendor ?? site;
        const verb = consequenceText(group.ifDeleted, who) ?? '';
        const id = `${group.vendor ?? ''}|${group.ifDeleted}`;
        const n = group.records.length;
        return (
          <li key={id} data-testid="kept-group" data-vendor={group.vendor ?? ''}>
            <span>{t.plural('keptGroup', n, verb)}</span>{' '}
            {confirming === id ? (
              <ConfirmRemoval
                count={n}
                consequences={verb}
                busy={busy}
                onConfirm={() => {
                  setConfirming(null);
                  onRemove(group.records.map((r) => r.cookie));
                }}
                onCancel={() => setConfirming(null)}
              />
            ) : (
              <button
                type="button"
                class="link-button"
                data-testid="also-remove"
                disabled={busy}
                onClick={() => setConfirming(id)}
              >
                {group.ifDeleted === 'signs-out' && group.vendor
                  ? t('alsoSignOut', group.vendor)
                  : t('alsoRemoveThese')}
              </button>
            )}
          </li>
        );
      })}
    </ul>
  );
}
