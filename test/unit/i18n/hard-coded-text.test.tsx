import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { parseHTML } from 'linkedom';
import { render } from 'preact';
import ts from 'typescript';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ProblemNotice } from '../../../components/ProblemNotice';
import { SetupSteps } from '../../../components/SetupSteps';
import { SignInPanel } from '../../../components/SignInPanel';
import { LocalDataSection } from '../../../components/LocalDataSection';
import { SyncSettings } from '../../../components/SyncSettings';
import { ClientIdForm } from '../../../components/ClientIdForm';
import { CurrentTrackCard } from '../../../components/popup/CurrentTrackCard';
import { ResultCount } from '../../../components/popup/ResultCount';
import { SyncStatus } from '../../../components/popup/SyncStatus';
import { PopupFooter } from '../../../components/popup/PopupFooter';
import { LibraryCounts } from '../../../components/library/LibraryCounts';
import { LibraryTabs } from '../../../components/library/LibraryTabs';
import { RestorePanel } from '../../../components/library/RestorePanel';
import { SortSelect } from '../../../components/library/SortSelect';
import { TrackTableHeader } from '../../../components/library/TrackTableHeader';
import { ExportControls } from '../../../components/library/ExportControls';
import { forgetUiLocale } from '../../../lib/i18n';
import { describeSync } from '../../../lib/popup/sync-view';
import { initialAppStatus } from '../../../lib/status';
import { getMessageFrom, readMessages } from '../../i18n-messages';

/**
 * A component that writes English itself — not through `t()` — shows English to a Chinese
 * user. Two checks: the source of every component and page holds no words outside `t()`, and
 * components rendered in a made-up locale whose every message is marked show no unmarked words.
 */
const ROOT = resolve(import.meta.dirname, '../../..');

function sources(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.tsx'))
    .map((entry) => join(entry.parentPath, entry.name));
}

/** Attributes a user reads or hears. */
const SHOWN_ATTRIBUTES = new Set(['title', 'aria-label', 'placeholder', 'alt', 'label', 'aria-description']);
/** Words that are the same in every language: names of products and formats, and symbols. */
const NOT_WORDS = /^(Tracklight|Spotify Developer Dashboard|Exportify|Tracklight (CSV|JSON)|Exportify CSV|#|[✓≈+·—–,:\s.…()/-]*)$/;

function hardCodedWords(file: string): string[] {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  const found: string[] = [];
  const where = (node: ts.Node) => `${relative(ROOT, file)}:${source.getLineAndCharacterOfPosition(node.getStart()).line + 1}`;
  const visit = (node: ts.Node): void => {
    if (ts.isJsxText(node)) {
      const text = node.text.trim();
      if (/[A-Za-z]/.test(text) && !NOT_WORDS.test(text)) found.push(`${where(node)} text “${text}”`);
    } else if (ts.isJsxAttribute(node) && SHOWN_ATTRIBUTES.has(node.name.getText()) && node.initializer) {
      const value = node.initializer;
      const literal = ts.isStringLiteral(value)
        ? value.text
        : ts.isJsxExpression(value) &&
            value.expression &&
            (ts.isStringLiteral(value.expression) || ts.isNoSubstitutionTemplateLiteral(value.expression) || ts.isTemplateExpression(value.expression))
          ? value.expression.getText()
          : null;
      if (literal !== null && /[A-Za-z]{2}/.test(literal) && !NOT_WORDS.test(literal)) found.push(`${where(node)} ${node.name.getText()}=${literal}`);
    } else if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) {
      // A sentence in a string: two words with a space, starting with a capital ("Sign in").
      if (/^[A-Z][a-z]+ [a-z]+/.test(node.text) && !ts.isImportDeclaration(node.parent)) found.push(`${where(node)} string “${node.text}”`);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

describe('no hard-coded English in components and pages', () => {
  const files = [...sources('components'), ...sources('entrypoints')];

  it('finds the components to check', () => {
    expect(files.map((file) => relative(ROOT, file))).toContain('components/popup/CurrentTrackCard.tsx');
  });

  it('has every word a user reads in a component or page come from t()', () => {
    expect(files.flatMap(hardCodedWords)).toEqual([]);
  });

  it('catches a component that writes English itself', () => {
    const file = join(ROOT, 'test/fixtures/i18n/HardCoded.tsx');
    expect(hardCodedWords(file)).toEqual([
      'test/fixtures/i18n/HardCoded.tsx:4 title=Copy link',
      'test/fixtures/i18n/HardCoded.tsx:4 string “Copy link”',
      'test/fixtures/i18n/HardCoded.tsx:5 text “Sync now”',
      'test/fixtures/i18n/HardCoded.tsx:9 string “Not in your library”',
    ]);
  });
});

describe('components rendered in another language', () => {
  let restore: () => void = () => undefined;
  beforeEach(async () => {
    const english = await readMessages('en');
    // Every message marked ⟦…⟧, so English that does not come from a message stands out.
    const marked = Object.fromEntries(Object.entries(english).map(([key, message]) => [key, message.replace(/[^|]+/g, (form) => `⟦${form.trim()}⟧`)]));
    marked.meta_locale = 'en';
    const getMessage = fakeBrowser.i18n.getMessage;
    fakeBrowser.i18n.getMessage = getMessageFrom(marked, 'en_US');
    forgetUiLocale();
    const { document, window } = parseHTML('<!doctype html><html><body><div id="app"></div></body></html>');
    const global = globalThis as { document?: unknown; window?: unknown };
    Object.assign(global, { document, window });
    restore = () => {
      fakeBrowser.i18n.getMessage = getMessage;
      forgetUiLocale();
      delete global.document;
      delete global.window;
    };
  });
  afterEach(() => restore());

  /** Words outside the marks: in text, and in the attributes a user reads or hears. */
  function unmarked(root: Element): string[] {
    const strip = (text: string) =>
      text.replace(/⟦[^⟧]*⟧/g, '').replace(/https?:\S+|[0-9]+|Spotify Developer Dashboard|Exportify|Tracklight (CSV|JSON)|Exportify CSV/g, '');
    // The whole text at once: a sentence with parts inside (<Rich>) spans several text nodes.
    const found: string[] = /[A-Za-z]{2}/.test(strip(root.textContent ?? '')) ? [`text “${strip(root.textContent ?? '')}”`] : [];
    const walk = (node: Node): void => {
      if (node.nodeType === 1) {
        for (const name of SHOWN_ATTRIBUTES) {
          const value = (node as Element).getAttribute(name);
          if (value && /[A-Za-z]{2}/.test(strip(value))) found.push(`${name}=“${value}”`);
        }
      }
      for (const child of node.childNodes) walk(child);
    };
    walk(root);
    return found;
  }

  const track = { trackId: '4uLU6hMCjMI75M1A2tKUQC', state: { kind: 'other-version', albumName: 'Whenever' }, details: null } as const;
  const sync = () =>
    describeSync({ ...initialAppStatus, signedIn: true, sync: { ...initialAppStatus.sync, state: 'syncing', progress: { done: 50, total: 200 } } }, true, 0);
  const restoreStatus = {
    jobId: 'j',
    source: 'file',
    fileName: 'liked.csv',
    state: 'done',
    position: 10,
    total: 12,
    restored: 9,
    failedCount: 1,
    failures: [{ uri: 'spotify:track:x', label: 'x', reason: 'r' }],
    cancelled: false,
    pausedBy: null,
    resumeAt: null,
    message: null,
  };

  it.each([
    ['ProblemNotice', () => <ProblemNotice problem="redirect-uri" redirectUri="https://x.chromiumapp.org/" signedIn={false} />],
    ['ProblemNotice (premium)', () => <ProblemNotice problem="premium-required" redirectUri="https://x.chromiumapp.org/" signedIn />],
    ['SetupSteps', () => <SetupSteps redirectUri="https://x.chromiumapp.org/" />],
    ['SignInPanel', () => <SignInPanel clientIdMissing={false} busy={false} notice={null} onSignIn={() => undefined} onOpenOptions={() => undefined} />],
    ['LocalDataSection', () => <LocalDataSection accountName="ann" onDelete={async () => undefined} />],
    ['SyncSettings', () => <SyncSettings intervalMinutes={30} onIntervalChange={() => undefined} openTracksIn="web" onOpenTracksInChange={() => undefined} />],
    ['ClientIdForm', () => <ClientIdForm saved="" buildDefault="0123456789abcdef0123456789abcdef" onSave={async () => undefined} />],
    ['CurrentTrackCard', () => <CurrentTrackCard track={track} pending={false} error={null} onToggleSaved={() => undefined} />],
    ['ResultCount', () => <ResultCount id="c" outcome={{ kind: 'typo', total: 3 } as never} query="beyonse" partial />],
    ['SyncStatus', () => <SyncStatus view={sync()} note={null} onSyncNow={() => undefined} />],
    ['PopupFooter', () => <PopupFooter />],
    ['LibraryCounts', () => <LibraryCounts count={5} total={120} unavailable={2} query="" searchKind="all" filtered={false} />],
    ['LibraryTabs', () => <LibraryTabs view="library" removedCount={3} />],
    [
      'RestorePanel',
      () => (
        <RestorePanel
          status={restoreStatus as never}
          signedIn={false}
          onPause={() => undefined}
          onResume={() => undefined}
          onCancel={() => undefined}
          onDismiss={() => undefined}
        />
      ),
    ],
    ['SortSelect', () => <SortSelect sort={{ field: 'addedAt', direction: 'desc' }} onChange={() => undefined} />],
    ['TrackTableHeader', () => <TrackTableHeader sort={{ field: 'title', direction: 'asc' }} onSort={() => undefined} />],
    ['ExportControls', () => <ExportControls viewCount={10} total={20} progress={null} error="disk" onExport={() => undefined} />],
  ])('%s shows only words from the messages', (_, view) => {
    const app = document.getElementById('app')!;
    render(view(), app);
    expect(app.textContent).toContain('⟦');
    expect(unmarked(app)).toEqual([]);
    render(null, app);
  });
});
