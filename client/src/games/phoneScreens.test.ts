import { describe, expect, it } from 'vitest';
import { GAME_UIS } from './index';
import { PHONE_GAMES, PHONE_RECAPS } from './phoneScreens';

describe("the phone's game screens", () => {
  it('cover exactly the games of the registry (a game missing here would tell the phone it does not know it)', () => {
    expect([...PHONE_GAMES].sort()).toEqual(Object.keys(GAME_UIS).sort());
  });

  it("have a recap each (the phone's line after a round)", () => {
    expect(Object.keys(PHONE_RECAPS).sort()).toEqual([...PHONE_GAMES].sort());
  });
});
