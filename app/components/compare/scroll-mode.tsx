import { useLocation } from "@remix-run/react";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { parseScrollMode, type ScrollMode, withScrollMode } from "~/queries/compare";

/**
 * The scroll mode from the URL, switchable without a round trip: with JavaScript the toggle only rewrites
 * the address (so a reload, a print or a shared link keeps the mode) instead of reloading the comparison
 * over a slow connection. Without JavaScript the toggle is a plain link to the other mode.
 */
export function useScrollMode(): [ScrollMode, (mode: ScrollMode) => void] {
  const location = useLocation();
  const fromUrl = parseScrollMode(new URLSearchParams(location.search).get("scroll"));
  const [mode, setMode] = useState(fromUrl);
  useEffect(() => setMode(fromUrl), [fromUrl]);
  const change = (next: ScrollMode) => {
    setMode(next);
    const url = `${window.location.pathname}${withScrollMode(window.location.search, next)}`;
    // Keep the router's own history state: only the address changes.
    window.history.replaceState(window.history.state, "", url);
  };
  return [mode, change];
}

export function ScrollToggle({ mode, onChange }: { mode: ScrollMode; onChange: (mode: ScrollMode) => void }) {
  const { t } = useTranslation();
  const location = useLocation();
  const options = [
    ["sync", t("compare.scroll.sync")],
    ["independent", t("compare.scroll.independent")],
  ] as const;
  return (
    <div className="compare-scroll">
      {options.map(([value, label]) => (
        <a
          key={value}
          href={withScrollMode(location.search, value)}
          aria-current={mode === value ? "true" : undefined}
          onClick={(event) => {
            if (event.metaKey || event.ctrlKey || event.shiftKey || event.button !== 0) return;
            event.preventDefault();
            onChange(value);
          }}
        >
          {label}
        </a>
      ))}
    </div>
  );
}
