// The join page in each language, as the server sends it to a phone (server/static.ts picks the
// file by `?lang=` or the browser's Accept-Language):
// - it preloads that language's phone words (the `phone` part of the catalogue, see
//   client/src/i18n/parts.ts), so that a phone fetches them beside the page's script instead of
//   after it has run: one round trip less on a slow Wi-Fi (2 s on the bench's profile);
// - it carries the join form itself, in that language, so the student reads and types while the
//   script is still on its way (the script takes over what was typed: client/src/phone/prerendered.ts).
//   Sent before the script has run, the form is a plain GET of the same page with the code or
//   the nickname in the address, which the script then uses.
// Files: join.<lang>.html (step 1, the code), join-code.<lang>.html (step 2, the nickname, for a
// link with the code: the server writes the code in place of CODE_SLOT), join-plain.<lang>.html
// (no form: a phone that holds a seat resumes instead of joining).

import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { IntlMessageFormat } from 'intl-messageformat';
import type { Plugin } from 'vite';
import { NICKNAME_MAX } from '../shared/protocol/codes.js';
import { LANGUAGES } from '../shared/protocol/languages.js';
import { CODE_SLOT, joinShellFile } from './joinShellNames.js';
import { readArea } from './messages.js';

const APP_NAME = 'Human Cluster';

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** The same elements, classes and ids as PhoneApp's JoinForm and NicknameStep. */
function forms(t: (key: string, params?: Record<string, string | number>) => string) {
  const step1 = [
    '<form class="stack" aria-labelledby="join-title" data-prerendered="">',
    `<h1 id="join-title">${t('phone.join.title')}</h1>`,
    `<p class="muted">${t('phone.join.step1')}</p>`,
    `<div class="field"><label for="join-code">${t('phone.join.codeLabel')}</label>`,
    '<input id="join-code" name="code" class="code-input" autocomplete="off" autocapitalize="characters" spellcheck="false" maxlength="8" inputmode="text"></div>',
    `<button class="big" type="submit">${t('phone.join.next')}</button>`,
    '</form>',
  ].join('');
  const step2 = [
    '<form class="stack" aria-labelledby="join-title" novalidate="" data-prerendered="">',
    `<h1 id="join-title">${t('phone.join.roomTitle', { code: CODE_SLOT })}</h1>`,
    `<p class="muted">${t('phone.join.step2')}</p>`,
    `<div class="field"><label for="join-nickname">${t('phone.join.nicknameLabel')}</label>`,
    `<input id="join-nickname" name="nickname" autocomplete="nickname" placeholder="${t('phone.join.nicknamePlaceholder')}" aria-describedby="join-count">`,
    `<span id="join-count" class="join-count" aria-live="polite">${t('phone.join.count', { length: 0, max: NICKNAME_MAX })}</span></div>`,
    `<button class="big" type="submit">${t('phone.join.join')}</button>`,
    '</form>',
  ].join('');
  const phone = (form: string) => `<div class="phone"><main class="phone-main">${form}</main></div>`;
  return { step1: phone(step1), step2: phone(step2) };
}

export function joinShellsPlugin(root: string): Plugin {
  let outDir = '';
  let base = '/';
  return {
    name: 'human-cluster:join-shells',
    apply: 'build',
    configResolved(config) {
      outDir = path.resolve(config.root, config.build.outDir);
      base = config.base;
    },
    async writeBundle(_options, bundle) {
      const index = bundle['index.html'];
      if (index?.type !== 'asset') return;
      const html = String(index.source);
      /** The other pages (console, stage, replay) are one file for every language: the line in each. */
      const noscript: string[] = [];
      for (const lang of LANGUAGES) {
        const chunk = Object.values(bundle).find((c) => c.type === 'chunk' && c.name === `i18n-phone-${lang}`);
        if (!chunk) throw new Error(`join shells: the build has no i18n-phone-${lang} chunk (vite.config.ts groups the catalogue)`);
        const messages = await readArea(path.join(root, `client/src/i18n/messages/phone/${lang}.ts`));
        const t = (key: string, params?: Record<string, string | number>) => {
          const text = messages[key];
          if (typeof text !== 'string') throw new Error(`join shells: no ${lang} message ${key}`);
          return escapeHtml(String(new IntlMessageFormat(text, lang, undefined, { ignoreTag: true }).format(params)));
        };
        noscript.push(`<p lang="${lang}">${t('phone.noscript')}</p>`);
        const { step1, step2 } = forms(t);
        const link = `<link rel="modulepreload" crossorigin href="${base}${chunk.fileName}">`;
        const page = (title: string | null, form: string) => {
          let out = html.replace('<html lang="en">', `<html lang="${lang}">`).replace('</head>', `  ${link}\n  </head>`);
          if (title !== null) out = out.replace(/<title>[^<]*<\/title>/, `<title>${title}</title>`);
          return out
            .replace(/<noscript>[^<]*<\/noscript>/, `<noscript>${t('phone.noscript')}</noscript>`)
            .replace('<div id="root"></div>', `<div id="root">${form}</div>`);
        };
        await writeFile(path.join(outDir, joinShellFile('join', lang)), page(t('phone.title.join', { app: APP_NAME }), step1));
        await writeFile(path.join(outDir, joinShellFile('join-code', lang)), page(t('phone.title.joinCode', { code: CODE_SLOT }), step2));
        await writeFile(path.join(outDir, joinShellFile('join-plain', lang)), page(null, ''));
      }
      await writeFile(
        path.join(outDir, 'index.html'),
        html.replace(/<noscript>[^<]*<\/noscript>/, `<noscript>${noscript.join('')}</noscript>`),
      );
    },
  };
}
