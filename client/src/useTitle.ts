// The tab's title says what the page is ("Join BP53M", "Console — BP53M"): a teacher with the
// console, the stage and a replay open finds the right tab, and an installed app its window.

import { useEffect } from 'react';

export const APP_NAME = 'Human Cluster';

export function useTitle(title: string): void {
  useEffect(() => {
    document.title = title;
  }, [title]);
}
