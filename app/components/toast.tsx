import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { useMessage } from "~/utils/messages";

/** `message` is an encoded key (msg(...) in utils/messages.ts), translated here. */
export type Toast = { kind: "success" | "error"; message: string } | null;

export function ToastMessage({ toast }: { toast: Toast }) {
  const { t } = useTranslation();
  const tm = useMessage();
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
          <span>{tm(visible.message)}</span>
          <button
            type="button"
            className="toast-close"
            aria-label={t("common.dismiss")}
            onClick={() => setVisible(null)}
          >
            ×
          </button>
        </div>
      ) : null}
    </div>
  );
}
