import { t } from '../lib/i18n';
import { useState } from 'preact/hooks';

interface CopyableValueProps {
  value: string;
  label: string;
  /** Extra attributes for the value element (tests find the redirect URI by them). */
  valueProps?: Record<string, string>;
}

export function CopyableValue({ value, label, valueProps }: CopyableValueProps) {
  const [copied, setCopied] = useState(false);
  async function copy() {
    await navigator.clipboard.writeText(value);
    setCopied(true);
    setTimeout(() => setCopied(false), 2000);
  }
  return (
    <div class="copyable">
      <code {...valueProps}>{value}</code>
      <button type="button" onClick={copy} aria-label={t('copy.labelled', { label })}>
        {copied ? t('copy.copied') : t('copy.copy')}
      </button>
    </div>
  );
}
