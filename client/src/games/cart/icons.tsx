// The catalogue's icons, drawn by the project (no downloaded assets, no emoji font needed):
// one small SVG per item of shared/games/cart/config.ts ITEMS. Decorative: the item's name is
// always written beside it.

import type { ComponentType } from 'react';
import type { ItemId } from '../../../../shared/games/cart/config';

function Apples() {
  return (
    <>
      <path d="M20 13c-5-4-13-1-13 8 0 8 5 15 9 15 2 0 3-1 4-1s2 1 4 1c4 0 9-7 9-15 0-9-8-12-13-8z" fill="#d92d20" />
      <path d="M20 13c0-4 1-6 3-8" stroke="#5c3b1e" strokeWidth="2" fill="none" strokeLinecap="round" />
      <path d="M22 9c3-3 7-3 9-2-2 3-5 4-9 2z" fill="#2f9e44" />
      <ellipse cx="13" cy="20" rx="2" ry="4" fill="#fff" opacity=".45" />
    </>
  );
}

function Bread() {
  return (
    <>
      <path d="M5 24c0-8 7-13 15-13s15 5 15 13c0 5-3 8-7 8H12c-4 0-7-3-7-8z" fill="#d9a15b" />
      <path d="M5 24c0-8 7-13 15-13s15 5 15 13" fill="none" stroke="#8a5a2b" strokeWidth="2" />
      {[13, 20, 27].map((x) => (
        <path key={x} d={`M${x - 2} 16l4 6`} stroke="#8a5a2b" strokeWidth="2" strokeLinecap="round" />
      ))}
    </>
  );
}

function Cheese() {
  return (
    <>
      <path d="M4 28l28-16 4 4v16H4z" fill="#ffd43b" stroke="#b08800" strokeWidth="1.5" strokeLinejoin="round" />
      <path d="M4 28l28-16 4 4L8 28z" fill="#ffe066" />
      <circle cx="14" cy="31" r="2" fill="#e0b100" />
      <circle cx="26" cy="28" r="2.5" fill="#e0b100" />
      <circle cx="31" cy="33" r="1.5" fill="#e0b100" />
    </>
  );
}

function Juice() {
  return (
    <>
      <path d="M12 10h16l-2 26H14z" fill="#fff" stroke="#495057" strokeWidth="1.5" strokeLinejoin="round" />
      <path d="M13 17h14l-1.5 18h-11z" fill="#fd7e14" />
      <path d="M24 10l4-6" stroke="#1c7ed6" strokeWidth="2.5" strokeLinecap="round" />
      <circle cx="28" cy="12" r="4" fill="#ffa94d" stroke="#e8590c" strokeWidth="1.5" />
    </>
  );
}

function Pizza() {
  return (
    <>
      <path d="M20 36L5 9c9-5 21-5 30 0z" fill="#ffd8a8" stroke="#c26a1b" strokeWidth="1.5" strokeLinejoin="round" />
      <path d="M5 9c9-5 21-5 30 0l-2 4c-8-4-18-4-26 0z" fill="#c26a1b" />
      <circle cx="16" cy="17" r="2.6" fill="#e03131" />
      <circle cx="24" cy="18" r="2.6" fill="#e03131" />
      <circle cx="20" cy="26" r="2.4" fill="#e03131" />
    </>
  );
}

function Cake() {
  return (
    <>
      <rect x="6" y="20" width="28" height="14" rx="2" fill="#f783ac" />
      <path d="M6 24c3 3 5 3 7 0s4-3 7 0 5 3 7 0 4-3 7 0" fill="none" stroke="#fff" strokeWidth="2" />
      <rect x="6" y="15" width="28" height="6" rx="2" fill="#fcc2d7" />
      <rect x="19" y="7" width="2.5" height="8" fill="#4dabf7" />
      <path d="M20 2c2 2 2 4 0 5-2-1-2-3 0-5z" fill="#fab005" />
    </>
  );
}

const DRAW: Record<ItemId, ComponentType> = { apples: Apples, bread: Bread, cheese: Cheese, juice: Juice, pizza: Pizza, cake: Cake };

export function ItemIcon({ item, size = 40 }: { item: ItemId; size?: number }) {
  const Draw = DRAW[item];
  return (
    <svg className="ct-icon" width={size} height={size} viewBox="0 0 40 40" aria-hidden="true" focusable="false">
      <Draw />
    </svg>
  );
}
