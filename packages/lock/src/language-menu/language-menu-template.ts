import { html, nothing, type TemplateResult } from 'lit';
import { LANGUAGE_NAMES } from '../i18n/language-names.js';
import type { Translate } from '../screens/types.js';

/** What the language menu shows and reports back. */
export interface LanguageMenuProps {
  t: Translate;
  languages: readonly string[];
  current: string;
  open: boolean;
  onToggle: () => void;
  onKeydown: (event: KeyboardEvent) => void;
  onFocusout: (event: FocusEvent) => void;
  onChoose: (language: string) => void;
}

/**
 * A menu button and its menu of languages (WAI-ARIA menu button pattern, `menuitemradio`). Each
 * name carries its own `lang`, so screen readers pronounce "Deutsch" in German.
 */
export function languageMenu(p: LanguageMenuProps): TemplateResult {
  const name = LANGUAGE_NAMES[p.current] ?? p.current;
  return html`<span @focusout=${p.onFocusout}
    ><button
      type="button"
      id="language-button"
      part="button language-button"
      aria-haspopup="menu"
      aria-expanded=${p.open ? 'true' : 'false'}
      aria-controls="language-menu"
      aria-label=${`${p.t('language')}: ${name}`}
      @click=${p.onToggle}
      @keydown=${p.onKeydown}
    >
      ${name}
    </button>
    <div
      id="language-menu"
      class="menu"
      part="language-menu"
      role="menu"
      aria-label=${p.t('language')}
      ?hidden=${!p.open}
      @keydown=${p.onKeydown}
    >
      ${
        p.open
          ? p.languages.map(
              (code) =>
                html`<button
                  type="button"
                  role="menuitemradio"
                  part="language-option"
                  lang=${code}
                  tabindex="-1"
                  aria-checked=${code === p.current ? 'true' : 'false'}
                  @click=${() => p.onChoose(code)}
                >
                  ${LANGUAGE_NAMES[code] ?? code}
                </button>`,
            )
          : nothing
      }
    </div></span
  >`;
}
