import { useState, type FormEvent } from 'react';
import { normaliseRoomCode } from '../../shared/protocol/codes';
import { APP_NAME, useTitle } from './useTitle';

export function Landing() {
  useTitle(APP_NAME);
  const [code, setCode] = useState('');
  const [error, setError] = useState('');
  const join = (e: FormEvent) => {
    e.preventDefault();
    const normal = normaliseRoomCode(code);
    if (!normal) return setError('A room code has 5 letters and digits, like K7QX3.');
    window.location.assign(`/join/${normal}`);
  };
  return (
    <main className="landing">
      <section className="hero">
        <h1>Human Cluster</h1>
        <p>
          Your class is the distributed system. Every phone is a node, the server is the network, and the instructor is the network's
          adversary.
        </p>
      </section>
      <div className="choices">
        <form className="panel stack" onSubmit={join}>
          <h2>Join with a code</h2>
          <label htmlFor="landing-code">Room code</label>
          <input
            id="landing-code"
            className="code-input"
            value={code}
            onChange={(e) => setCode(e.target.value)}
            autoComplete="off"
            autoCapitalize="characters"
            maxLength={8}
            placeholder="K7QX3"
          />
          {error && (
            <div className="error" role="alert">
              {error}
            </div>
          )}
          <button className="big" type="submit">
            Join
          </button>
        </form>
        <div className="panel stack">
          <h2>Host a class</h2>
          <p className="muted">Open the instructor console on the projector: it creates a room with a code and a QR code for the phones.</p>
          <a className="button big" href="/console">
            Host a class
          </a>
        </div>
      </div>
    </main>
  );
}
