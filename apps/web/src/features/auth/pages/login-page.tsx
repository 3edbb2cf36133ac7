import { useState, type ChangeEvent, type FormEvent, type ReactNode } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import type { LoginBody, Me } from '@wj/domain/schemas';
import { errorMessage } from '@/lib/api-client';
import { useLogin } from '../api/login';
import { CloseCircleIcon, EyeIcon, EyeInvisibleIcon, LoadingIcon, LockIcon, UserIcon } from '../components/login-icons';
import './login-page.css';

/**
 * The login page is the one screen without antd: it is what every visitor
 * downloads first, and antd's Form, Card, Alert and the App wrapper were
 * most of its JavaScript (issue 11, item 8: ≤ 200 kB gzip; e2e/tests/bundle.spec.ts).
 * It keeps antd's look (login-page.css copies the theme's figures) and
 * Form's behaviour: a field is checked as it changes and on submit, with the
 * same Chinese messages. antd itself arrives with the app shell after login.
 */

type Field = keyof LoginBody;
type Errors = Partial<Record<Field, string>>;

/** The same rules the antd form had: required, and a username of spaces is no username. */
const RULES: Record<Field, (value: string) => string | undefined> = {
  username: (v) => (v.trim() ? undefined : '请输入用户名'),
  password: (v) => (v ? undefined : '请输入密码'),
};
const FIELDS = Object.keys(RULES) as Field[];

/** Where to go after login: only a path inside this app, never another site. */
function safeFrom(from: string | null): string {
  return from && from.startsWith('/') && !from.startsWith('//') && !from.startsWith('/login') ? from : '/';
}

/**
 * onSignedIn: told who signed in and where they are going, just before the
 * page navigates there (the app layer starts that page's first request then).
 */
export function LoginPage({ onSignedIn }: { onSignedIn?: (user: Me, to: string) => void } = {}) {
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const login = useLogin();
  const [values, setValues] = useState<LoginBody>({ username: '', password: '' });
  const [errors, setErrors] = useState<Errors>({});
  const [showPassword, setShowPassword] = useState(false);
  const pending = login.isPending;

  const onChange = (field: Field) => (e: ChangeEvent<HTMLInputElement>) => {
    const value = e.target.value;
    setValues((v) => ({ ...v, [field]: value }));
    setErrors((errs) => ({ ...errs, [field]: RULES[field](value) }));
  };

  const onSubmit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    if (pending) return;
    const found: Errors = Object.fromEntries(FIELDS.map((f) => [f, RULES[f](values[f])]));
    setErrors(found);
    const firstInvalid = FIELDS.find((f) => found[f]);
    if (firstInvalid) {
      document.getElementById(firstInvalid)?.focus();
      return;
    }
    const to = safeFrom(params.get('from'));
    login.mutate(values, {
      onSuccess: ({ user }) => {
        onSignedIn?.(user, to);
        navigate(to, { replace: true });
      },
    });
  };

  const field = (name: Field, label: string, input: (invalid: boolean) => ReactNode) => {
    const error = errors[name];
    return (
      <div className={`login-item${error ? ' login-item-error' : ''}`}>
        <label className="login-label" htmlFor={name}>{label}</label>
        {input(Boolean(error))}
        {error && <div id={`${name}-error`} className="login-explain" role="alert">{error}</div>}
      </div>
    );
  };
  const inputProps = (name: Field, invalid: boolean) => ({
    id: name,
    name,
    value: values[name],
    onChange: onChange(name),
    disabled: pending,
    'aria-invalid': invalid,
    'aria-describedby': invalid ? `${name}-error` : undefined,
  });

  return (
    <div className="login-page">
      <div className="login-card">
        <h3 className="login-title">卫健党建质量平台</h3>
        <div className="login-subtitle">市卫生健康委直属机关党委</div>
        {login.isError && (
          <div className="login-alert" role="alert">
            <CloseCircleIcon className="login-alert-icon" />
            <span>{errorMessage(login.error)}</span>
          </div>
        )}
        <form noValidate onSubmit={onSubmit}>
          {field('username', '用户名', (invalid) => (
            <span className="login-input" data-disabled={pending || undefined}>
              <UserIcon className="login-input-prefix" />
              <input {...inputProps('username', invalid)} type="text" autoComplete="username" autoFocus />
            </span>
          ))}
          {field('password', '密码', (invalid) => (
            <span className="login-input" data-disabled={pending || undefined}>
              <LockIcon className="login-input-prefix" />
              <input {...inputProps('password', invalid)} type={showPassword ? 'text' : 'password'} autoComplete="current-password" />
              {/* Named without the word 密码, so that getByLabel('密码') still finds only the field. */}
              <button
                type="button"
                className="login-input-suffix"
                aria-label="显示明文"
                aria-pressed={showPassword}
                disabled={pending}
                onClick={() => setShowPassword((s) => !s)}
              >
                {showPassword ? <EyeIcon /> : <EyeInvisibleIcon />}
              </button>
            </span>
          ))}
          {/* antd puts a space between two Chinese characters on a button; the page keeps that look. */}
          <button type="submit" className="login-submit" disabled={pending} aria-busy={pending}>
            {pending && <LoadingIcon className="login-spin" />}
            <span>登 录</span>
          </button>
        </form>
      </div>
    </div>
  );
}
