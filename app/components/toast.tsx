import { useEffect, useState } from "react";

export type Toast = { kind: "success" | "error"; message: string } | null;

export function ToastMessage({ toast }: { toast: Toast }) {
  const [visible, setVisible] = useState<Toast>(toast);
  useEffect(() => {
    setVisible(toast);
    if (!toast) return;
    const timer = setTimeout(() => setVisible(null), 6000);
    return () => clearTimeout(timer);
  }, [toast]);
  return (
    <div className="toast-region" role="status" aria-live="polite">
      {visible ? (
        <div className={`toast toast-${visible.kind}`}>
          <span>{visible.message}</span>
          <button type="button" className="toast-close" aria-label="Dismiss" onClick={() => setVisible(null)}>
            ×
          </button>
        </div>
      ) : null}
    </div>
  );
}
