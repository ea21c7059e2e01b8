import { useState } from 'react';

/**
 * Runs `onChange` in the render where `value` differs from the last render's (React's "adjust
 * state when a prop changes": no effect, so no frame shows the old state). `onChange` may only
 * set state.
 */
export function useOnChange<T>(value: T, onChange: () => void): void {
  const [last, setLast] = useState(value);
  if (!Object.is(last, value)) {
    setLast(value);
    onChange();
  }
}
