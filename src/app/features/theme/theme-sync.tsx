import { useEffect, useState } from 'react';
import { useWorkspace, type ThemePref } from '../../lib/store';
import { SHORTCUT_KEYS } from '../help/shortcuts';

function systemPrefersDark(): boolean {
  return typeof matchMedia === 'function' && matchMedia('(prefers-color-scheme: dark)').matches;
}

/** The theme actually shown, following the OS when the preference is "system". */
export function useResolvedTheme(): 'light' | 'dark' {
  const pref = useWorkspace((s) => s.theme);
  const [sysDark, setSysDark] = useState(systemPrefersDark);
  useEffect(() => {
    if (typeof matchMedia !== 'function') return;
    const mq = matchMedia('(prefers-color-scheme: dark)');
    const on = () => setSysDark(mq.matches);
    mq.addEventListener('change', on);
    return () => mq.removeEventListener('change', on);
  }, []);
  return pref === 'system' ? (sysDark ? 'dark' : 'light') : pref;
}

/** Puts the resolved theme on <html> as a class (Tailwind's dark variant reads it). */
export function ThemeSync() {
  const theme = useResolvedTheme();
  useEffect(() => {
    const el = document.documentElement;
    el.classList.toggle('dark', theme === 'dark');
    el.dataset.theme = theme;
  }, [theme]);
  return null;
}

const LABEL: Record<ThemePref, string> = { system: 'System theme', light: 'Light theme', dark: 'Dark theme' };

export function ThemeToggle() {
  const pref = useWorkspace((s) => s.theme);
  const cycle = useWorkspace((s) => s.cycleTheme);
  const icon = pref === 'dark' ? '☾' : pref === 'light' ? '☀' : '◐';
  return (
    <button
      type="button"
      onClick={cycle}
      className="btn-ghost"
      aria-label={`${LABEL[pref]} (${SHORTCUT_KEYS.theme} to switch)`}
      title={`${LABEL[pref]} — click to switch`}
      data-testid="theme-toggle"
      data-theme-pref={pref}
    >
      <span aria-hidden="true" className="text-base leading-none">
        {icon}
      </span>
      <span className="hidden sm:inline">{LABEL[pref].replace(' theme', '')}</span>
    </button>
  );
}
