import { Link, Route, Switch } from 'wouter';
import { DatePicker } from './components/DatePicker';
import { SignIn } from './components/SignIn';
import { UnitSearch } from './components/UnitSearch';
import { useView } from './hooks';
import { useI18n, type Language } from './i18n';
import { AreaPage } from './pages/AreaPage';
import { HomePage } from './pages/HomePage';
import { UnitPage } from './pages/UnitPage';

const LANGUAGES: ReadonlyArray<[Language, string]> = [
  ['vi', 'Tiếng Việt'],
  ['en', 'English'],
];

export function App() {
  const { t, language, setLanguage } = useI18n();
  const { homeHref } = useView();
  return (
    <div className="app">
      <header className="topbar">
        <Link href={homeHref()} className="brand">
          <span className="brand-mark" aria-hidden="true">
            ★
          </span>
          <span>
            <span className="brand-title">{t('appTitle')}</span>
            <span className="brand-sub">{t('appSubtitle')}</span>
          </span>
        </Link>
        <div className="topbar-tools">
          <div className="languages" role="group" aria-label={t('language')}>
            {LANGUAGES.map(([code, name]) => (
              <button key={code} type="button" lang={code} aria-pressed={language === code} onClick={() => setLanguage(code)}>
                {name}
              </button>
            ))}
          </div>
          <SignIn />
        </div>
      </header>
      <div className="controls">
        <UnitSearch />
        <DatePicker />
      </div>
      <main>
        <Switch>
          <Route path="/">
            <HomePage />
          </Route>
          <Route path="/unit/:code">{(params) => <UnitPage key={params.code} code={decodeURIComponent(params.code)} />}</Route>
          <Route path="/area/:id">{(params) => <AreaPage id={decodeURIComponent(params.id)} />}</Route>
          <Route>
            <p className="note">
              {t('notFoundPage')} <Link href="/">{t('home')}</Link>
            </p>
          </Route>
        </Switch>
      </main>
    </div>
  );
}
