/** Designed loading and error states: say what is happening and what the person can do. */
export function Loading({ what }: { what: string }) {
  return (
    <div className="status loading" role="status">
      <span className="loading-mark" aria-hidden="true" />
      <p>{what}</p>
    </div>
  );
}

export function ErrorState({ message, onRetry }: { message: string; onRetry?: () => void }) {
  return (
    <div className="status error-state" role="alert">
      <p>{message}</p>
      {onRetry ? (
        <button type="button" className="button secondary" onClick={onRetry}>
          Try again
        </button>
      ) : null}
    </div>
  );
}
