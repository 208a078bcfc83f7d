import { useState } from 'preact/hooks';

export interface LoginFormProps {
  onSubmit: (token: string) => void;
  /** Why the agent is asked again, e.g. a refused token. */
  error?: string;
}

/** Asks for the agent token when the URL did not carry one. */
export function LoginForm({ onSubmit, error }: LoginFormProps) {
  const [token, setToken] = useState('');
  return (
    <main class="login" id="main">
      <h1>Sapa console</h1>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          if (token.trim()) onSubmit(token.trim());
        }}
      >
        <label for="agent-token">Agent token</label>
        <input
          id="agent-token"
          type="password"
          autoComplete="current-password"
          required
          value={token}
          aria-describedby={error ? 'login-error' : 'login-help'}
          onInput={(event) => setToken(event.currentTarget.value)}
        />
        <p id="login-help" class="muted">
          Your own agent token (an operator makes one with sapa-server agents add), or the operator token the
          server prints when it starts.
        </p>
        {error ? (
          <p id="login-error" role="alert" class="composer__error">
            {error}
          </p>
        ) : null}
        <button type="submit" class="primary">
          Sign in
        </button>
      </form>
    </main>
  );
}
