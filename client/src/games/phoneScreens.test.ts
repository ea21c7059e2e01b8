import { describe, expect, it } from 'vitest';
import { GAME_UIS } from './index';
import { PHONE_GAMES } from './phoneScreens';

describe("the phone's game screens", () => {
  it('cover exactly the games of the registry (a game missing here would tell the phone it does not know it)', () => {
    expect([...PHONE_GAMES].sort()).toEqual(Object.keys(GAME_UIS).sort());
  });
});
